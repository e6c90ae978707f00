package org.lianxin.member;

import org.lianxin.organization.AreaEvents.AreaMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a subtree of the area tree moves, this module's path columns follow, in the mover's
 * transaction (like the organization module's own rows), so that scope never sees a half-moved tree.
 */
@Component
class MemberPathFollower {

    private static final String[][] PATH_COLUMNS = {
            {"member", "area_path"},
            {"registration", "community_path"},
            {"unit_registration", "community_path"},
    };

    private final JdbcTemplate jdbc;

    MemberPathFollower(JdbcTemplate jdbc) {
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
