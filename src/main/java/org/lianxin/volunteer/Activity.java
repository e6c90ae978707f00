package org.lianxin.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;

/**
 * A volunteer activity (志愿服务活动): published by a community, a grid branch, a service team or a partner unit
 * for an area, with a place, its time, a sign-up window and a capacity. {@code taken} (places held) is written
 * only by the conditional update in {@link SignUpDesk}, never by the entity, so that capacity holds across nodes.
 */
@Entity
@Table(name = "activity")
class Activity {

    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 2000;
    static final int MAX_PLACE = 200;
    static final int MAX_CAPACITY = 10_000;
    /** An activity lasts at most this long (a day's clean-up, not a season). */
    static final Duration MAX_LENGTH = Duration.ofHours(24);

    /** Who runs it. */
    enum OrganiserKind { COMMUNITY, GRID_BRANCH, SERVICE_TEAM, PARTNER_UNIT }

    /** Where it happens, as the organisation module names the area. */
    record Where(long areaId, String areaName, String areaPath) {
    }

    /** What the organiser fills in. */
    record Details(String title, String description, String place, Instant startsAt, Instant endsAt,
                   Instant signUpOpensAt, Instant signUpClosesAt, Integer capacity, Collection<String> skills,
                   Long campaignActionId, OrganiserKind organiserKind, String organiserName) {
    }

    @Id
    private Long id;
    private String title;
    private String description;
    @Column(name = "area_id")
    private long areaId;
    @Column(name = "area_name")
    private String areaName;
    @Column(name = "area_path")
    private String areaPath;
    private String place;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Column(name = "sign_up_opens_at")
    private Instant signUpOpensAt;
    @Column(name = "sign_up_closes_at")
    private Instant signUpClosesAt;
    private int capacity;
    @Column(name = "taken", updatable = false)
    private int taken;
    private String skills;
    @Column(name = "campaign_action_id")
    private Long campaignActionId;
    @Column(name = "service_team_id")
    private Long serviceTeamId;
    @Enumerated(EnumType.STRING)
    @Column(name = "organiser_kind")
    private OrganiserKind organiserKind;
    @Column(name = "organiser_name")
    private String organiserName;
    @Column(name = "created_by_account_id")
    private long createdByAccountId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private ActivityState state;
    @Column(name = "confirmed_by")
    private String confirmedBy;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Version
    private Long version;

    protected Activity() {
    }

    /** A new activity; every problem with the details is named at once (400). */
    Activity(long id, Where where, Details d, long byAccountId, String by, Instant at) {
        Checked c = check(d, at, new ArrayList<>());
        this.id = id;
        this.areaId = where.areaId();
        this.areaName = where.areaName();
        this.areaPath = where.areaPath();
        this.title = c.title;
        this.description = c.description;
        this.place = c.place;
        this.organiserName = c.organiserName;
        this.startsAt = d.startsAt();
        this.endsAt = d.endsAt();
        this.signUpOpensAt = c.opens;
        this.signUpClosesAt = c.closes;
        this.capacity = d.capacity();
        this.taken = 0;
        this.skills = c.skills;
        this.campaignActionId = d.campaignActionId();
        this.organiserKind = d.organiserKind();
        this.createdByAccountId = byAccountId;
        this.createdBy = by;
        this.createdAt = at;
        this.state = ActivityState.PUBLISHED;
    }

    /** The details as checked: stripped texts, the sign-up window with its defaults, the skills as stored. */
    private record Checked(String title, String description, String place, String organiserName, Instant opens,
                           Instant closes, String skills) {
    }

