package org.lianxin.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.lianxin.shared.PathPrefixes;

/**
 * The SQL of the case statistics ({@link CaseStatisticsController}): one aggregate row per area (or for the total),
 * with the median handling time computed by the database ({@code percentile_cont(0.5) within group}, which H2 and
 * PostgreSQL both evaluate, as 三单统计 does) over whole seconds from report to close, so the figures are the ones the
 * former Java sort gave: {@code floor} is {@code Duration.getSeconds()}, the median of an even count the mean of the
 * two middle values. Area paths go into the SQL as checked literals ({@link PathPrefixes}) so that PostgreSQL always
 * plans with the prefix index.
 */
final class CaseStatisticsSql {

    private CaseStatisticsSql() {
    }

    private static final String OPEN = in(Arrays.stream(CaseState.values()).filter(CaseState::open).toList());
    private static final String CLOSED = in(List.of(CaseState.CLOSED, CaseState.RATED));
    private static final String NOT_HANDLED = in(List.of(CaseState.REJECTED, CaseState.DUPLICATE));

    /**
     * The figures in the order {@link Figures#of} reads them; one parameter, now (for overdue). Counted: cases, open,
     * overdue now (open past the deadline), closed (CLOSED or RATED), closed on time (never late), escalated, handled
     * (neither rejected nor a duplicate: the escalation rate's base) and the median seconds from report to close of the
     * closed cases with a close time (null when there is none: percentile_cont skips nulls).
     */
    static final String FIGURES = "count(*), "
            + "sum(case when state in " + OPEN + " then 1 else 0 end), "
            + "sum(case when state in " + OPEN + " and deadline < ? then 1 else 0 end), "
            + "sum(case when state in " + CLOSED + " then 1 else 0 end), "
            + "sum(case when state in " + CLOSED + " and late = false then 1 else 0 end), "
            + "sum(case when escalated = true then 1 else 0 end), "
            + "sum(case when state not in " + NOT_HANDLED + " then 1 else 0 end), "
            + "percentile_cont(0.5) within group (order by case when state in " + CLOSED + " and closed_at is not null "
            + "then floor(extract(epoch from closed_at) - extract(epoch from reported_at)) end)";

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /**
     * The cases under an area reported from {@code from} (inclusive) to {@code to} (exclusive): {@code area_path like '/1/2/%' and reported_at >= timestamp with
     * time zone '…' and reported_at < …}. The period is written as literals (whole seconds of dates the server computed,
     * never user text) for the same reason as the path: once the driver prepares the statement on the server,
     * PostgreSQL may switch to a generic plan, and for {@code reported_at >= $1} that plan walked the report-time index
     * over all 200,000 cases and filtered 190,743 of them away (EXPLAIN ANALYZE, 120 ms per aggregate; a subdistrict's
     * year went from tens of milliseconds to seconds after the fifth request).
     */
    static String under(String areaPath, Instant from, Instant to) {
        return "area_path like " + PathPrefixes.prefix(areaPath) + " and reported_at >= " + literal(from)
                + " and reported_at < " + literal(to);
    }

    static String literal(Instant at) {
        if (at.getNano() != 0) {
            throw new IllegalArgumentException("whole seconds only: " + at);
        }
        return "timestamp with time zone '" + LITERAL.format(at) + "+00'";
    }

    /** The slot of a case: the index of the child area it lies under, or {@code own} for the area's own cases. */
    static String slot(List<String> childPaths, int own) {
        return PathPrefixes.which(childPaths, own);
    }

    private static String in(List<CaseState> states) {
        return states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** One aggregate row; the median in seconds, null when no closed case has a close time. */
    record Figures(long cases, long open, long overdue, long closed, long onTime, long escalated, long handled,
                   Double medianSeconds) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, null);

        // reads FIGURES from column first on (sums are null over no rows: then 0)
        static Figures of(ResultSet rs, int first) throws SQLException {
            Object median = rs.getObject(first + 7);
            return new Figures(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                    rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6),
                    median == null ? null : ((Number) median).doubleValue());
        }
    }
}
