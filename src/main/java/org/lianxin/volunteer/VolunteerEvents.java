package org.lianxin.volunteer;

import java.time.Instant;

import org.lianxin.shared.AuditableEvent;

/**
 * What happens in volunteering. {@link ActivityAttended} and {@link AttendanceCorrected} are the contract
 * with {@code points} and statistics: published when the organiser confirms an activity's attendance list
 * (one per member who attended), and when a confirmed line is corrected afterwards.
 */
public final class VolunteerEvents {

    private VolunteerEvents() {
    }

    /**
     * A member's attendance was confirmed: {@code minutes} of service between check-in and check-out, capped by the
     * activity's time. {@code campaignActionId} is set when the activity belongs to a campaign action.
     */
    public record ActivityAttended(long activityId, long signUpId, long memberId, Long accountId, String areaPath,
                                   Long campaignActionId, int minutes, Instant at) implements AuditableEvent {
        @Override
        public String action() {
            return "activity.attended";
        }

        @Override
        public String objectType() {
            return "Activity";
        }

        @Override
        public String objectId() {
            return String.valueOf(activityId);
        }

        @Override
        public String detail() {
            return "member " + memberId + " attended " + minutes + " min";
        }
    }

    /** A confirmed attendance line was corrected with a reason: points reverse the old minutes and credit the new. */
    public record AttendanceCorrected(long activityId, long signUpId, long memberId, Long accountId, String areaPath,
                                      int minutesBefore, int minutesAfter, String reason, Instant at)
            implements AuditableEvent {
        @Override
        public String action() {
            return "activity.attendance.correct";
        }

        @Override
        public String objectType() {
            return "Activity";
        }

        @Override
        public String objectId() {
            return String.valueOf(activityId);
        }

        @Override
        public String detail() {
            return "member " + memberId + ": " + minutesBefore + " → " + minutesAfter + " min (" + reason + ")";
        }
    }
}
