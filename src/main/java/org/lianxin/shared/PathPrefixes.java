package org.lianxin.shared;

import java.util.List;

/**
 * SQL fragments that sort rows into areas by their materialized path ({@code area_path}), for statistics that group
 * in the database instead of loading rows (三单统计, micro-wish figures, case statistics). The prefixes are written into
 * the SQL as literals — checked to be materialized paths, digits and slashes only, so never user text — because
 * PostgreSQL plans {@code area_path like '/1/2/%'} with the {@code varchar_pattern_ops} prefix index, while a
 * {@code like ?} parameter ends in a generic plan that cannot use it once the driver prepares the statement on the
 * server (measured on 三单统计: a sequential scan of all needs became index scans).
 */
public final class PathPrefixes {

    private PathPrefixes() {
    }

    /**
     * {@code case when area_path like '/1/2/%' then 0 when ... then 1 ... end}: the index of the first prefix that
     * matches, null when none does. Give paths none of which lies inside another (e.g. the children of one area).
     */
    public static String which(List<String> paths) {
        return which(paths, null);
    }

    /** The same, with {@code otherwise} (e.g. the area's own slot after its children) where no prefix matches. */
    public static String which(List<String> paths, Integer otherwise) {
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < paths.size(); i++) {
            sql.append(" when area_path like ").append(prefix(paths.get(i))).append(" then ").append(i);
        }
        if (otherwise != null) {
            sql.append(" else ").append(otherwise.intValue());
        }
        if (paths.isEmpty()) {
            // "case end" is not SQL: a constant keeps the fragment valid for an area without children
            return otherwise == null ? "cast(null as integer)" : String.valueOf(otherwise.intValue());
        }
        return sql.append(" end").toString();
    }

    /** {@code area_path like '/1/%' or area_path like '/2/%'}: the rows under any of the paths. */
    public static String any(List<String> paths) {
        return String.join(" or ", paths.stream().map(p -> "area_path like " + prefix(p)).toList());
    }

    /** {@code '/1/2/%'} for a materialized path; anything else is refused (never user text in SQL). */
    public static String prefix(String path) {
        if (path == null || !path.matches("(/[0-9]+)+/")) {
            throw new IllegalArgumentException("not a materialized path: " + path);
        }
        return "'" + path + "%'";
    }
}
