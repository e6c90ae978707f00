package org.lianxin.volunteer;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;

/**
 * One member's sign-up (报名) for one activity, and what happened on site: check-in and check-out (签到/签退),
 * by the member's scan or by the organiser's hand with a reason, and the minutes of service (服务时长) the
 * organiser confirms. The state machine is {@link SignUpState}; the activity's time is copied so that
 * overlapping sign-ups and reminders are found without a join.
 */
@Entity
@Table(name = "sign_up")
class SignUp {

    static final int MAX_REASON = 500;
    /** A cancellation this close to the start counts as late (the organiser sees it). */
    static final Duration LATE = Duration.ofHours(24);
    /** A second scan this soon after check-in is taken as a mistake, not as the check-out. */
    static final Duration MIN_STAY = Duration.ofMinutes(5);

    @Id
    private Long id;
    @Column(name = "activity_id")
    private long activityId;
    @Column(name = "member_id")
    private long memberId;
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "member_name")
    private String memberName;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    private SignUpState state;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "placed_at")
    private Instant placedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "late_cancellation")
    private boolean lateCancellation;
    @Column(name = "checked_in_at")
    private Instant checkedInAt;
    @Column(name = "checked_out_at")
    private Instant checkedOutAt;
    @Column(name = "checked_in_by")
    private String checkedInBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_in_method")
    private CheckInMethod checkInMethod;
    @Column(name = "manual_reason")
    private String manualReason;
    private Integer minutes;
    @Column(name = "correction_reason")
    private String correctionReason;
    @Column(name = "reminded_day_at")
    private Instant remindedDayAt;
    @Column(name = "reminded_hour_at")
    private Instant remindedHourAt;
    @Version
    private Long version;

    /**
     * How the check-in was made: SCAN (the member scanned the activity's code), HAND (the organiser, with a reason),
     * MEMBER_CODE (the organiser scanned the member's personal code or typed its number).
     */
    enum CheckInMethod { SCAN, HAND, MEMBER_CODE }

    protected SignUp() {
    }

    /** A new sign-up: with a place ({@code placed}) or on the waitlist. */
    SignUp(long id, Activity activity, SignUpDesk.Volunteer member, boolean placed, Instant at) {
        this.id = id;
        this.activityId = activity.id();
        this.memberId = member.memberId();
        this.accountId = member.accountId();
        this.memberName = member.name();
        this.areaPath = activity.areaPath();
        this.startsAt = activity.startsAt();
        this.endsAt = activity.endsAt();
        queue(placed, at);
    }

    /** A cancelled sign-up signs up again, at the end of the queue. */
    void again(boolean placed, Instant at) {
        state.require("sign-up");
        this.cancelledAt = null;
        this.lateCancellation = false;
        queue(placed, at);
    }

    private void queue(boolean placed, Instant at) {
        this.state = placed ? SignUpState.SIGNED_UP : SignUpState.WAITLISTED;
        // as the database keeps it (microseconds), so that queue positions compare with what is stored
        this.queuedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.placedAt = placed ? at : null;
    }

    /** Cancel before the start; answers whether it held a place (which the caller frees or passes on). */
    boolean cancel(Instant at) {
        state.require("cancel");
        if (!at.isBefore(startsAt)) {
            throw new ConflictException("started", "sign-up.cancel.started");
        }
        boolean heldPlace = state == SignUpState.SIGNED_UP;
        this.lateCancellation = heldPlace && Duration.between(at, startsAt).compareTo(LATE) < 0;
        this.cancelledAt = at;
        this.state = SignUpState.CANCELLED;
        return heldPlace;
    }

    /** The first in the queue gets the place a cancellation freed. */
    void promote(Instant at) {
        state.require("promote");
        this.state = SignUpState.SIGNED_UP;
        this.placedAt = at;
    }

    void checkIn(Instant at, String by, String reason) {
        checkIn(at, by, reason, reason == null ? CheckInMethod.SCAN : CheckInMethod.HAND);
    }

    void checkIn(Instant at, String by, String reason, CheckInMethod method) {
        if (state == SignUpState.CHECKED_IN || state == SignUpState.CHECKED_OUT) {
            throw new ConflictException("already-checked-in", "check-in.already", state.name());
        }
        state.require("check-in");
        this.state = SignUpState.CHECKED_IN;
        this.checkedInAt = at;
        this.checkedInBy = by;
        this.manualReason = reason;
        this.checkInMethod = method;
    }

    /** The organiser cancelled the activity: a sign-up not yet settled ends here, whatever its state. */
    boolean endByOrganiser(Instant at) {
        if (!state.active()) {
            return false;
        }
        this.state = SignUpState.ORGANISER_CANCELLED;
        this.cancelledAt = at;
        return true;
    }


    void checkOut(Instant at, String reason) {
        state.require("check-out");
        if (reason == null && Duration.between(checkedInAt, at).compareTo(MIN_STAY) < 0) {
            throw new ConflictException("already-checked-in", "check-in.already", state.name());
        }
        this.state = SignUpState.CHECKED_OUT;
        this.checkedOutAt = at;
        if (reason != null) {
            this.manualReason = manualReason == null ? reason : manualReason + "；" + reason;
        }
    }

    /** The organiser confirms the list: minutes for who was there, NO_SHOW for who held a place and did not come. */
    void settle(Activity activity) {
        if (state == SignUpState.CHECKED_IN || state == SignUpState.CHECKED_OUT) {
            state.require("attend");
            // checked in and never out: counted until the activity's end (the organiser may correct it)
            this.minutes = activity.minutesBetween(checkedInAt, checkedOutAt == null ? activity.endsAt() : checkedOutAt);
            this.state = SignUpState.ATTENDED;
        } else if (state == SignUpState.SIGNED_UP) {
            state.require("no-show");
            this.minutes = 0;
            this.state = SignUpState.NO_SHOW;
        }
    }

    /** A confirmed line corrected with a reason; answers the minutes before. */
    int correct(int newMinutes, String reason, int maxMinutes) {
        state.require("correct");
        java.util.List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (newMinutes < 0 || newMinutes > maxMinutes) {
            problems.add(new InvalidInputException.FieldProblem("minutes", "validation.range", 0, maxMinutes));
        }
        String why = Activity.text(reason, MAX_REASON, "reason", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        int before = minutes == null ? 0 : minutes;
        this.minutes = newMinutes;
        this.correctionReason = why;
        this.state = newMinutes > 0 ? SignUpState.ATTENDED : SignUpState.NO_SHOW;
        return before;
    }

    Long id() { return id; }
    long activityId() { return activityId; }
    long memberId() { return memberId; }
    Long accountId() { return accountId; }
    String memberName() { return memberName; }
    String areaPath() { return areaPath; }
    Instant startsAt() { return startsAt; }
    Instant endsAt() { return endsAt; }
    SignUpState state() { return state; }
    Instant queuedAt() { return queuedAt; }
    Instant placedAt() { return placedAt; }
    Instant cancelledAt() { return cancelledAt; }
    boolean lateCancellation() { return lateCancellation; }
    Instant checkedInAt() { return checkedInAt; }
    Instant checkedOutAt() { return checkedOutAt; }
    String checkedInBy() { return checkedInBy; }
    String manualReason() { return manualReason; }
    CheckInMethod checkInMethod() { return checkInMethod; }
    Integer minutes() { return minutes; }
    String correctionReason() { return correctionReason; }
    Long version() { return version; }
}
