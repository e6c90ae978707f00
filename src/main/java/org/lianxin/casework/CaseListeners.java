package org.lianxin.casework;

import java.time.Clock;
import java.util.Optional;

import org.lianxin.care.CareEvents.VisitRaisedCase;
import org.lianxin.casework.CaseworkEvents.CaseChanged;
import org.lianxin.member.MemberEvents.MailboxMessageEscalated;
import org.lianxin.resident.Residents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Cases from other channels: a building leader hands a mailbox message over as a case, a household visit raises
 * one. One case per source (the source's type and id are unique), so a redelivered event creates nothing new.
 * They are routed by the place's path (the building, the household) to its grid, in the category "其他事项"
 * until staff look at them.
 */
@Component
class CaseListeners {

    static final String DEFAULT_CATEGORY = "OTHER";
    private static final Logger log = LoggerFactory.getLogger(CaseListeners.class);

    private final CaseRepository cases;
    private final CaseIntake intake;
    private final Residents residents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.springframework.transaction.support.TransactionTemplate separate;

    CaseListeners(CaseRepository cases, CaseIntake intake, Residents residents, ApplicationEventPublisher events,
                  Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.separate = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cases = cases;
        this.intake = intake;
        this.residents = residents;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MailboxMessageEscalated event) {
        if (!"CASE".equals(event.target())) {
            return;
        }
        Optional<Residents.ResidentRef> resident = residents.find(event.residentId());
        Case.Who reporter = new Case.Who(residents.accountOf(event.residentId()).orElse(null),
                resident.map(Residents.ResidentRef::name).orElse("居民"));
        create(Channel.MAILBOX, "MailboxMessage", String.valueOf(event.messageId()), event.areaPath(), event.text(),
                reporter, new Case.Who(null, event.by()));
    }

    @ApplicationModuleListener
    void on(VisitRaisedCase event) {
        Case.Who visitor = new Case.Who(null, event.raisedBy());
        create(Channel.VISIT, "Visit", String.valueOf(event.visitId()), event.areaPath(), event.text(), visitor, visitor);
    }

    private void create(Channel channel, String sourceType, String sourceId, String path, String text, Case.Who reporter,
                        Case.Who by) {
        if (cases.findBySourceTypeAndSourceId(sourceType, sourceId).isPresent()) {
            return;
        }
        Optional<CaseIntake.Route> route = intake.routeAlong(path);
        if (route.isEmpty()) {
            log.warn("{} {} lies in no grid or community; no case created", sourceType, sourceId);
            return;
        }
        String description = text == null || text.isBlank() ? "（无描述）" : text.strip();
        if (description.length() > Case.MAX_TEXT) {
            description = description.substring(0, Case.MAX_TEXT);
        }
        Case caze = new Case(intake.nextId(), DEFAULT_CATEGORY, description, null, channel, sourceType, sourceId, null,
                null, route.get().areaPath(), route.get().gridName(), intake.gridHolder(route.get()), reporter, by,
                clock.instant(), intake.deadlines(DEFAULT_CATEGORY));
        try {
            // in a transaction of its own, so that losing a race to the same source leaves the delivery complete
            separate.executeWithoutResult(status -> {
                cases.saveAndFlush(caze);
                events.publishEvent(new CaseChanged("case.report", caze.id(), caze.areaPath(), null, caze.state().name(),
                        "channel " + channel + " from " + sourceType + " " + sourceId));
                intake.tell(intake.responsible(caze), "case.assigned", caze, "/admin/cases", CaseIntake.gist(caze),
                        caze.gridName());
            });
        } catch (DataIntegrityViolationException e) {
            log.info("{} {} already has its case", sourceType, sourceId);
        }
    }
}
