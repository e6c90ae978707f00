package org.lianxin.shared;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's other half. An event whose listener failed or whose node died stays incomplete in the
 * event publication registry; every few minutes one node (ShedLock) hands those older than the retry
 * delay to their listeners again, which are idempotent. Completed publications are kept a while for
 * diagnosis, then removed so the table stays small.
 */
@Component
class EventRedelivery {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration retryAfter;
    private final Duration keepCompleted;

    EventRedelivery(IncompleteEventPublications incomplete, CompletedEventPublications completed,
                    @Value("${lianxin.events.retry-after:PT5M}") Duration retryAfter,
                    @Value("${lianxin.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.retryAfter = retryAfter;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${lianxin.events.redelivery-interval:PT5M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT4M")
    public void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
