package org.lianxin.care;

import org.lianxin.shared.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who in this module hears of what in his inbox: a member of households newly in his contact, and of a
 * contact household whose visit is overdue. The grid's worker is not told by name: the organization
 * module's grid roles carry no login accounts; staff see overdue households in the console list.
 */
@Component
class CareNotices {

    private final ApplicationEventPublisher events;

    CareNotices(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** {@code sourceId} makes the delivery once-only: an overdue notice names the assignment and its due date. */
    void tell(Long accountId, String kind, String sourceId, String... args) {
        if (accountId != null) {
            events.publishEvent(new Notice(java.util.Set.of(accountId), kind, java.util.List.of(args), "/m/care",
                    "ContactAssignment", sourceId));
        }
    }
}
