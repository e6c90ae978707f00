package org.lianxin.resident;

import org.lianxin.organization.AreaEvents.AreaMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the area paths of households, residents and signups in step when a part of the area tree
 * moves. **Departure** from "listeners use {@code @ApplicationModuleListener}": it runs in the
 * mover's transaction, like organization's own followers, so that no moment exists in which a
 * resident is visible to the old community and invisible to the new one.
 */
@Component
class ResidentPathFollower {

    private static final String[][] PATH_COLUMNS = {
            {"household", "area_path"},
            {"resident", "area_path"},
            {"resident_signup", "area_path"},
    };

    private final JdbcTemplate jdbc;

    ResidentPathFollower(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AreaMoved moved) {
        for (String[] column : PATH_COLUMNS) {
            jdbc.update("update " + column[0] + " set " + column[1] + " = ? || substring(" + column[1]
                    + " from ?) where " + column[1] + " like ?", moved.newPath(), moved.oldPath().length() + 1,
                    moved.oldPath() + "%");
        }
    }
}
