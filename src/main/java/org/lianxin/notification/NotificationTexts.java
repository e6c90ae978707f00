package org.lianxin.notification;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A notification's title and body in a language, from {@code notice.<kind>.title|body}. */
@Component
class NotificationTexts {

    private final MessageSource messages;

    NotificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    String title(Notification n, Locale locale) {
        return messages.getMessage("notice." + n.kind() + ".title", n.args(), n.kind(), locale);
    }

    String body(Notification n, Locale locale) {
        return messages.getMessage("notice." + n.kind() + ".body", n.args(), "", locale);
    }
}
