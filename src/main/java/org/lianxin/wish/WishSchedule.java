package org.lianxin.wish;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianxin.shared.Notice;
import org.lianxin.wish.WishEvents.WishChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily, on one node (ShedLock): a wish claimed more than {@code lianxin.wish.fulfil-within-days} ago and
 * not fulfilled goes back on the wall, and the claimant is told.
 */
@Component
class WishSchedule {

    static final String SYSTEM = "系统（认领超时）";

    private final WishRepository wishes;
    private final WishProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WishSchedule(WishRepository wishes, WishProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.wishes = wishes;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${lianxin.wish.release-cron:0 30 7 * * *}")
    @SchedulerLock(name = "wish-release-overdue-claims", lockAtLeastFor = "PT1M")
    @Transactional
    public void releaseOverdueClaims() {
        Instant now = clock.instant();
        List<Wish> overdue = wishes.findByStateAndClaimedAtBefore(WishState.CLAIMED,
                now.minusSeconds(86_400L * properties.fulfilWithinDays()));
        for (Wish wish : overdue) {
            long claimant = wish.claimantAccountId();
            wish.release(SYSTEM, now, "overdue");
            events.publishEvent(new WishChanged("wish.release", wish.id(),
                    "claim released: not fulfilled within " + properties.fulfilWithinDays() + " days"));
            events.publishEvent(Notice.to(claimant, "wish.released", "/m/wishes", "Wish",
                    wish.id() + ":release:" + now.toEpochMilli(), wish.title(), String.valueOf(properties.fulfilWithinDays())));
        }
        wishes.saveAll(overdue);
    }
}
