package org.lianxin.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.lianxin.shared.StateSteps;

/**
 * A service task (服务清单): what the community asks members to do, the skills it needs, where and when, and how many
 * people. Members claim places themselves (nobody is assigned); {@code taken} counts the places claimed and only a
 * conditional update moves it ({@link ServiceTaskClaims}), so the task never overfills. When it is done the community
 * completes it, and every member who held a place is credited.
 */
@Entity
@Table(name = "service_task")
class ServiceTask {

    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 1000;
    static final int MAX_PLACES = 500;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    enum State { OPEN, COMPLETED, CANCELLED }

    record Terms(String title, String description, List<String> skills, String place, Instant startsAt,
                 Instant endsAt, Integer places) {
    }

    @Id
    private Long id;
    private String title;
    private String description;
    private String skills;
    private String place;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    private int places;
    private int taken;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "area_name")
    private String areaName;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "campaign_action_id")
    private Long campaignActionId;
    @Version
    private Long version;

    protected ServiceTask() {
    }

    ServiceTask(long id, Terms terms, Collection<String> knownSkills, String areaPath, String areaName, String by,
                Instant at) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        this.title = text(terms.title(), MAX_TITLE, "title", problems);
        this.description = text(terms.description(), MAX_TEXT, "description", problems);
        this.place = text(terms.place(), 200, "place", problems);
        List<String> skills = terms.skills() == null ? List.of() : terms.skills().stream().distinct().sorted().toList();
        if (skills.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("skills", "validation.required"));
        } else if (!knownSkills.containsAll(skills)) {
            problems.add(new InvalidInputException.FieldProblem("skills", "service-task.skill.unknown"));
        }
        if (terms.startsAt() == null) {
            problems.add(new InvalidInputException.FieldProblem("startsAt", "validation.required"));
        } else if (terms.startsAt().isBefore(at)) {
            problems.add(new InvalidInputException.FieldProblem("startsAt", "service-task.starts.past"));
        }
        if (terms.endsAt() == null) {
            problems.add(new InvalidInputException.FieldProblem("endsAt", "validation.required"));
        } else if (terms.startsAt() != null && !terms.endsAt().isAfter(terms.startsAt())) {
            problems.add(new InvalidInputException.FieldProblem("endsAt", "service-task.ends.order"));
        }
        if (terms.places() == null) {
            problems.add(new InvalidInputException.FieldProblem("places", "validation.required"));
        } else if (terms.places() < 1 || terms.places() > MAX_PLACES) {
            problems.add(new InvalidInputException.FieldProblem("places", "service-task.places.range", MAX_PLACES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.id = id;
        this.skills = "," + String.join(",", skills) + ",";
        this.startsAt = terms.startsAt();
        this.endsAt = terms.endsAt();
        this.places = terms.places();
        this.taken = 0;
        this.areaPath = areaPath;
        this.areaName = areaName;
        this.state = State.OPEN;
        this.createdBy = by;
        this.createdAt = at;
    }

    private static String text(String value, int max, String field, List<InvalidInputException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem(field, "validation.required"));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new InvalidInputException.FieldProblem(field, "need.text.too-long", max));
            return null;
        }
        return value.strip();
    }

    List<String> allowed() {
        return state == State.OPEN ? List.of("claim", "complete", "cancel") : List.of();
    }

    /** An illegal step answers 409 naming the current state and the steps it allows. */
    void require(String step) {
        StateSteps.require("service-task.state.not-allowed", state, allowed(), step);
    }

    /** Tags the open task to a campaign action (checked by the caller), or clears the tag ({@code null}). */
    void tagTo(Long actionId) {
        requireTaggable();
        this.campaignActionId = actionId;
    }

    /** Only an open task is tagged: a completed one was counted with the tag it had (409 otherwise). */
    void requireTaggable() {
        if (state != State.OPEN) {
            throw new ConflictException("invalid-state", "service-task.state.not-allowed", "tag", state.name(), "-");
        }
    }

    /** The day the task takes place (China time): a campaign must be running then to count it. */
    java.time.LocalDate day() {
        return startsAt.atZone(ZONE).toLocalDate();
    }

    void complete(Instant at) {
        require("complete");
        this.state = State.COMPLETED;
        this.completedAt = at;
    }

    void cancel(Instant at) {
        require("cancel");
        this.state = State.CANCELLED;
        this.completedAt = at;
    }

    /** When the task takes place, as the availability codes members register with. */
    List<String> slots() {
        ZonedDateTime start = startsAt.atZone(ZONE);
        boolean weekend = start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (weekend) {
            return List.of("WEEKENDS");
        }
        return List.of(start.getHour() >= 18 ? "WEEKDAY_EVENINGS" : "WEEKDAY_DAYTIME");
    }

    int minutes() {
        return (int) Math.max(0, (endsAt.getEpochSecond() - startsAt.getEpochSecond()) / 60);
    }

    Long id() { return id; }
    String title() { return title; }
    String description() { return description; }
    List<String> skills() { return Arrays.stream(skills.split(",")).filter(s -> !s.isBlank()).toList(); }
    String place() { return place; }
    Instant startsAt() { return startsAt; }
    Instant endsAt() { return endsAt; }
    int places() { return places; }
    int taken() { return taken; }
    String areaPath() { return areaPath; }
    String areaName() { return areaName; }
    State state() { return state; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant completedAt() { return completedAt; }
    Long campaignActionId() { return campaignActionId; }
    Long version() { return version; }
}
