package org.lianxin.organization;

import org.lianxin.shared.AuditableEvent;

/** What happens to partner units, their contacts and pairings; each is audited. */
public final class PartnerUnitEvents {

    private PartnerUnitEvents() {
    }

    public record PartnerUnitChanged(String action, long partnerUnitId, String detail) implements AuditableEvent {
        public String objectType() {
            return "PartnerUnit";
        }

        public String objectId() {
            return String.valueOf(partnerUnitId);
        }
    }
}
