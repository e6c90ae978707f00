package org.lianxin.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;

/**
 * A micro-project (微项目): something larger than a wish (a reading corner, a ramp) that the community publishes
 * with a budget and milestones, that one or more partner units' Party organisations claim, report progress on with
 * photos, and complete; the community accepts it (验收) or returns it for more work. It belongs to the area path
 * where it happens (a community or below). Claims and steps are kept in order; a claim changes the version, so two
 * units claiming the last place at the same moment give one claim and one 409.
 */
@Entity
@Table(name = "micro_project")
class MicroProject {

    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 2000;
    static final int MAX_REASON = 500;
    static final int MAX_BUDGET = 1_000_000;
    static final int MAX_UNITS = 10;
    static final int MAX_MILESTONES = 10;

    /** A planned step of the project; done when a progress update says so. */
    @Embeddable
    static class Milestone {
        private String title;
        @Column(name = "due_on")
        private LocalDate dueOn;
        @Column(name = "done_at")
        private Instant doneAt;

        protected Milestone() {
        }

        Milestone(String title, LocalDate dueOn) {
            this.title = title;
            this.dueOn = dueOn;
        }

        String title() { return title; }
        LocalDate dueOn() { return dueOn; }
        Instant doneAt() { return doneAt; }
    }

    /** A unit that took part, through the contact who claimed for it. */
    @Embeddable
    static class Claim {
        @Column(name = "unit_id")
        private Long unitId;
        @Column(name = "unit_name")
        private String unitName;
        @Column(name = "account_id")
        private Long accountId;
        @Column(name = "by_name")
        private String byName;
        @Column(name = "claimed_at")
        private Instant claimedAt;

        protected Claim() {
        }

        Claim(long unitId, String unitName, long accountId, String byName, Instant claimedAt) {
            this.unitId = unitId;
            this.unitName = unitName;
            this.accountId = accountId;
            this.byName = byName;
            this.claimedAt = claimedAt;
        }

        Long unitId() { return unitId; }
        String unitName() { return unitName; }
        Long accountId() { return accountId; }
        String byName() { return byName; }
        Instant claimedAt() { return claimedAt; }
    }

    /** One step of the history. */
    @Embeddable
    static class Step {
        private String action;
        @Column(name = "by_name")
        private String byName;
        private Instant at;
        private String note;

        protected Step() {
        }

        Step(String action, String byName, Instant at, String note) {
            this.action = action;
            this.byName = byName;
            this.at = at;
            this.note = note;
        }

        String action() { return action; }
        String byName() { return byName; }
        Instant at() { return at; }
        String note() { return note; }
    }

