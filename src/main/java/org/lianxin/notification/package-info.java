/**
 * Notifications: every account's inbox in the console and on mobile, fed from {@link org.lianxin.shared.Notice}
 * events through the event publication registry (the outbox), and outbound channels (SMS, email, webhook)
 * behind {@link org.lianxin.notification.OutboundChannel}, with a logging default. This module only
 * listens; no module calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "消息通知")
package org.lianxin.notification;
