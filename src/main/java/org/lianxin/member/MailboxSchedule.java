package org.lianxin.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianxin.member.MemberEvents.BuildingLeaderLeft;
import org.lianxin.member.MemberEvents.MailboxMessageOverdue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily, on one node (ShedLock): publishes {@link MailboxMessageOverdue} once per message left
 * unanswered beyond the allowed days (marks it notified, so a second run publishes nothing), and
 * ends the terms of building leaders whose term end has passed (EXPIRED; access takes the role).
 * The overdue flag itself is computed in the queries, not here.
 */
@Component
class MailboxSchedule {

    private final MailboxMessageRepository messages;
    private final BuildingLeaderRepository leaders;
    private final ApplicationEventPublisher events;
    private final MemberNotices notices;
    private final Clock clock;
    private final int answerWithinDays;

    MailboxSchedule(MailboxMessageRepository messages, BuildingLeaderRepository leaders, ApplicationEventPublisher events,
                    MemberNotices notices,
                    Clock clock, @Value("${lianxin.mailbox.answer-within-days:3}") int answerWithinDays) {
        this.messages = messages;
        this.leaders = leaders;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
        this.answerWithinDays = answerWithinDays;
    }

    @Scheduled(cron = "${lianxin.mailbox.overdue-cron:0 15 7 * * *}")
    @SchedulerLock(name = "mailbox-overdue", lockAtLeastFor = "PT1M")
    @Transactional
    public void notifyOverdueAndExpireTerms() {
        var now = clock.instant();
        var overdue = messages.findByStateAndCreatedAtBeforeAndOverdueNotifiedAtIsNull(MailboxMessage.State.NEW,
                now.minusSeconds(86_400L * answerWithinDays));
        for (MailboxMessage message : overdue) {
            message.markOverdueNotified(now);
            events.publishEvent(new MailboxMessageOverdue(message.id(), message.buildingId(), message.areaPath(),
                    message.createdAt()));
            notices.tellLeadersOf(message.buildingId(), "mailbox.overdue", "MailboxMessage", message.id(),
                    String.valueOf(answerWithinDays), MemberNotices.snippet(message.text()));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        for (BuildingLeader leader : leaders.findByStateAndTermEndBefore(BuildingLeader.State.ACTIVE, today)) {
            leader.expire(now);
            leaders.save(leader);
            events.publishEvent(new BuildingLeaderLeft(leader.id(), leader.memberId(), leader.accountId(),
                    leader.buildingIds(), leader.state().name()));
        }
        messages.saveAll(overdue);
    }
}
