package org.lianxin.notification;

/**
 * A way out of Lianxin for a notice: SMS, email, an enterprise WeChat robot. Deployments add a bean
 * implementing it; every channel bean gets every notice after its inbox entry is saved, and decides
 * itself whether the recipient wants it. A failing channel is logged and never loses the inbox entry.
 */
public interface OutboundChannel {

    /** The channel's name in logs and configuration, e.g. {@code sms}. */
    String name();

    void deliver(long recipientAccountId, String kind, String title, String body);
}
