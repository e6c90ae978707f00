package org.lianxin.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.lianxin.shared.Ids;
import org.lianxin.shared.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link Notice} into one inbox entry per recipient, then hands it to the outbound channels.
 * Runs after the publisher's transaction commits, in its own; the event publication registry keeps the
 * notice until this completes, so a crash in between delivers it later. Idempotent: a notice already in
 * a recipient's inbox for the same kind and source is not added again.
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

    NoticeListener(NotificationRepository notifications, NotificationTexts texts, List<OutboundChannel> channels,
                   Ids ids, Clock clock) {
        this.notifications = notifications;
        this.texts = texts;
        this.channels = channels;
        this.ids = ids;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(Notice notice) {
        for (long recipient : notice.recipientAccountIds()) {
            if (notifications.existsByRecipientAccountIdAndKindAndSourceTypeAndSourceId(recipient, notice.kind(),
                    notice.sourceType(), notice.sourceId())) {
                continue;
            }
            Notification saved = notifications.save(new Notification(ids.next("notification_seq"), recipient,
                    notice.kind(), notice.args(), notice.link(), notice.sourceType(), notice.sourceId(), clock.instant()));
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
