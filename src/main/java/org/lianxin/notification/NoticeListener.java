package org.lianxin.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.lianxin.shared.Ids;
import org.lianxin.shared.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a {@link Notice} into one inbox entry per recipient, then hands it to the outbound channels.
 * Runs after the publisher's transaction commits, on another thread; the event publication registry keeps the
 * notice until this completes, so a crash in between delivers it later. Idempotent: a notice already in
 * a recipient's inbox for the same kind and source is not added again — also when two deliveries of it
 * race (each entry is saved in its own transaction; the loser meets the unique constraint and skips).
 */
@Component
class NoticeListener {

    private static final Logger log = LoggerFactory.getLogger(NoticeListener.class);
    static final Locale OUTBOUND_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final NotificationRepository notifications;
    private final NotificationTexts texts;
    private final List<OutboundChannel> channels;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate own;

    NoticeListener(NotificationRepository notifications, NotificationTexts texts, List<OutboundChannel> channels,
                   Ids ids, Clock clock, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.texts = texts;
        this.channels = channels;
        this.ids = ids;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
    }

    /**
     * Like {@code @ApplicationModuleListener} (after commit, async, tracked by the event publication registry) but
     * without its surrounding transaction: each entry gets its own, so a listener never holds two connections at
     * once (eight busy listeners holding one and waiting for a second could drain the pool).
     */
    @Async
    @TransactionalEventListener
    void on(Notice notice) {
        for (long recipient : notice.recipientAccountIds()) {
            if (notifications.existsByRecipientAccountIdAndKindAndSourceTypeAndSourceId(recipient, notice.kind(),
                    notice.sourceType(), notice.sourceId())) {
                continue;
            }
            Notification saved;
            try {
                saved = own.execute(status -> notifications.saveAndFlush(new Notification(ids.next("notification_seq"),
                        recipient, notice.kind(), notice.args(), notice.link(), notice.sourceType(), notice.sourceId(),
                        clock.instant())));
            } catch (DataAccessException e) {
                // a concurrent delivery of the same notice saved it first (unique constraint, or on H2 a lock timeout
                // while the other insert was uncommitted): then it is delivered; anything else is retried later
                if (notifications.existsByRecipientAccountIdAndKindAndSourceTypeAndSourceId(recipient, notice.kind(),
                        notice.sourceType(), notice.sourceId())) {
                    continue;
                }
                throw e;
            }
            String title = texts.title(saved, OUTBOUND_LANGUAGE);
            String body = texts.body(saved, OUTBOUND_LANGUAGE);
            for (OutboundChannel channel : channels) {
                try {
                    channel.deliver(recipient, notice.kind(), title, body);
                } catch (RuntimeException e) {
                    log.warn("channel {} failed for notice {} to account {}: {}", channel.name(), notice.kind(),
                            recipient, e.toString());
                }
            }
        }
    }
}
