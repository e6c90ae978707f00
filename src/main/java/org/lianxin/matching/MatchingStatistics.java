package org.lianxin.matching;

import static org.lianxin.shared.PathPrefixes.any;
import static org.lianxin.shared.PathPrefixes.which;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lianxin.wish.WishStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of 三单统计 for a set of areas (the children of the area looked at, or that area alone for the totals),
 * each computed with one SQL aggregate per table grouped by which area's path the row's path starts with, never by
 * loading rows. Medians use {@code percentile_cont(0.5) within group} over durations in seconds, which H2 and
 * PostgreSQL both evaluate. Needs count when they were submitted in the range; service tasks when they start in it;
 * offers when they are valid at some time in it; partner units when they were paired (结对共建) with a
 * community in or around the area at some time in it.
 */
@Component
@Transactional(readOnly = true)
class MatchingStatistics {

    /** What 三单统计 shows for one area. Medians in hours (one decimal), null when nothing was taken or fulfilled. */
    record Figures(long partnerUnits, long offers, long needs, Map<String, Long> needsByState, long dispatched,
                   long taken, Double matchRate, Double medianHoursToTake, Double medianHoursToFulfil,
                   long serviceTasks, long places, long placesFilled, long wishesFulfilled, long wishesConfirmed,
                   long projectsAccepted) {
    }

    private final JdbcTemplate jdbc;
    private final WishStatistics wishes;

    MatchingStatistics(JdbcTemplate jdbc, WishStatistics wishes) {
        this.jdbc = jdbc;
        this.wishes = wishes;
    }

    /** One {@link Figures} per path, in order; give paths none of which lies inside another. {@code to} exclusive. */
    List<Figures> of(List<String> paths, LocalDate fromDay, LocalDate toDay, Instant from, Instant to) {
        int n = paths.size();
        if (n == 0) {
            return List.of();
        }
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        String which = which(paths);

        List<Map<String, Long>> byState = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Long> states = new LinkedHashMap<>();
            for (NeedState s : NeedState.values()) {
                states.put(s.name(), 0L);
            }
            byState.add(states);
        }
        long[] dispatched = new long[n];
        long[] taken = new long[n];
        Double[] toTake = new Double[n];
        Double[] toFulfil = new Double[n];
        StringBuilder states = new StringBuilder();
        for (NeedState s : NeedState.values()) {
            states.append(", sum(case when x.state = '").append(s.name()).append("' then 1 else 0 end)");
        }
        jdbc.query("select x.c, count(x.d), count(x.t), percentile_cont(0.5) within group (order by x.take), "
                + "percentile_cont(0.5) within group (order by x.ful)" + states + " from (select " + which + " c, "
                + "state, dispatched_at d, taken_at t, case when taken_at is not null and dispatched_at is not null "
                + "then extract(epoch from taken_at) - extract(epoch from dispatched_at) end take, "
                + "case when fulfilled_at is not null and taken_at is not null "
                + "then extract(epoch from fulfilled_at) - extract(epoch from taken_at) end ful "
                + "from need where (" + any(paths) + ") and submitted_at >= ? and submitted_at < ?) x "
                + "where x.c is not null group by x.c", rs -> {
            int c = rs.getInt(1);
            dispatched[c] = rs.getLong(2);
            taken[c] = rs.getLong(3);
            toTake[c] = hours(rs.getObject(4));
            toFulfil[c] = hours(rs.getObject(5));
            NeedState[] all = NeedState.values();
            for (int k = 0; k < all.length; k++) {
                byState.get(c).put(all[k].name(), rs.getLong(6 + k));
            }
        }, f, t);

        long[] offers = new long[n];
        jdbc.query("select c.i, count(distinct o.id) from " + table(n) + " join offer_area a "
                + "on (a.path like concat(c.p, '%') or c.p like concat(a.path, '%')) join offer o on o.id = a.offer_id "
                + "where o.withdrawn = false and o.valid_from <= ? and o.valid_until >= ? group by c.i", rs -> {
            offers[rs.getInt(1)] = rs.getLong(2);
        }, args(table(paths), List.of(java.sql.Date.valueOf(toDay), java.sql.Date.valueOf(fromDay))));

        long[] units = new long[n];
        jdbc.query("select c.i, count(distinct p.partner_unit_id) from " + table(n) + " join partner_pairing p "
                + "on (p.community_path like concat(c.p, '%') or c.p like concat(p.community_path, '%')) "
                + "where (p.active = true or p.until is not null) and p.since <= ? and (p.until is null or p.until >= ?) "
                + "group by c.i", rs -> {
            units[rs.getInt(1)] = rs.getLong(2);
        }, args(table(paths), List.of(java.sql.Date.valueOf(toDay), java.sql.Date.valueOf(fromDay))));

        long[][] tasks = new long[n][3];
        jdbc.query("select x.c, count(*), sum(x.places), sum(x.taken) from (select " + which + " c, places, taken "
                + "from service_task where (" + any(paths) + ") and state <> 'CANCELLED' and starts_at >= ? "
                + "and starts_at < ?) x where x.c is not null group by x.c", rs -> {
            int c = rs.getInt(1);
            tasks[c][0] = rs.getLong(2);
            tasks[c][1] = rs.getLong(3);
            tasks[c][2] = rs.getLong(4);
        }, f, t);

        List<WishStatistics.Counts> wishCounts = wishes.under(paths, from, to);
        List<Figures> figures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long total = byState.get(i).values().stream().mapToLong(Long::longValue).sum();
            Double rate = dispatched[i] == 0 ? null : Math.round(taken[i] * 1000.0 / dispatched[i]) / 1000.0;
            WishStatistics.Counts w = wishCounts.get(i);
            figures.add(new Figures(units[i], offers[i], total, byState.get(i), dispatched[i], taken[i], rate,
                    toTake[i], toFulfil[i], tasks[i][0], tasks[i][1], tasks[i][2], w.wishesFulfilled(),
                    w.wishesConfirmed(), w.projectsAccepted()));
        }
        return figures;
    }

    private static Double hours(Object seconds) {
        if (seconds == null) {
            return null;
        }
        return Math.round(((Number) seconds).doubleValue() / 360.0) / 10.0;
    }

    private static Object[] args(List<?> first, List<?> second, Object... rest) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(List.of(rest));
        return all.toArray();
    }

    private static Object[] args(List<?> first, List<?> second) {
        return args(first, second, new Object[0]);
    }

    /** The areas as a little table {@code c(i, p)} to join on, portable to H2 and PostgreSQL. */
    private static String table(int n) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : " union all ").append("select ").append(i).append(" as i, cast(? as varchar(400)) as p");
        }
        return sql.append(") c").toString();
    }

    private static List<Object> table(List<String> paths) {
        return new ArrayList<>(paths);
    }
}
