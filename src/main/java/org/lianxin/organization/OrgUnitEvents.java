package org.lianxin.organization;

import org.lianxin.shared.AuditableEvent;

/** What happens to the Party organisation tree; each is audited. */
public final class OrgUnitEvents {

    private OrgUnitEvents() {
    }

    public record OrgUnitChanged(String action, long orgUnitId, String detail) implements AuditableEvent {
        public String objectType() {
            return "OrgUnit";
        }

        public String objectId() {
            return String.valueOf(orgUnitId);
        }
    }
}
