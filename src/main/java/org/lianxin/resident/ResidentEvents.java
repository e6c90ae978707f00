package org.lianxin.resident;

import org.lianxin.shared.AuditableEvent;

/**
 * What happens in the resident ledger; each is audited. Details name records by id and name, never
 * by ID or phone number.
 */
public final class ResidentEvents {

    private ResidentEvents() {
    }

    /** A household was created, renumbered or moved. */
    public record HouseholdChanged(String action, long householdId, String detail) implements AuditableEvent {
        public String objectType() {
            return "Household";
        }

        public String objectId() {
            return String.valueOf(householdId);
        }
    }

    /** A resident was added, changed or removed. */
    public record ResidentChanged(String action, long residentId, String detail) implements AuditableEvent {
        public String objectType() {
            return "Resident";
        }

        public String objectId() {
            return String.valueOf(residentId);
        }
    }

    /** Somebody was shown a resident's full ID or phone number; {@code field} says which, never the value. */
    public record ResidentNumberRevealed(long residentId, String field) implements AuditableEvent {
        public String action() {
            return "resident.pii.reveal";
        }

        public String objectType() {
            return "Resident";
        }

        public String objectId() {
            return String.valueOf(residentId);
        }

        public String detail() {
            return "revealed " + field;
        }
    }

    /** A resident signed up, or staff confirmed or rejected a signup. */
    public record SignupChanged(String action, long signupId, String detail) implements AuditableEvent {
        public String objectType() {
            return "ResidentSignup";
        }

        public String objectId() {
            return String.valueOf(signupId);
        }
    }
}
