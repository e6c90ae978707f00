package org.lianxin.member;

import org.lianxin.shared.AuditableEvent;

/**
 * What happens to members and registrations; each is audited. Details carry names and ids, never
 * ID or phone numbers. {@link RegistrationApproved} is the one other modules listen to.
 */
public final class MemberEvents {

    private MemberEvents() {
    }

    public record MemberChanged(String action, long memberId, String detail) implements AuditableEvent {
        public String objectType() {
            return "Member";
        }

        public String objectId() {
            return String.valueOf(memberId);
        }
    }

    /** A full number was shown to somebody: which field, never the number. */
    public record MemberNumberRevealed(long memberId, String field) implements AuditableEvent {
        public String action() {
            return "member.reveal";
        }

        public String objectType() {
            return "Member";
        }

        public String objectId() {
            return String.valueOf(memberId);
        }

        public String detail() {
            return field;
        }
    }

    public record RegistrationChanged(String action, long registrationId, String detail) implements AuditableEvent {
        public String objectType() {
            return "Registration";
        }

        public String objectId() {
            return String.valueOf(registrationId);
        }
    }

    /** A member was approved and placed: branch, and optionally group and zone (org-unit ids). */
    public record RegistrationApproved(long registrationId, long memberId, long communityId, long gridId, long branchId,
                                       Long groupId, Long zoneId) implements AuditableEvent {
        public String action() {
            return "registration.approve";
        }

        public String objectType() {
            return "Registration";
        }

        public String objectId() {
            return String.valueOf(registrationId);
        }

        public String detail() {
            return "member " + memberId + " placed in org unit " + (zoneId != null ? zoneId : groupId != null ? groupId : branchId);
        }
    }

    public record UnitRegistrationChanged(String action, long unitRegistrationId, String detail) implements AuditableEvent {
        public String objectType() {
            return "UnitRegistration";
        }

        public String objectId() {
            return String.valueOf(unitRegistrationId);
        }
    }

    /** A batch of lines of a spreadsheet import was written: how many members, from which lines (no names, no numbers). */
    public record MembersImported(long importJobId, int count, int firstLine, int lastLine) implements AuditableEvent {
        public String action() {
            return "member.import";
        }

        public String objectType() {
            return "ImportJob";
        }

        public String objectId() {
            return String.valueOf(importJobId);
        }

        public String detail() {
            return count + " members from lines " + firstLine + "-" + lastLine;
        }
    }

    /** Members were exported to a spreadsheet: the filter, how many rows, masked or not. */
    public record MembersExported(String filter, int rows, boolean masked) implements AuditableEvent {
        public String action() {
            return "member.export";
        }

        public String objectType() {
            return "Member";
        }

        public String objectId() {
            return "-";
        }

        public String detail() {
            return rows + " rows, " + (masked ? "masked" : "UNMASKED") + (filter.isEmpty() ? "" : ", filter " + filter);
        }
    }
}
