package org.lianxin.member;

import java.time.Instant;
import java.util.List;

import org.lianxin.shared.AuditableEvent;
import org.lianxin.shared.BuildingLeaderRoleChange;

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

    /** A public board or responsibility cards were printed: which grid or member; the detail names, never numbers. */
    public record PublicBoardPrinted(String action, String objectType, long id, String detail) implements AuditableEvent {
        public String objectId() {
            return String.valueOf(id);
        }
    }

    /** A building-leader recruitment, nomination or term changed (created, closed, declined, stepped down…). */
    public record BuildingLeaderChanged(String action, String objectType, long id, String detail) implements AuditableEvent {
        public String objectId() {
            return String.valueOf(id);
        }
    }

    /** A member was appointed building leader of these buildings; access gives his account the role there. */
    public record BuildingLeaderAppointed(long leaderId, long memberId, Long accountId, List<Long> buildingIds,
                                          String letterNumber) implements AuditableEvent, BuildingLeaderRoleChange {
        public String action() {
            return "building-leader.appoint";
        }

        public String objectType() {
            return "BuildingLeader";
        }

        public String objectId() {
            return String.valueOf(leaderId);
        }

        public String detail() {
            return "member " + memberId + " buildings " + buildingIds + " letter " + letterNumber;
        }

        public boolean holds() {
            return true;
        }
    }

    /** A building leader's term ended (STEPPED_DOWN, DISMISSED, EXPIRED); access takes the role back. */
    public record BuildingLeaderLeft(long leaderId, long memberId, Long accountId, List<Long> buildingIds, String state)
            implements AuditableEvent, BuildingLeaderRoleChange {
        public String action() {
            return "building-leader." + state.toLowerCase(java.util.Locale.ROOT);
        }

        public String objectType() {
            return "BuildingLeader";
        }

        public String objectId() {
            return String.valueOf(leaderId);
        }

        public String detail() {
            return "member " + memberId + " buildings " + buildingIds;
        }

        public boolean holds() {
            return false;
        }
    }

    /** A mailbox message was written, answered, resolved or closed. Details never carry the text or the writer. */
    public record MailboxMessageChanged(String action, long messageId, long buildingId, String detail)
            implements AuditableEvent {
        public String objectType() {
            return "MailboxMessage";
        }

        public String objectId() {
            return String.valueOf(messageId);
        }
    }

    /** A message had no answer within the allowed days; published once per message (for notifications). */
    public record MailboxMessageOverdue(long messageId, long buildingId, String areaPath, Instant writtenAt)
            implements AuditableEvent {
        public String action() {
            return "mailbox.overdue";
        }

        public String objectType() {
            return "MailboxMessage";
        }

        public String objectId() {
            return String.valueOf(messageId);
        }

        public String detail() {
            return "written " + writtenAt;
        }
    }

    /** A message was handed over to become a need (NEED) or a case (CASE); casework and matching will listen. */
    public record MailboxMessageEscalated(long messageId, String target, long buildingId, String areaPath,
                                          long residentId, String text, String by) implements AuditableEvent {
        public String action() {
            return "mailbox.hand-over";
        }

        public String objectType() {
            return "MailboxMessage";
        }

        public String objectId() {
            return String.valueOf(messageId);
        }

        public String detail() {
            return "handed over as " + target;
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

    /**
     * A building leader answered a resident's mailbox message (for points): the leader as a member and his login;
     * {@code areaPath} is the message's (the building's). Never the text or the writer.
     */
    public record MailboxMessageAnswered(long messageId, long leaderMemberId, Long leaderAccountId, String areaPath,
                                         Instant at) implements AuditableEvent {
        public String action() {
            return "mailbox.answered";
        }

        public String objectType() {
            return "MailboxMessage";
        }

        public String objectId() {
            return String.valueOf(messageId);
        }

        public String detail() {
            return "answered by member " + leaderMemberId;
        }
    }
}
