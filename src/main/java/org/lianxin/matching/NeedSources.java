package org.lianxin.matching;

import java.time.Clock;

import org.lianxin.care.CareEvents.VisitRaisedNeed;
import org.lianxin.matching.MatchingEvents.NeedChanged;
import org.lianxin.member.MemberEvents.MailboxMessageEscalated;
import org.lianxin.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Needs that other modules raise: a building mailbox message handed over as a need, and a need noted on a household
 * visit. One need per source ({@code need.source_key} is unique), so a redelivered event creates nothing twice. They
 * arrive in the community's list as SUBMITTED, category OTHER until staff look at them, urgency NORMAL, identity for
 * staff only.
 */
@Component
class NeedSources {

    static final String OTHER = "OTHER";

    private final NeedRepository needs;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate own;

    NeedSources(NeedRepository needs, Ids ids, ApplicationEventPublisher events, Clock clock,
                PlatformTransactionManager transactions) {
        this.needs = needs;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(MailboxMessageEscalated event) {
        if (!"NEED".equals(event.target())) {
            return;
        }
        create("mailbox:" + event.messageId(), event.text(), event.residentId(), null, event.areaPath(),
                Need.Source.MAILBOX, event.by());
    }

    @ApplicationModuleListener
    void on(VisitRaisedNeed event) {
        create("visit:" + event.visitId(), event.text(), null, event.householdId(), event.areaPath(), Need.Source.VISIT,
                event.raisedBy());
    }

    private void create(String key, String text, Long residentId, Long householdId, String path, Need.Source source,
                        String by) {
        if (needs.existsBySourceKey(key)) {
            return;
        }
        String body = text == null || text.isBlank() ? "—" : text.strip();
        String title = body.length() > 30 ? body.substring(0, 29) + "…" : body;
        Need need = new Need(ids.next("need_seq"), title, body.length() > Need.MAX_TEXT ? body.substring(0, Need.MAX_TEXT)
                : body, OTHER, Need.Urgency.NORMAL, residentId, householdId,
                residentId == null && householdId == null ? "—" : null, path, Need.IdentityVisibility.STAFF, source, key,
                by == null || by.isBlank() ? "系统" : by, null, true, clock.instant());
        try {
            // in its own transaction, so that losing a race to the same source leaves the listener's one intact
            own.executeWithoutResult(status -> {
                needs.saveAndFlush(need);
                events.publishEvent(new NeedChanged("need.submit", need.id(), "from " + key));
            });
        } catch (DataIntegrityViolationException e) {
            // the same source delivered twice at once: the other one stands
        }
    }
}
