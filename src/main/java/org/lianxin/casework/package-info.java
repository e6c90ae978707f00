/**
 * Casework: intake, cases, time limits, escalation and supervision (ARCHITECTURE.md). Built so far: the
 * {@link org.lianxin.casework.WorkingCalendar} (public holidays and adjusted working weekends loaded per year
 * by an administrator, office hours from configuration) that turns a time limit in working days or hours
 * into a deadline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "接诉办理")
package org.lianxin.casework;