    /** Every problem with the details at once (400), the problems found by the caller included. */
    private static Checked check(Details d, Instant at, List<FieldProblem> problems) {
        String title = text(d.title(), MAX_TITLE, "title", true, problems);
        String description = text(d.description(), MAX_TEXT, "description", false, problems);
        String place = text(d.place(), MAX_PLACE, "place", true, problems);
        String organiserName = text(d.organiserName(), MAX_PLACE, "organiserName", true, problems);
        if (d.organiserKind() == null) {
            problems.add(new FieldProblem("organiserKind", "validation.required"));
        }
        if (d.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "validation.required"));
        }
        if (d.endsAt() == null) {
            problems.add(new FieldProblem("endsAt", "validation.required"));
        }
        if (d.startsAt() != null && d.endsAt() != null) {
            if (!d.endsAt().isAfter(d.startsAt())) {
                problems.add(new FieldProblem("endsAt", "activity.time.end-before-start"));
            } else if (Duration.between(d.startsAt(), d.endsAt()).compareTo(MAX_LENGTH) > 0) {
                problems.add(new FieldProblem("endsAt", "activity.time.too-long", MAX_LENGTH.toHours()));
            }
        }
        Instant opens = d.signUpOpensAt() == null ? at : d.signUpOpensAt();
        Instant closes = d.signUpClosesAt() == null ? d.startsAt() : d.signUpClosesAt();
        if (closes != null && d.startsAt() != null && closes.isAfter(d.startsAt())) {
            problems.add(new FieldProblem("signUpClosesAt", "activity.sign-up.closes-after-start"));
        }
        if (closes != null && !closes.isAfter(opens)) {
            problems.add(new FieldProblem("signUpOpensAt", "activity.sign-up.opens-after-close"));
        }
        if (d.capacity() == null) {
            problems.add(new FieldProblem("capacity", "validation.required"));
        } else if (d.capacity() < 1 || d.capacity() > MAX_CAPACITY) {
            problems.add(new FieldProblem("capacity", "validation.range", 1, MAX_CAPACITY));
        }
        List<String> skillList = d.skills() == null ? List.of() : d.skills().stream().distinct().sorted().toList();
        if (skillList.stream().anyMatch(s -> s == null || !s.matches("[A-Z_]{1,30}")) || skillList.size() > 12) {
            problems.add(new FieldProblem("skills", "activity.skills.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        return new Checked(title, description, place, organiserName, opens, closes,
                "," + String.join(",", skillList) + (skillList.isEmpty() ? "" : ","));
    }

    /** What an edit changed, for the audit entry and for whom to tell. */
    record Change(List<String> fields, boolean timeOrPlace, boolean start) {
    }

    /**
     * The publisher edits the activity with the same checks as publishing ({@code problems}: those the caller found
     * already). Once it has started only the description may change (409 naming the state); a new start must be in
     * the future. The capacity is checked against the places held by the caller, who holds the row's lock.
     */
    Change edit(Details d, Instant now, List<FieldProblem> problems) {
        state.require("edit");
        Details full = new Details(d.title(), d.description(), d.place(), d.startsAt(), d.endsAt(),
                d.signUpOpensAt() == null ? signUpOpensAt : d.signUpOpensAt(), d.signUpClosesAt(), d.capacity(),
                d.skills(), d.campaignActionId(), organiserKind, organiserName);
        if (d.startsAt() != null && !d.startsAt().equals(startsAt) && !d.startsAt().isAfter(now)) {
            problems.add(new FieldProblem("startsAt", "activity.time.past"));
        }
        Checked c = check(full, now, problems);
        List<String> fields = new ArrayList<>();
        changed(fields, "title", title, c.title);
        changed(fields, "description", description, c.description);
        changed(fields, "place", place, c.place);
        changed(fields, "startsAt", startsAt, d.startsAt());
        changed(fields, "endsAt", endsAt, d.endsAt());
        changed(fields, "signUpOpensAt", signUpOpensAt, c.opens);
        changed(fields, "signUpClosesAt", signUpClosesAt, c.closes);
        changed(fields, "capacity", capacity, d.capacity());
        changed(fields, "skills", skills, c.skills);
        changed(fields, "campaignActionId", campaignActionId, d.campaignActionId());
        if (started(now) && fields.stream().anyMatch(f -> !f.equals("description"))) {
            throw new ConflictException("started", "activity.edit.started", SignUpDesk.WHEN.format(startsAt));
        }
        boolean timeOrPlace = fields.contains("place") || fields.contains("startsAt") || fields.contains("endsAt");
        boolean start = fields.contains("startsAt");
        this.title = c.title;
        this.description = c.description;
        this.place = c.place;
        this.startsAt = d.startsAt();
        this.endsAt = d.endsAt();
        this.signUpOpensAt = c.opens;
        this.signUpClosesAt = c.closes;
        this.capacity = d.capacity();
        this.skills = c.skills;
        this.campaignActionId = d.campaignActionId();
        return new Change(fields, timeOrPlace, start);
    }

    private static void changed(List<String> fields, String name, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    /**
     * The organiser calls it off with a reason: not once it has ended or its attendance is confirmed (409). Its
     * sign-ups are ended by the caller.
     */
    void cancel(String reason, String by, Instant at) {
        state.require("cancel");
        if (ended(at)) {
            throw new ConflictException("ended", "activity.cancel.ended", SignUpDesk.WHEN.format(endsAt));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String why = text(reason, SignUp.MAX_REASON, "reason", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.state = ActivityState.CANCELLED;
        this.cancelReason = why;
        this.cancelledBy = by;
        this.cancelledAt = at;
    }

    /** Tagged to an action of a campaign. */
    void tagTo(long actionId) {
        this.campaignActionId = actionId;
    }

    /** Run by a service team: the team is the organiser. */
    void runBy(ServiceTeam team) {
        this.serviceTeamId = team.id();
        this.organiserKind = OrganiserKind.SERVICE_TEAM;
        this.organiserName = team.name();
    }

    static String text(String value, int max, String field, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "activity.text.too-long", max));
            return null;
        }
        return value.strip();
    }

    /** The attendance list is confirmed: sign-ups are settled by the caller. */
    void confirm(String by, Instant at) {
        state.require("confirm");
        if (at.isBefore(endsAt)) {
            throw new ConflictException("not-ended", "activity.confirm.not-ended");
        }
        this.state = ActivityState.CONFIRMED;
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    boolean started(Instant now) {
        return !now.isBefore(startsAt);
    }

    boolean ended(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** Minutes of service between check-in and check-out, capped by the activity's own time. */
    int minutesBetween(Instant in, Instant out) {
        if (in == null || out == null) {
            return 0;
        }
        Instant from = in.isBefore(startsAt) ? startsAt : in;
        Instant to = out.isAfter(endsAt) ? endsAt : out;
        return to.isAfter(from) ? (int) Duration.between(from, to).toMinutes() : 0;
    }

    int lengthMinutes() {
        return (int) Duration.between(startsAt, endsAt).toMinutes();
    }

    boolean wants(Collection<String> memberSkills) {
        return memberSkills.stream().anyMatch(s -> skills.contains("," + s + ","));
    }

    Long id() { return id; }
    String title() { return title; }
    String description() { return description; }
    long areaId() { return areaId; }
    String areaName() { return areaName; }
    String areaPath() { return areaPath; }
    String place() { return place; }
    Instant startsAt() { return startsAt; }
    Instant endsAt() { return endsAt; }
    Instant signUpOpensAt() { return signUpOpensAt; }
    Instant signUpClosesAt() { return signUpClosesAt; }
    int capacity() { return capacity; }
    int taken() { return taken; }
    List<String> skills() { return Arrays.stream(skills.split(",")).filter(s -> !s.isBlank()).toList(); }
    Long campaignActionId() { return campaignActionId; }
    Long serviceTeamId() { return serviceTeamId; }
    OrganiserKind organiserKind() { return organiserKind; }
    String organiserName() { return organiserName; }
    long createdByAccountId() { return createdByAccountId; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    ActivityState state() { return state; }
    String confirmedBy() { return confirmedBy; }
    Instant confirmedAt() { return confirmedAt; }
    String cancelReason() { return cancelReason; }
    String cancelledBy() { return cancelledBy; }
    Instant cancelledAt() { return cancelledAt; }
    Long version() { return version; }
}
