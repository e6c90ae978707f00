package org.lianxin.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianxin.casework.CaseworkEvents.CaseOverdue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every 10 minutes, on one node (ShedLock): open cases past their deadline are announced once per deadline
 * ({@code overdue_notified_at}) to whoever answers for them and to the level above, which may then urge or
 * supervise. Yellow and red are computed when read, never stored.
 */
@Component
class CaseSchedule {

    private final CaseRepository cases;
    private final ReturnVisitRepository visits;
    private final CaseIntake intake;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseSchedule(CaseRepository cases, ReturnVisitRepository visits, CaseIntake intake, WorkingCalendar calendar, ApplicationEventPublisher events,
                 Clock clock) {
        this.cases = cases;
        this.visits = visits;
        this.intake = intake;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${lianxin.casework.overdue-cron:0 */10 * * * *}")
    @SchedulerLock(name = "case-overdue", lockAtLeastFor = "PT30S")
    @Transactional
    public void announceOverdue() {
        Instant now = clock.instant();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
        List<Case> overdue = cases.overdueUnannounced(CaseController.openStates(), now);
        for (Case caze : overdue) {
            if (!caze.markOverdueNotified(now)) {
                continue;
            }
            events.publishEvent(new CaseOverdue(caze.id(), caze.areaPath(), caze.state().name(), caze.level().name(),
                    caze.deadline()));
            Set<Long> to = new LinkedHashSet<>(intake.responsible(caze));
            to.addAll(intake.aboveOf(caze));
            intake.tell(to, "case.overdue", caze, "/admin/cases?overdue=true", CaseIntake.gist(caze),
                    format.format(caze.deadline()), caze.responsibleName());
        }
        cases.saveAll(overdue);
    }

    /**
     * Return visits (回访) past their due date are announced once each ({@code overdue_notified_at}) to the
     * community's secretary and staff; the 待回访 list shows them in red until someone records the visit.
     */
    @Scheduled(cron = "${lianxin.casework.return-visit-overdue-cron:0 7/10 * * * *}")
    @SchedulerLock(name = "case-return-visit-overdue", lockAtLeastFor = "PT30S")
    @Transactional
    public void announceOverdueReturnVisits() {
        Instant now = clock.instant();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
        List<ReturnVisit> overdue = visits.overdueUnannounced(now);
        for (ReturnVisit visit : overdue) {
            if (!visit.markOverdueNotified(now)) {
                continue;
            }
            cases.findById(visit.caseId()).ifPresent(caze -> intake.tell(intake.communityStaff(caze.areaPath()),
                    "case.return-visit-overdue", caze, "/admin/return-visits?filter=OVERDUE", CaseIntake.gist(caze),
                    format.format(visit.dueAt())));
        }
        visits.saveAll(overdue);
    }
}
