package org.lianxin.care;

import org.lianxin.shared.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who in this module hears of what in his inbox: a member of households newly in his contact, and of a
 * contact household whose visit is overdue; the grid workers of that household's grid of the same.
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

    /** The same to several accounts at once (the grid workers of a household's grid); nobody, nothing. */
    void tellAll(java.util.Set<Long> accountIds, String kind, String sourceId, String... args) {
        if (!accountIds.isEmpty()) {
            events.publishEvent(new Notice(java.util.Set.copyOf(accountIds), kind, java.util.List.of(args), "/m/care",
                    "ContactAssignment", sourceId));
        }
    }
}
