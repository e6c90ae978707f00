package org.lianxin.casework;

import org.lianxin.shared.AuditableEvent;

/** What happens in casework; each is audited. */
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
}
