package org.lianxin.care;

import java.time.Instant;

import org.lianxin.shared.AuditableEvent;

/**
 * What happens to contact assignments and visits; each is audited. Details carry names and ids, never
 * ID or phone numbers. {@link VisitRaisedNeed} and {@link VisitRaisedCase} are for the matching and
 * casework modules; {@link VisitOverdue} for whoever follows overdue visits.
 */
public final class CareEvents {

    private CareEvents() {
    }

    public record ContactAssignmentChanged(String action, long assignmentId, long memberId, long householdId, String detail)
            implements AuditableEvent {
        public String objectType() {
            return "ContactAssignment";
        }

        public String objectId() {
            return String.valueOf(assignmentId);
        }
    }

    public record VisitLogged(long visitId, String kind, Long householdId, Long caredMemberId, String areaPath,
                              String visitorName, Instant visitedAt) implements AuditableEvent {
        public String action() {
            return "visit.log";
        }

        public String objectType() {
            return "Visit";
        }

        public String objectId() {
            return String.valueOf(visitId);
        }

        public String detail() {
            return kind + " by " + visitorName;
        }
    }

    /** A visit found a need (to the needs list, 需求清单). */
    public record VisitRaisedNeed(long visitId, Long householdId, String areaPath, String text, String raisedBy)
            implements AuditableEvent {
        public String action() {
            return "visit.raise-need";
        }

        public String objectType() {
            return "Visit";
        }

        public String objectId() {
            return String.valueOf(visitId);
        }

        public String detail() {
            return "need raised by " + raisedBy;
        }
    }

    /** A visit found a problem to be handled as a grid case (网格事件). */
    public record VisitRaisedCase(long visitId, Long householdId, String areaPath, String text, String raisedBy)
            implements AuditableEvent {
        public String action() {
            return "visit.raise-case";
        }

        public String objectType() {
            return "Visit";
        }

        public String objectId() {
            return String.valueOf(visitId);
        }

        public String detail() {
            return "case raised by " + raisedBy;
        }
    }

    /** A contact household's visit is overdue: published once per overdue period (per due date). */
    public record VisitOverdue(long assignmentId, long householdId, long memberId, String areaPath, Instant dueAt)
            implements AuditableEvent {
        public String action() {
            return "visit.overdue";
        }

        public String objectType() {
            return "ContactAssignment";
        }

        public String objectId() {
            return String.valueOf(assignmentId);
        }

        public String detail() {
            return "visit due " + dueAt;
        }
    }
}
