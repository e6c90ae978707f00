package org.lianxin.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianxin.resident.Households;
import org.lianxin.resident.Households.Located;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When each contact household is due its next visit, computed from its last visit (or the start of the
 * assignment if never visited), never stored: weekly ({@code lianxin.care.visit-every-days}, 7) where a
 * resident carries every tag of {@code lianxin.care.weekly-tags} (LIVING_ALONE and ELDERLY), otherwise
 * every {@code lianxin.care.default-every-days} (30). Calendar days, not working days.
 */
@Component
class DueVisits {

    /** OK: not yet due; DUE: due within two days; OVERDUE: past due; ENDED: the assignment has ended. */
    enum Status { OVERDUE, DUE, OK, ENDED }

    /** One assignment with its household and its due date. */
    record Due(ContactAssignment assignment, Located household, boolean weekly, int everyDays, Instant lastVisitAt,
               Instant dueAt, Status status) {
    }

    static final Duration SOON = Duration.ofDays(2);

    private final Households households;
    private final VisitRepository visits;
    private final Clock clock;
    private final Set<String> weeklyTags;
    private final int weeklyDays;
    private final int defaultDays;

    DueVisits(Households households, VisitRepository visits, Clock clock,
              @Value("${lianxin.care.weekly-tags:LIVING_ALONE,ELDERLY}") Set<String> weeklyTags,
              @Value("${lianxin.care.visit-every-days:7}") int weeklyDays,
              @Value("${lianxin.care.default-every-days:30}") int defaultDays) {
        this.households = households;
        this.visits = visits;
        this.clock = clock;
        this.weeklyTags = Set.copyOf(weeklyTags);
        this.weeklyDays = weeklyDays;
        this.defaultDays = defaultDays;
    }

    /** The assignments with their due dates, in the given order. */
    List<Due> of(List<ContactAssignment> assignments) {
        if (assignments.isEmpty()) {
            return List.of();
        }
        List<Long> ids = assignments.stream().map(ContactAssignment::householdId).distinct().toList();
        Map<Long, Located> homes = households.find(ids).stream()
                .collect(Collectors.toMap(l -> l.household().id(), Function.identity()));
        Map<Long, Instant> last = new HashMap<>();
        for (Object[] row : visits.lastVisits(ids)) {
            last.put((Long) row[0], (Instant) row[1]);
        }
        Instant now = clock.instant();
        return assignments.stream().map(a -> {
            Located home = homes.get(a.householdId());
            boolean weekly = home != null && home.residentTags().stream().anyMatch(tags -> tags.containsAll(weeklyTags));
            int every = weekly ? weeklyDays : defaultDays;
            Instant lastVisit = last.get(a.householdId());
            Instant base = lastVisit != null && lastVisit.isAfter(a.startedAt()) ? lastVisit : a.startedAt();
            Instant dueAt = base.plus(Duration.ofDays(every));
            Status status = !a.active() ? Status.ENDED : now.isAfter(dueAt) ? Status.OVERDUE
                    : now.plus(SOON).isAfter(dueAt) ? Status.DUE : Status.OK;
            return new Due(a, home, weekly, every, lastVisit, dueAt, status);
        }).toList();
    }
}
