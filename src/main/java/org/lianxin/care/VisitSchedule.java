package org.lianxin.care;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianxin.care.CareEvents.VisitOverdue;
import org.lianxin.care.DueVisits.Due;
import org.lianxin.care.DueVisits.Status;
import org.lianxin.shared.AccountDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily, on one node (ShedLock): for every contact household whose visit is overdue, publishes
 * {@link VisitOverdue} and tells the contact member, once per overdue period (the assignment remembers
 * the due date it told; a visit moves the due date, so the next period is told again). The overdue flag
 * itself is computed in the queries, not here. The grid worker(s) of the household's grid (accounts holding
 * GRID_WORKER at the grid or above it, {@link AccountDirectory#accountsWithRoleAt}) are told as well, once per
 * overdue period, so that the grid follows up; staff see the overdue list in the console.
 */
@Component
class VisitSchedule {

    private final ContactAssignmentRepository assignments;
    private final DueVisits due;
    private final ApplicationEventPublisher events;
    private final CareNotices notices;
    private final Clock clock;
    private final AccountDirectory accounts;

    VisitSchedule(ContactAssignmentRepository assignments, DueVisits due, ApplicationEventPublisher events,
                  CareNotices notices, Clock clock, AccountDirectory accounts) {
        this.accounts = accounts;
        this.assignments = assignments;
        this.due = due;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(cron = "${lianxin.care.overdue-cron:0 30 7 * * *}")
    @SchedulerLock(name = "care-visit-overdue", lockAtLeastFor = "PT1M")
    @Transactional
    public void notifyOverdue() {

        var day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(clock.getZone() == null ? ZoneId.systemDefault()
                : clock.getZone());
        for (Due d : due.of(assignments.findByActiveKeyIsNotNull())) {
            ContactAssignment a = d.assignment();
            if (d.status() != Status.OVERDUE || !a.markOverdueNotified(d.dueAt())) {
                continue;
            }
            assignments.save(a);
            events.publishEvent(new VisitOverdue(a.id(), a.householdId(), a.memberId(), a.areaPath(), d.dueAt()));
            notices.tell(a.memberAccountId(), "visit.overdue", a.id() + "@" + d.dueAt(), ContactAssignmentController.label(d.household()),
                    String.valueOf(d.everyDays()), day.format(d.dueAt()));
            java.util.Set<Long> workers = new java.util.LinkedHashSet<>();
            accounts.accountsWithRoleAt("GRID_WORKER", a.areaPath()).forEach(w -> workers.add(w.id()));
            notices.tellAll(workers, "visit.overdue-grid", a.id() + "@" + d.dueAt(),
                    ContactAssignmentController.label(d.household()), a.memberName(), day.format(d.dueAt()));

        }

    }
}
