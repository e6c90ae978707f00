package org.lianxin.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.lianxin.casework.CaseworkEvents.CaseCategoryChanged;
import org.lianxin.casework.CaseworkEvents.CaseChanged;
import org.lianxin.casework.CaseworkEvents.CaseOverdue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A short cache of the case statistics per (area, period, language), so that a dashboard many people open, or one
 * reloaded in a loop, does not aggregate a subdistrict's year again for every request.
 * <p>
 * Invalidation: every case change on this node (a report, any step, a case announced overdue and so marked late, a
 * category's limits or labels) empties the cache once its transaction has committed; a generation number keeps a
 * computation that read the data before that commit from being stored after it. What no event announces is bounded by
 * the time to live ({@code lianxin.casework.statistics-cache-seconds}, 30 s by default, 0 turns the cache off): the
 * clock passing a deadline (overdue now), visits of contact households (care module), and changes made on another node
 * of a cluster. The caller's scope is checked before the cache is asked (the figures of an area are the same for
 * everyone who may see it); the audited Excel export always computes afresh.
 */
@Component
class CaseStatisticsCache {

    /** Beyond this many entries the cache is emptied rather than grown (periods are free-form). */
    static final int MAX_ENTRIES = 1_000;

    record Key(long areaId, LocalDate from, LocalDate to, String language) {
    }

    private record Entry(CaseStatisticsController.Statistics statistics, Instant until) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long seconds;
    private final Clock clock;

    CaseStatisticsCache(@Value("${lianxin.casework.statistics-cache-seconds:30}") long seconds, Clock clock) {
        this.seconds = seconds;
        this.clock = clock;
    }

    CaseStatisticsController.Statistics get(Key key, Supplier<CaseStatisticsController.Statistics> compute) {
        if (seconds <= 0) {
            return compute.get();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.statistics();
        }
        long before = generation.get();
        CaseStatisticsController.Statistics statistics = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(statistics, now.plusSeconds(seconds)));
        if (generation.get() != before) {
            // a case changed while this was computed: it may have read the data before that change
            entries.remove(key);
        }
        return statistics;
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseChanged changed) {
        clear();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseOverdue overdue) {
        clear();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseCategoryChanged category) {
        clear();
    }
}
