package org.lianxin.care;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianxin.care.CareEvents.VisitOverdue;
import org.lianxin.care.DueVisits.Due;
import org.lianxin.care.DueVisits.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily, on one node (ShedLock): for every contact household whose visit is overdue, publishes
 * {@link VisitOverdue} and tells the contact member, once per overdue period (the assignment remembers
 * the due date it told; a visit moves the due date, so the next period is told again). The overdue flag
 * itself is computed in the queries, not here. The grid's worker is not told by name (grid roles carry
 * no accounts); staff see the overdue list in the console.
 */
@Component
class VisitSchedule {

    private final ContactAssignmentRepository assignments;
    private final DueVisits due;
    private final ApplicationEventPublisher events;
    private final CareNotices notices;
    private final Clock clock;

    VisitSchedule(ContactAssignmentRepository assignments, DueVisits due, ApplicationEventPublisher events,
                  CareNotices notices, Clock clock) {
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

        }

    }
}
