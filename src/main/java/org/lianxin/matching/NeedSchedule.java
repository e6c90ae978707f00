package org.lianxin.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianxin.matching.MatchingEvents.NeedChanged;
import org.lianxin.shared.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every quarter of an hour, on one node (ShedLock): a need dispatched more than
 * {@code lianxin.matching.take-within-hours} ago that no unit took goes back to the community, and whoever
 * dispatched it is told.
 */
@Component
class NeedSchedule {

    static final String SYSTEM = "系统（接单超时）";

    private final NeedRepository needs;
    private final MatchingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NeedSchedule(NeedRepository needs, MatchingProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.needs = needs;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${lianxin.matching.return-cron:0 */15 * * * *}")
    @SchedulerLock(name = "need-return-untaken", lockAtLeastFor = "PT1M")
    @Transactional
    public void returnUntaken() {
        Instant now = clock.instant();
        List<Need> overdue = needs.findByStateAndDispatchedAtBefore(NeedState.DISPATCHED,
                now.minusSeconds(3600L * properties.takeWithinHours()));
        for (Need need : overdue) {
            need.giveBack(SYSTEM, now, "overdue");
            events.publishEvent(new NeedChanged("need.return", need.id(),
                    "not taken within " + properties.takeWithinHours() + " hours"));
            Long to = need.dispatchedByAccountId() != null ? need.dispatchedByAccountId() : need.submittedByAccountId();
            if (to != null) {
                events.publishEvent(Notice.to(to, "need.returned", "/admin/needs", "Need",
                        need.id() + ":return:" + now.toEpochMilli(), need.title()));
            }
        }
        needs.saveAll(overdue);
    }
}
