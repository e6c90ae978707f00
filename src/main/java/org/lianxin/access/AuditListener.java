package org.lianxin.access;

import org.lianxin.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an audit entry for every {@link AuditableEvent} any module publishes, in the publisher's
 * transaction and thread, so that the entry and the change commit or roll back together.
 */
@Component
class AuditListener {

    private final AuditLog log;
    private final ActorResolver actors;

    AuditListener(AuditLog log, ActorResolver actors) {
        this.log = log;
        this.actors = actors;
    }

    @EventListener
    void on(AuditableEvent event) {
        var actor = actors.currentOrNull();
        log.record(actor == null ? null : actor.accountId(), actor == null ? "system" : actor.username(),
                event.action(), event.objectType(), event.objectId(), AuditEntry.Result.SUCCESS, event.detail());
    }
}
