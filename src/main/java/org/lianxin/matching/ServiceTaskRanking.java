package org.lianxin.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.lianxin.member.PartyMembers.Skilled;
import org.lianxin.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * The service list as a member sees it, ranked and paged by the database: the same order as
 * {@link ServiceTaskController#fit} (10 per needed skill he has, 5 when the task's time is in his free time, best
 * first), then the earliest start, then the id.
 *
 * <p>Skills are stored as {@code ,CODE,CODE,} so each skill of the member is one {@code LIKE}. The free-time part needs
 * the weekday and hour of the start in China time; {@code extract(day of week/hour)} would use the session time zone,
 * which differs between H2 and PostgreSQL, so it is computed from {@code extract(epoch)} (time-zone free on a
 * {@code TIMESTAMP WITH TIME ZONE}, the same on both databases) plus 8 hours: Asia/Shanghai has kept UTC+8 without
 * daylight saving since 1991, and a task always starts in the future, so this equals {@link ServiceTask#slots()}.
 * 1970-01-01 was a Thursday, hence day number + 4 modulo 7 gives 0 for Sunday and 6 for Saturday.
 */
@Component
class ServiceTaskRanking {

    private static final String LOCAL_SECONDS = "(extract(epoch from t.startsAt) + 28800)";
    private static final String DAY = "cast(floor(" + LOCAL_SECONDS + " / 86400) as long)";
    private static final String WEEKEND = "mod(" + DAY + " + 4, 7) in (0, 6)";
    private static final String EVENING = "(" + LOCAL_SECONDS + " - " + DAY + " * 86400) >= 64800";

    record Ranked(List<ServiceTask> content, long total) {
    }

    private final EntityManager em;

    ServiceTaskRanking(EntityManager em) {
        this.em = em;
    }

    /** One page of the tasks in the scope (optionally of one state), best fit for the member first. */
    Ranked page(Skilled member, Scope scope, ServiceTask.State state, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where (");
        List<String> prefixes = List.copyOf(scope.prefixes());
        for (int i = 0; i < prefixes.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("t.areaPath like :p").append(i);
            // paths hold only digits and slashes, so no LIKE wildcard can slip in
            params.put("p" + i, prefixes.get(i) + "%");
        }
        where.append(")");
        if (state != null) {
            where.append(" and t.state = :state");
            params.put("state", state);
        }
        Map<String, Object> ranks = new HashMap<>();
        List<String> parts = new ArrayList<>();
        List<String> skills = member.skills().stream().distinct().toList();
        for (int i = 0; i < skills.size(); i++) {
            // a configured code may hold '_' (a LIKE wildcard): escaped, so it matches only itself
            parts.add("case when t.skills like :s" + i + " escape '!' then 10 else 0 end");
            ranks.put("s" + i, "%," + skills.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%");
        }
        parts.add(timeScore(member.availability()));
        String order = " order by (" + String.join(" + ", parts) + ") desc, t.startsAt asc, t.id asc";

        TypedQuery<ServiceTask> query = em.createQuery("select t from ServiceTask t" + where + order, ServiceTask.class);
        TypedQuery<Long> count = em.createQuery("select count(t) from ServiceTask t" + where, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        ranks.forEach(query::setParameter);
        List<ServiceTask> content = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Ranked(content, count.getSingleResult());
    }

    /** 5 when the task's slot (weekends, weekday evenings from 18:00, weekday daytime) is one the member is free in. */
    private static String timeScore(List<String> availability) {
        if (availability.contains("ANY_TIME")) {
            return "5";
        }
        List<String> when = new ArrayList<>();
        if (availability.contains("WEEKENDS")) {
            when.add(WEEKEND);
        }
        if (availability.contains("WEEKDAY_EVENINGS")) {
            when.add("(not (" + WEEKEND + ") and " + EVENING + ")");
        }
        if (availability.contains("WEEKDAY_DAYTIME")) {
            when.add("(not (" + WEEKEND + ") and not (" + EVENING + "))");
        }
        return when.isEmpty() ? "0" : "case when " + String.join(" or ", when) + " then 5 else 0 end";
    }
}
