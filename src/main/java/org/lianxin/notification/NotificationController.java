package org.lianxin.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox; every signed-in account has one and sees nobody else's. */
@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/notifications")
@Transactional
class NotificationController {

    record NotificationView(long id, String kind, String title, String body, String link, Instant createdAt,
                            boolean read) {
    }

    record UnreadCount(long unread) {
    }

    record Marked(int marked) {
    }

    private final NotificationRepository notifications;
    private final NotificationTexts texts;
    private final Clock clock;

    NotificationController(NotificationRepository notifications, NotificationTexts texts, Clock clock) {
        this.notifications = notifications;
        this.texts = texts;
        this.clock = clock;
    }

    @Operation(summary = "My inbox, newest first (unread=true: only unread)")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<NotificationView> list(@CurrentUser Actor actor, @RequestParam(required = false) Boolean unread,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        var pageable = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id")));
        Page<Notification> result = Boolean.TRUE.equals(unread)
                ? notifications.findByRecipientAccountIdAndReadAtIsNull(actor.accountId(), pageable)
                : notifications.findByRecipientAccountId(actor.accountId(), pageable);
        Locale locale = LocaleContextHolder.getLocale();
        return PageView.of(result, n -> view(n, locale));
    }

    @Operation(summary = "How many of my notifications are unread (the badge)")
    @GetMapping("/unread-count")
    @Transactional(readOnly = true)
    UnreadCount unread(@CurrentUser Actor actor) {
        return new UnreadCount(notifications.countByRecipientAccountIdAndReadAtIsNull(actor.accountId()));
    }

    @Operation(summary = "Mark one of my notifications read")
    @PostMapping("/{id}/read")
    NotificationView read(@CurrentUser Actor actor, @PathVariable long id) {
        Notification notification = notifications.findById(id)
                .filter(n -> n.recipientAccountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException("Notification"));
        notification.markRead(clock.instant());
        return view(notification, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Mark all my notifications read")
    @PostMapping("/read-all")
    Marked readAll(@CurrentUser Actor actor) {
        return new Marked(notifications.markAllRead(actor.accountId(), clock.instant()));
    }

    private NotificationView view(Notification n, Locale locale) {
        return new NotificationView(n.id(), n.kind(), texts.title(n, locale), texts.body(n, locale), n.link(),
                n.createdAt(), n.readAt() != null);
    }
}
