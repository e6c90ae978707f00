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

    /** A batch of lines of a spreadsheet import was written: residents and new households, from which lines. */
    public record ResidentsImported(long importJobId, int count, int households, int firstLine, int lastLine)
            implements AuditableEvent {
        public String action() {
            return "resident.import";
        }

        public String objectType() {
            return "ImportJob";
        }

        public String objectId() {
            return String.valueOf(importJobId);
        }

        public String detail() {
            return count + " residents (" + households + " new households) from lines " + firstLine + "-" + lastLine;
        }
    }

    /** Residents were exported to a spreadsheet: the filter, how many rows, masked or not. */
    public record ResidentsExported(String filter, int rows, boolean masked) implements AuditableEvent {
        public String action() {
            return "resident.export";
        }

        public String objectType() {
            return "Resident";
        }

        public String objectId() {
            return "-";
        }

        public String detail() {
            return rows + " rows, " + (masked ? "masked" : "UNMASKED") + (filter.isEmpty() ? "" : ", filter " + filter);
        }
    }
}
