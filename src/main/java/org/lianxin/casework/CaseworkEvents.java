package org.lianxin.casework;

import java.time.Instant;

import org.lianxin.shared.AuditableEvent;

/**
 * What happens in casework; each is audited. {@link CaseChanged} is every step of a case (its detail never names
 * the reporter); {@link CaseClosed} and {@link CaseOverdue} are for statistics and whoever follows time limits.
 */
public final class CaseworkEvents {

    private CaseworkEvents() {
    }

    /** A year's holidays and adjusted working days were loaded or replaced. */
    public record CalendarYearLoaded(int year, int holidays, int workdays, String source) implements AuditableEvent {
        public String action() {
            return "calendar.load";
        }

        public String objectType() {
            return "WorkingCalendar";
        }

        public String objectId() {
            return String.valueOf(year);
        }

        public String detail() {
            return holidays + " holidays, " + workdays + " adjusted working days" + (source == null ? "" : " (" + source + ")");
        }
    }

    /** A step of a grid case: {@code action} is {@code case.<step>}, with the states before and after. */
    public record CaseChanged(String action, long caseId, String areaPath, String fromState, String toState,
                              String detail) implements AuditableEvent {
        public String objectType() {
            return "Case";
        }

        public String objectId() {
            return String.valueOf(caseId);
        }
    }

    /** A case was closed (handled, verified, closed): whether within its last deadline. */
    public record CaseClosed(long caseId, String areaPath, String category, String level, Instant reportedAt,
                             Instant closedAt, boolean onTime) implements AuditableEvent {
        public String action() {
            return "case.closed";
        }

        public String objectType() {
            return "Case";
        }

        public String objectId() {
            return String.valueOf(caseId);
        }

        public String detail() {
            return "closed at level " + level + (onTime ? ", on time" : ", late");
        }
    }

    /** An open case passed its deadline; announced once per deadline by the overdue job. */
    public record CaseOverdue(long caseId, String areaPath, String state, String level, Instant deadline)
            implements AuditableEvent {
        public String action() {
            return "case.overdue";
        }

        public String objectType() {
            return "Case";
        }

        public String objectId() {
            return String.valueOf(caseId);
        }

        public String detail() {
            return "overdue in state " + state + " at level " + level + " since " + deadline;
        }
    }

    /** Staff showed the full phone number of a case's reporter to call him back for a return visit (回访). */
    public record ReporterPhoneRevealed(long caseId, String areaPath, long returnVisitId) implements AuditableEvent {
        public String action() {
            return "case.reporter.reveal";
        }

        public String objectType() {
            return "Case";
        }

        public String objectId() {
            return String.valueOf(caseId);
        }

        public String detail() {
            return "revealed the reporter's phone for return visit " + returnVisitId;
        }
    }

    /** A patrol started or ended (with how many points and cases). */
    public record PatrolChanged(String action, long patrolId, String areaPath, String detail) implements AuditableEvent {
        public String objectType() {
            return "Patrol";
        }

        public String objectId() {
            return String.valueOf(patrolId);
        }
    }

    /** A case category's labels or time limits were changed. */
    public record CaseCategoryChanged(String code, String limits) implements AuditableEvent {
        public String action() {
            return "case.category.change";
        }

        public String objectType() {
            return "CaseCategory";
        }

        public String objectId() {
            return code;
        }

        public String detail() {
            return limits;
        }
    }

    /** Someone downloaded the case statistics of an area and a period as an .xlsx file (counts only, no people). */
    public record CaseStatisticsExported(long areaId, String areaPath, String from, String to, int rows)
            implements AuditableEvent {
        public String action() {
            return "case.statistics.export";
        }

        public String objectType() {
            return "Area";
        }

        public String objectId() {
            return String.valueOf(areaId);
        }

        public String detail() {
            return "case statistics " + from + ".." + to + ", " + rows + " rows";
        }
    }
}
