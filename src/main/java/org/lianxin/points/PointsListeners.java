package org.lianxin.points;

import org.lianxin.matching.MatchingEvents.NeedFulfilled;
import org.lianxin.matching.MatchingEvents.ServiceTaskCompleted;
import org.lianxin.member.MemberEvents.MailboxMessageAnswered;
import org.lianxin.volunteer.VolunteerEvents.ActivityAttended;
import org.lianxin.volunteer.VolunteerEvents.AttendanceCorrected;
import org.lianxin.wish.WishEvents.WishConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The ledger's only inputs: other modules' events, after their transaction commits, each in its own transaction and
 * tracked by the event publication registry (redelivered after a crash). Every one is idempotent through
 * {@link PointsLedger}. A wish earns points when the resident confirms it came true ({@code WishConfirmed}), not when
 * the claimant says it is done; a need or wish fulfilled by a partner unit earns no personal points.
 */
@Component
class PointsListeners {

    private final PointsLedger ledger;
    private final org.lianxin.volunteer.VolunteerActivities activities;

    PointsListeners(PointsLedger ledger, org.lianxin.volunteer.VolunteerActivities activities) {
        this.ledger = ledger;
        this.activities = activities;
    }

    @ApplicationModuleListener
    void on(ActivityAttended event) {
        ledger.activity(ledger.holder(event.memberId(), event.accountId(), event.areaPath()), event.activityId(),
                event.signUpId(), activities.titleOf(event.activityId()).orElse(null), event.minutes(), event.at());
    }

    @ApplicationModuleListener
    void on(AttendanceCorrected event) {
        ledger.attendanceCorrected(ledger.holder(event.memberId(), event.accountId(), event.areaPath()),
                event.activityId(), event.signUpId(), activities.titleOf(event.activityId()).orElse(null),
                event.minutesAfter(), event.reason(), event.at());
    }

    @ApplicationModuleListener
    void on(WishConfirmed event) {
        if (event.memberId() != null) {
            ledger.wish(ledger.holder(event.memberId(), event.claimantAccountId(), event.areaPath()), event.wishId(),
                    null, event.at());
        }
    }

    @ApplicationModuleListener
    void on(NeedFulfilled event) {
        if (event.memberId() != null) {
            ledger.need(ledger.holder(event.memberId(), event.helperAccountId(), event.areaPath()), event.needId(),
                    null, event.at());
        }
    }

    @ApplicationModuleListener
    void on(ServiceTaskCompleted event) {
        ledger.serviceTask(ledger.holder(event.memberId(), event.accountId(), event.areaPath()), event.taskId(),
                event.claimId(), null, event.minutes(), event.at());
    }

    @ApplicationModuleListener
    void on(MailboxMessageAnswered event) {
        ledger.mailboxAnswer(ledger.holder(event.leaderMemberId(), event.leaderAccountId(), event.areaPath()),
                event.messageId(), event.at());
    }
}
