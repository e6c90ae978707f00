package org.lianxin.wish;

import static org.lianxin.shared.PathPrefixes.any;
import static org.lianxin.shared.PathPrefixes.which;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Micro-wish and micro-project figures as other modules (the matching statistics, 三单统计) may ask for them: counts per
 * area path prefix over a time range, computed with SQL aggregates (one pass per table, grouped by which prefix the
 * row's path starts with), never by loading rows. Read-only.
 */
@Component
@Transactional(readOnly = true)
public class WishStatistics {

    /**
     * For one area: wishes fulfilled (their fulfilment fell in the range, confirmed or not yet), wishes confirmed by the
     * resident in the range, and micro-projects accepted (验收) by the community in the range.
     */
    public record Counts(long wishesFulfilled, long wishesConfirmed, long projectsAccepted) {
    }

    private final JdbcTemplate jdbc;

    WishStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One {@link Counts} per path, in the given order; a row counts for the first path it starts with, so give paths none
     * of which lies inside another (e.g. the children of one area). {@code to} is exclusive.
     */
    public List<Counts> under(List<String> paths, Instant from, Instant to) {
        long[][] counts = new long[paths.size()][3];
        if (paths.isEmpty()) {
            return List.of();
        }
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        String which = which(paths);
        List<Object> args = new ArrayList<>();
        args.add(f);
        args.add(t);
        args.add(f);
        args.add(t);
        args.add(f);
        args.add(t);
        args.add(f);
        args.add(t);
        jdbc.query("select x.c, sum(x.fulfilled), sum(x.confirmed) from (select " + which + " c, "
                + "case when fulfilled_at >= ? and fulfilled_at < ? then 1 else 0 end fulfilled, "
                + "case when state = 'CONFIRMED' and confirmed_at >= ? and confirmed_at < ? then 1 else 0 end confirmed "
                + "from wish where (" + any(paths) + ") and (fulfilled_at >= ? and fulfilled_at < ? "
                + "or confirmed_at >= ? and confirmed_at < ?)) x where x.c is not null group by x.c", rs -> {
            int c = rs.getInt(1);
            counts[c][0] = rs.getLong(2);
            counts[c][1] = rs.getLong(3);
        }, args.toArray());
        List<Object> projectArgs = new ArrayList<>();
        projectArgs.add(f);
        projectArgs.add(t);
        jdbc.query("select x.c, count(*) from (select " + which + " c from micro_project where (" + any(paths)
                + ") and state = 'ACCEPTED' and accepted_at >= ? and accepted_at < ?) x where x.c is not null group by x.c",
                rs -> {
                    counts[rs.getInt(1)][2] = rs.getLong(2);
                }, projectArgs.toArray());
        List<Counts> result = new ArrayList<>();
        for (long[] c : counts) {
            result.add(new Counts(c[0], c[1], c[2]));
        }
        return result;
    }
}
