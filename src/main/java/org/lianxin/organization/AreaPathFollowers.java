package org.lianxin.organization;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of this module that carry an area path and must follow when a subtree moves, and the
 * references in this module that keep an area from being deleted (other modules' references are
 * foreign keys, which answer 409 too). Other modules follow through
 * {@link AreaEvents.AreaMoved}.
 */
@Component
class AreaPathFollowers {

    private static final String[][] PATH_COLUMNS = {
            {"org_unit", "area_path"},
            {"partner_unit", "area_path"},
            {"partner_pairing", "community_path"},
            {"grid_role", "area_path"},
    };
    private static final String[][] REFERENCES = {
            {"org_unit", "area_id"},
            {"partner_unit", "area_id"},
            {"partner_pairing", "community_id"},
            {"grid_role", "grid_id"},
    };

    private final JdbcTemplate jdbc;

    AreaPathFollowers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void follow(String oldPrefix, String newPrefix) {
        for (String[] column : PATH_COLUMNS) {
            jdbc.update("update " + column[0] + " set " + column[1] + " = ? || substring(" + column[1]
                    + " from ?) where " + column[1] + " like ?", newPrefix, oldPrefix.length() + 1, oldPrefix + "%");
        }
    }

    boolean inUse(long areaId) {
        for (String[] reference : REFERENCES) {
            Integer count = jdbc.queryForObject("select count(*) from " + reference[0] + " where " + reference[1] + " = ?",
                    Integer.class, areaId);
            if (count != null && count > 0) {
                return true;
            }
        }
        return false;
    }
}
