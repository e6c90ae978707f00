package org.lianxin.care;

import org.lianxin.organization.AreaEvents.AreaMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the area paths of contact assignments and visits in step when a part of the area tree moves, in the
 * mover's transaction (the same departure from {@code @ApplicationModuleListener} as the resident module's
 * follower, for the same reason: no moment in which a household's contact is visible to the wrong community).
 */
@Component
class CarePathFollower {

    private static final String[] TABLES = {"contact_assignment", "visit"};

    private final JdbcTemplate jdbc;

    CarePathFollower(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AreaMoved moved) {
        for (String table : TABLES) {
            jdbc.update("update " + table + " set area_path = ? || substring(area_path from ?) where area_path like ?",
                    moved.newPath(), moved.oldPath().length() + 1, moved.oldPath() + "%");
        }
    }
}
