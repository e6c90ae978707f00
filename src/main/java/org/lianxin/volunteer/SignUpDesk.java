package org.lianxin.volunteer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.Notice;
import org.lianxin.volunteer.VolunteerEvents.SignUpChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up and cancellation, where capacity is kept. Both first lock the activity's row
 * ({@code select … for update}), so the sign-ups and cancellations of one activity run one after the other on
 * every node; a place is taken by {@code update activity set taken = taken + 1 where id = ? and taken < capacity},
 * which cannot overfill even without the lock. A cancelled place goes to the first in the queue, who is told;
 * when nobody waits it is freed.
 */
@Component
class SignUpDesk {

    /** Who signs up: the member, his login (if any) and his name. */
    record Volunteer(long memberId, Long accountId, String name) {
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final List<SignUpState> ACTIVE = Arrays.stream(SignUpState.values()).filter(SignUpState::active).toList();

    private final ActivityRepository activities;
    private final SignUpRepository signUps;
    private final Ids ids;
    private final ApplicationEventPublisher events;

    SignUpDesk(ActivityRepository activities, SignUpRepository signUps, Ids ids, ApplicationEventPublisher events) {
        this.activities = activities;
        this.signUps = signUps;
        this.ids = ids;
        this.events = events;
    }

    @Transactional
    public SignUp signUp(long activityId, Volunteer member, Instant now) {
        Activity activity = activities.findById(activityId).orElseThrow(() -> new NotFoundException("Activity"));
        activity.state().require("sign-up");
        if (now.isBefore(activity.signUpOpensAt())) {
            throw new ConflictException("sign-up-closed", "sign-up.window.not-open", WHEN.format(activity.signUpOpensAt()));
        }
        if (!now.isBefore(activity.signUpClosesAt())) {
            throw new ConflictException("sign-up-closed", "sign-up.window.closed", WHEN.format(activity.signUpClosesAt()));
        }
        List<SignUp> clashes = signUps.overlapping(member.memberId(), activityId, ACTIVE, activity.startsAt(),
                activity.endsAt());
        if (!clashes.isEmpty()) {
            Activity other = activities.findById(clashes.get(0).activityId()).orElseThrow();
            throw new ConflictException("overlap", "sign-up.overlap", other.title(), WHEN.format(other.startsAt()),
                    WHEN.format(other.endsAt()));
        }
        activities.lockTaken(activityId);
        SignUp existing = signUps.findByActivityIdAndMemberId(activityId, member.memberId()).orElse(null);
        if (existing != null && existing.state() != SignUpState.CANCELLED) {
            throw new ConflictException("already-signed-up", "sign-up.already", existing.state().name());
        }
        boolean placed = activities.takePlace(activityId) == 1;
        SignUp signUp;
        if (existing != null) {
            existing.again(placed, now);
            signUp = signUps.saveAndFlush(existing);
        } else {
            signUp = signUps.saveAndFlush(new SignUp(ids.next("activity_seq"), activity, member, placed, now));
        }
        events.publishEvent(new SignUpChanged(placed ? "sign-up.create" : "sign-up.waitlist", activityId, signUp.id(),
                member.memberId(), placed ? "signed up" : "full: on the waitlist"));
        return signUp;
    }

    /** Cancels before the start; a freed place goes to the first on the waitlist, who is told. */
    @Transactional
    public SignUp cancel(SignUp signUp, Instant now) {
        Activity activity = activities.findById(signUp.activityId()).orElseThrow(() -> new NotFoundException("Activity"));
        activities.lockTaken(activity.id());
        boolean heldPlace = signUp.cancel(now);
        signUps.saveAndFlush(signUp);
        events.publishEvent(new SignUpChanged("sign-up.cancel", activity.id(), signUp.id(), signUp.memberId(),
                signUp.lateCancellation() ? "cancelled late" : "cancelled"));
        if (heldPlace) {
            SignUp next = signUps.findFirstByActivityIdAndStateOrderByQueuedAtAscIdAsc(activity.id(),
                    SignUpState.WAITLISTED).orElse(null);
            if (next == null) {
                activities.freePlace(activity.id());
            } else {
                promote(activity, next, now);
            }
        }
        return signUp;
    }

    /**
     * Places a raised capacity freed go to the queue in order, each member told as when a cancellation frees one.
     * The caller holds the activity's row lock and has flushed the new capacity; answers how many moved up.
     */
    int promoteWhileFree(Activity activity, Instant now) {
        int promoted = 0;
        while (true) {
            SignUp next = signUps.findFirstByActivityIdAndStateOrderByQueuedAtAscIdAsc(activity.id(),
                    SignUpState.WAITLISTED).orElse(null);
            if (next == null || activities.takePlace(activity.id()) != 1) {
                return promoted;
            }
            promote(activity, next, now);
            promoted++;
        }
    }

    private void promote(Activity activity, SignUp next, Instant now) {
        next.promote(now);
        signUps.saveAndFlush(next);
        events.publishEvent(new SignUpChanged("sign-up.promote", activity.id(), next.id(), next.memberId(),
                "promoted from the waitlist"));
        if (next.accountId() != null) {
            events.publishEvent(Notice.to(next.accountId(), "activity.promoted", "/m/activities/mine", "SignUp",
                    next.id() + ":promoted:" + now.toEpochMilli(), activity.title(),
                    WHEN.format(activity.startsAt()), activity.place()));
        }
    }
}
