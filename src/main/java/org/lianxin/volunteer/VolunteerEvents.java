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

    /** An activity published, or its attendance list confirmed ({@code action}: activity.publish, activity.confirm). */
    public record ActivityChanged(String action, long activityId, String areaPath, String detail)
            implements AuditableEvent {
        @Override
        public String objectType() {
            return "Activity";
        }

        @Override
        public String objectId() {
            return String.valueOf(activityId);
        }
    }

    /**
     * A step of one sign-up ({@code action}: sign-up.create, sign-up.waitlist, sign-up.cancel, sign-up.promote,
     * sign-up.check-in, sign-up.check-out, sign-up.check-in.manual…); the detail names the member by id only.
     */
    public record SignUpChanged(String action, long activityId, long signUpId, long memberId, String detail)
            implements AuditableEvent {
        @Override
        public String objectType() {
            return "SignUp";
        }

        @Override
        public String objectId() {
            return String.valueOf(signUpId);
        }
    }

    /** A service team formed, or a member added ({@code action}: service-team.create, service-team.member.add). */
    public record ServiceTeamChanged(String action, long teamId, String detail) implements AuditableEvent {
        @Override
        public String objectType() {
            return "ServiceTeam";
        }

        @Override
        public String objectId() {
            return String.valueOf(teamId);
        }
    }

    /** A campaign defined or rolled out ({@code action}: campaign.create, campaign.roll-out). */
    public record CampaignChanged(String action, long campaignId, String detail) implements AuditableEvent {
        @Override
        public String objectType() {
            return "Campaign";
        }

        @Override
        public String objectId() {
            return String.valueOf(campaignId);
        }
    }
}
