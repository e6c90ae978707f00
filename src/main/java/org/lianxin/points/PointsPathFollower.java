package org.lianxin.points;

import org.lianxin.organization.AreaEvents.AreaMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger's and the rules' area paths in step when a part of the area tree moves, in the mover's transaction
 * (like the other modules' followers). The PostgreSQL trigger that keeps entries append-only lets exactly this column
 * change.
 */
@Component
class PointsPathFollower {

    private final JdbcTemplate jdbc;

    PointsPathFollower(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AreaMoved moved) {
        jdbc.update("update points_entry set area_path = ? || substring(area_path from ?) where area_path like ?",
                moved.newPath(), moved.oldPath().length() + 1, moved.oldPath() + "%");
        jdbc.update("update points_rule set subdistrict_path = ? || substring(subdistrict_path from ?) "
                + "where subdistrict_path like ?", moved.newPath(), moved.oldPath().length() + 1, moved.oldPath() + "%");
    }
}
