package org.lianxin.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default channel: writes which kind of notice went to which account, so that an operator sees
 * the flow without a gateway. It never logs the text (names of residents may be in it).
 */
@Component
@ConditionalOnProperty(name = "lianxin.notification.log-channel", havingValue = "true", matchIfMissing = true)
class LoggingOutboundChannel implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingOutboundChannel.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void deliver(long recipientAccountId, String kind, String title, String body) {
        log.info("notice {} to account {}", kind, recipientAccountId);
    }
}
