package org.lianxin.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.lianxin.shared.PathPrefixes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visit coverage for the statistics (read-only, public): of the contact households under an area (active
 * 1+n assignments), how many are visited within their due period now, i.e. not overdue ({@link DueVisits}).
 * <p>
 * Counted in the database, one grouped query over the assignments under the prefixes (never all assignments of all
 * areas): the prefixes go in as checked literals ({@link PathPrefixes}) so PostgreSQL uses the prefix index. The due
 * rule is {@link DueVisits}'s, restated in SQL: the base is the household's latest visit when it is after the start of
 * the assignment, otherwise the start; not overdue while {@code now <= base + every days}, i.e.
 * {@code base >= now - every days}; weekly where one resident of the household carries every weekly tag (the
 * {@code resident.tags} column is {@code ,TAG,TAG,}), otherwise the default interval. Reading {@code resident.tags}
 * from {@code care} is a read-only departure like the partner-unit count of {@code matching}: {@code Households} has
 * no per-household flag query, and loading each household's residents is what made this slow.
 */
@Component
public class VisitCoverage {

    /** Households in contact under an area, and how many of them are not overdue a visit. */
    public record Coverage(long households, long visitedInTime) {

        /** The share visited in time, 0–1; null without contact households. */
        public Double rate() {
            return households == 0 ? null : (double) visitedInTime / households;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<String> weeklyTags;
    private final int weeklyDays;
    private final int defaultDays;

    VisitCoverage(JdbcTemplate jdbc, Clock clock,
                  @Value("${lianxin.care.weekly-tags:LIVING_ALONE,ELDERLY}") Set<String> weeklyTags,
                  @Value("${lianxin.care.visit-every-days:7}") int weeklyDays,
                  @Value("${lianxin.care.default-every-days:30}") int defaultDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.weeklyTags = new TreeSet<>(weeklyTags);
        this.weeklyTags.forEach(tag -> {
            if (!tag.matches("[A-Z_]+")) {
                throw new IllegalArgumentException("not a resident tag code: " + tag);
            }
        });
        this.weeklyDays = weeklyDays;
        this.defaultDays = defaultDays;
    }

    /** The coverage of each prefix (materialized area paths), in the same order; the prefixes may nest. */
    @Transactional(readOnly = true)
    public List<Coverage> under(List<String> pathPrefixes) {
        if (pathPrefixes.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String since = "(case when weekly = 1 then cast(? as timestamp with time zone)"
                + " else cast(? as timestamp with time zone) end)";
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < pathPrefixes.size(); i++) {
            String like = "area_path like " + PathPrefixes.prefix(pathPrefixes.get(i));
            sums.append(i == 0 ? "" : ", ").append("sum(case when ").append(like).append(" then 1 else 0 end), ")
                    .append("sum(case when ").append(like).append(" and base >= ").append(since)
                    .append(" then 1 else 0 end)");
        }
        String weekly = weeklyTags.isEmpty() ? "1 = 1"
                : String.join(" and ", weeklyTags.stream().map(t -> "r.tags like '%," + t + ",%'").toList());
        // the latest visit per household through visit_household_idx (household_id, visited_at), one index probe per
        // contact household in scope, rather than aggregating the whole visit history, which only grows
        String sql = "select " + sums + " from (select area_path,"
                + " case when last_at is not null and last_at > started_at then last_at else started_at end as base, weekly"
                + " from (select a.area_path as area_path, a.started_at as started_at,"
                + " (select max(v.visited_at) from visit v where v.household_id = a.household_id) as last_at,"
                + " case when exists (select 1 from resident r where r.household_id = a.household_id and " + weekly
                + ") then 1 else 0 end as weekly"
                + " from contact_assignment a where a.active_key is not null and ("
                + PathPrefixes.any(pathPrefixes).replace("area_path", "a.area_path") + ")) d) c";
        Timestamp weeklySince = Timestamp.from(now.minus(Duration.ofDays(weeklyDays)));
        Timestamp defaultSince = Timestamp.from(now.minus(Duration.ofDays(defaultDays)));
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < pathPrefixes.size(); i++) {
            args.add(weeklySince);
            args.add(defaultSince);
        }
        return jdbc.query(sql, rs -> {
            rs.next();
            List<Coverage> result = new ArrayList<>();
            for (int i = 0; i < pathPrefixes.size(); i++) {
                result.add(new Coverage(rs.getLong(2 * i + 1), rs.getLong(2 * i + 2)));
            }
            return result;
        }, args.toArray());
    }
}