    @Id
    private Long id;
    private String title;
    private String description;
    private String place;
    private int budget;
    @Column(name = "max_units")
    private int maxUnits;
    @Column(name = "area_id")
    private Long areaId;
    @Column(name = "area_name")
    private String areaName;
    @Column(name = "area_path")
    private String areaPath;
    @Enumerated(EnumType.STRING)
    private MicroProjectState state;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "accepted_by")
    private String acceptedBy;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "acceptance_note")
    private String acceptanceNote;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "micro_project_milestone", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "seq")
    private List<Milestone> milestones = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "micro_project_claim", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "seq")
    private List<Claim> claims = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "micro_project_step", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "seq")
    private List<Step> steps = new ArrayList<>();
    @Version
    private Long version;

    protected MicroProject() {
    }

    /** A planned milestone as the form gives it. */
    record Plan(String title, LocalDate dueOn) {
    }

    MicroProject(long id, long areaId, String areaName, String areaPath, String title, String description, String place,
                 Integer budget, Integer maxUnits, List<Plan> milestones, LocalDate today, String by, Instant at) {
        List<FieldProblem> problems = new ArrayList<>();
        this.title = text(title, MAX_TITLE, "title", true, problems);
        this.description = text(description, MAX_TEXT, "description", true, problems);
        this.place = text(place, 100, "place", false, problems);
        if (budget == null) {
            problems.add(new FieldProblem("budget", "validation.required"));
        } else if (budget < 0 || budget > MAX_BUDGET) {
            problems.add(new FieldProblem("budget", "micro-project.budget.range", MAX_BUDGET));
        }
        if (maxUnits == null) {
            problems.add(new FieldProblem("maxUnits", "validation.required"));
        } else if (maxUnits < 1 || maxUnits > MAX_UNITS) {
            problems.add(new FieldProblem("maxUnits", "micro-project.units.range", MAX_UNITS));
        }
        if (milestones == null || milestones.isEmpty()) {
            problems.add(new FieldProblem("milestones", "micro-project.milestones.required"));
        } else if (milestones.size() > MAX_MILESTONES) {
            problems.add(new FieldProblem("milestones", "micro-project.milestones.too-many", MAX_MILESTONES));
        } else {
            for (int i = 0; i < milestones.size(); i++) {
                Plan plan = milestones.get(i);
                String field = "milestones[" + i + "]";
                String name = plan == null ? null : text(plan.title(), MAX_TITLE, field + ".title", true, problems);
                if (plan == null || plan.dueOn() == null) {
                    problems.add(new FieldProblem(field + ".dueOn", "validation.required"));
                } else if (plan.dueOn().isBefore(today)) {
                    problems.add(new FieldProblem(field + ".dueOn", "micro-project.milestone.past"));
                } else if (name != null) {
                    this.milestones.add(new Milestone(name, plan.dueOn()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.id = id;
        this.areaId = areaId;
        this.areaName = areaName;
        this.areaPath = areaPath;
        this.budget = budget;
        this.maxUnits = maxUnits;
        this.state = MicroProjectState.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
        step("publish", by, at, null);
    }

    private static String text(String value, int max, String field, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "wish.text.too-long", max));
            return null;
        }
        return value.strip();
    }

    private static String required(String value, int max, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        String checked = text(value, max, field, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        return checked;
    }

    private void step(String action, String by, Instant at, String note) {
        steps.add(new Step(action, by, at, note));
    }

    /** A unit joins: once per unit, up to the project's number of units. */
    void claim(long unitId, String unitName, long accountId, String by, Instant at) {
        state.require("claim");
        if (claimedByUnit(unitId)) {
            throw new ConflictException("micro-project-claimed", "micro-project.claim.twice", unitName);
        }
        if (claims.size() >= maxUnits) {
            throw new ConflictException("micro-project-full", "micro-project.claim.full", maxUnits);
        }
        claims.add(new Claim(unitId, unitName, accountId, by, at));
        state = MicroProjectState.IN_PROGRESS;
        step("claim", by, at, unitName);
    }

    /** Progress, optionally finishing milestone {@code milestone} (0-based). */
    void progress(Integer milestone, String by, Instant at) {
        state.require("update");
        if (milestone != null) {
            if (milestone < 0 || milestone >= milestones.size()) {
                throw new InvalidInputException("milestone", "micro-project.milestone.unknown");
            }
            Milestone m = milestones.get(milestone);
            if (m.doneAt != null) {
                throw new ConflictException("micro-project-milestone-done", "micro-project.milestone.done", m.title);
            }
            m.doneAt = at;
            step("milestone", by, at, m.title);
        } else {
            step("update", by, at, null);
        }
    }

    void complete(String by, Instant at) {
        state.require("complete");
        List<String> open = milestones.stream().filter(m -> m.doneAt == null).map(Milestone::title).toList();
        if (!open.isEmpty()) {
            throw new ConflictException("micro-project-milestones-open", "micro-project.milestones.open",
                    String.join("、", open));
        }
        state = MicroProjectState.COMPLETED;
        completedAt = at;
        step("complete", by, at, null);
    }

    void accept(String note, String by, Instant at) {
        state.require("accept");
        acceptanceNote = required(note, MAX_REASON, "note");
        acceptedBy = by;
        acceptedAt = at;
        state = MicroProjectState.ACCEPTED;
        step("accept", by, at, acceptanceNote);
    }

    /** The community does not accept it yet: more work, with the reason. */
    void sendBack(String reason, String by, Instant at) {
        state.require("return");
        String why = required(reason, MAX_REASON, "reason");
        state = MicroProjectState.IN_PROGRESS;
        completedAt = null;
        step("return", by, at, why);
    }

    void cancel(String reason, String by, Instant at) {
        state.require("cancel");
        cancelReason = required(reason, MAX_REASON, "reason");
        state = MicroProjectState.CANCELLED;
        step("cancel", by, at, cancelReason);
    }

    boolean claimedByUnit(long unitId) {
        return claims.stream().anyMatch(c -> c.unitId == unitId);
    }

    Long id() { return id; }
    String title() { return title; }
    String description() { return description; }
    String place() { return place; }
    int budget() { return budget; }
    int maxUnits() { return maxUnits; }
    Long areaId() { return areaId; }
    String areaName() { return areaName; }
    String areaPath() { return areaPath; }
    MicroProjectState state() { return state; }
    String publishedBy() { return publishedBy; }
    Instant publishedAt() { return publishedAt; }
    Instant completedAt() { return completedAt; }
    String acceptedBy() { return acceptedBy; }
    Instant acceptedAt() { return acceptedAt; }
    String acceptanceNote() { return acceptanceNote; }
    String cancelReason() { return cancelReason; }
    List<Milestone> milestones() { return List.copyOf(milestones); }
    List<Claim> claims() { return List.copyOf(claims); }
    List<Step> steps() { return List.copyOf(steps); }
    Long version() { return version; }
}
