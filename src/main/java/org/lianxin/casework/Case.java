package org.lianxin.casework;

import java.time.Instant;
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
 * A grid case (网格事件): a problem reported at a place, routed to the smallest grid around it, and driven
 * through the case cycle ({@link CaseState}) by one method per step. Every step is written to the history (who,
 * when, from, to, comment); every open state has a deadline (from the category's limit over the working
 * calendar) and a responsible person or unit. Escalation moves the case up a level (grid → community →
 * subdistrict, or to a partner unit / department), each with its own limit.
 */
@Entity(name = "GridCase")
@Table(name = "grid_case")
class Case {

    static final int MAX_TEXT = 1000;
    static final int MAX_REASON = 500;

    /** Who takes a step: a display name and, when logged in, the account. */
    record Who(Long accountId, String name) {
    }

    /** Where a case stands: its level, the area of that level, and who answers for it there. */
    record Holder(CaseLevel level, String levelPath, String responsibleName, Long responsibleAccountId) {
    }

    /** The deadline of the step a case enters now (null when it enters a closed state). */
    interface Deadlines {
        Instant due(CaseState entering, CaseLevel level, Instant from);
    }

    /** One step of the history. */
    @Embeddable
    static class Step {
        private String action;
        @Enumerated(EnumType.STRING)
        @Column(name = "from_state")
        private CaseState fromState;
        @Enumerated(EnumType.STRING)
        @Column(name = "to_state")
        private CaseState toState;
        @Column(name = "by_name")
        private String byName;
        @Column(name = "by_account_id")
        private Long byAccountId;
        private Instant at;
        private String comment;

        protected Step() {
        }

        Step(String action, CaseState fromState, CaseState toState, Who by, Instant at, String comment) {
            this.action = action;
            this.fromState = fromState;
            this.toState = toState;
            this.byName = by.name();
            this.byAccountId = by.accountId();
            this.at = at;
            this.comment = comment;
        }

        String action() { return action; }
        CaseState fromState() { return fromState; }
        CaseState toState() { return toState; }
        String byName() { return byName; }
        Long byAccountId() { return byAccountId; }
        Instant at() { return at; }
        String comment() { return comment; }
    }

    @Id
    private Long id;
    private String category;
    private String description;
    private String address;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "source_type")
    private String sourceType;
    @Column(name = "source_id")
    private String sourceId;
    private Double longitude;
    private Double latitude;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "grid_name")
    private String gridName;
    @Enumerated(EnumType.STRING)
    private CaseLevel level;
    @Column(name = "level_path")
    private String levelPath;
    @Column(name = "responsible_name")
    private String responsibleName;
    @Column(name = "responsible_account_id")
    private Long responsibleAccountId;
    @Enumerated(EnumType.STRING)
    private CaseState state;
    @Column(name = "state_since")
    private Instant stateSince;
    private Instant deadline;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
    @Column(name = "reporter_account_id")
    private Long reporterAccountId;
    @Column(name = "reporter_name")
    private String reporterName;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    private Integer rating;
    @Column(name = "rating_comment")
    private String ratingComment;
    @Column(name = "reject_reason")
    private String rejectReason;
    @Column(name = "reject_redirect")
    private String rejectRedirect;
    @Column(name = "duplicate_of")
    private Long duplicateOf;
    @Column(name = "urge_count")
    private int urgeCount;
    @Column(name = "supervision_open")
    private boolean supervisionOpen;
    @Column(name = "patrol_id")
    private Long patrolId;
    /** The case left a step after that step's deadline (or was announced overdue): not handled on time. */
    private boolean late;
    /** The case was escalated at least once. */
    private boolean escalated;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_step", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "seq")
    private List<Step> steps = new ArrayList<>();
    @Version
    private Long version;

    protected Case() {
    }

    /** A new case, reported by {@code reporter} (recorded by {@code by}, who may be staff taking a call). */
    Case(long id, String category, String description, String address, Channel channel, String sourceType,
         String sourceId, Double longitude, Double latitude, String areaPath, String gridName, Holder holder,
         Who reporter, Who by, Instant at, Deadlines deadlines) {
        List<FieldProblem> problems = new ArrayList<>();
        this.description = text(description, MAX_TEXT, "description", problems);
        if (address != null && address.strip().length() > 200) {
            problems.add(new FieldProblem("address", "case.text.too-long", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.id = id;
        this.category = category;
        this.address = address == null || address.isBlank() ? null : address.strip();
        this.channel = channel;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.longitude = longitude;
        this.latitude = latitude;
        this.areaPath = areaPath;
        this.gridName = gridName;
        hold(holder);
        this.reporterAccountId = reporter.accountId();
        this.reporterName = reporter.name();
        this.reportedAt = at;
        enter(CaseState.REPORTED, at, deadlines);
        steps.add(new Step("report", null, CaseState.REPORTED, by, at,
                by.equals(reporter) ? null : "for " + reporter.name()));
    }

    static String text(String value, int max, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "case.text.too-long", max));
            return null;
        }
        return value.strip();
    }

    private static String required(String value, int max, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        String checked = text(value, max, field, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        return checked;
    }

    private static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(value, max, field);
    }

    /** The steps the case allows now: its state's, and pressing while open (reply while supervised). */
    List<String> allowed() {
        List<String> all = new ArrayList<>(state.steps());
        if (state.open()) {
            all.add("urge");
            all.add("supervise");
        }
        if (supervisionOpen) {
            all.add("reply");
        }
        return all;
    }

    /** An illegal step answers 409 naming the current state and the steps it allows. */
    void require(String step) {
        List<String> allowed = allowed();
        if (!allowed.contains(step)) {
            throw new ConflictException("invalid-state", "case.state.not-allowed", step, state.name(),
                    allowed.isEmpty() ? "-" : String.join(", ", allowed));
        }
    }

    private void hold(Holder holder) {
        this.level = holder.level();
        this.levelPath = holder.levelPath();
        this.responsibleName = holder.responsibleName();
        this.responsibleAccountId = holder.responsibleAccountId();
    }

    private void enter(CaseState next, Instant at, Deadlines deadlines) {
        if (this.deadline != null && at.isAfter(this.deadline)) {
            this.late = true;
        }
        this.state = next;
        this.stateSince = at;
        this.deadline = next.open() ? deadlines.due(next, level, at) : null;
        this.overdueNotifiedAt = null;
    }

    private void move(String action, CaseState next, Who by, Instant at, String comment, Deadlines deadlines) {
        require(action);
        CaseState from = state;
        enter(next, at, deadlines);
        steps.add(new Step(action, from, next, by, at, comment));
    }

    private void note(String action, Who by, Instant at, String comment) {
        steps.add(new Step(action, state, state, by, at, comment));
    }

    void accept(Who by, Instant at, String comment, Deadlines deadlines) {
        move("accept", CaseState.ACCEPTED, by, at, optional(comment, MAX_TEXT, "comment"), deadlines);
    }

    void register(Who by, Instant at, String comment, Deadlines deadlines) {
        move("register", CaseState.REGISTERED, by, at, optional(comment, MAX_TEXT, "comment"), deadlines);
    }

    /** To a person (the caller himself, or a named account) or a unit; the handling limit of the level starts. */
    void dispatch(Holder to, Who by, Instant at, String comment, Deadlines deadlines) {
        require("dispatch");
        String checked = optional(comment, MAX_TEXT, "comment");
        hold(new Holder(level, levelPath, to.responsibleName(), to.responsibleAccountId()));
        move("dispatch", CaseState.DISPATCHED, by, at, "→ " + to.responsibleName() + (checked == null ? "" : ": " + checked),
                deadlines);
    }

    /** Work begins; the deadline set at dispatch stands. */
    void start(Who by, Instant at, String comment) {
        require("start");
        String checked = optional(comment, MAX_TEXT, "comment");
        CaseState from = state;
        this.state = CaseState.HANDLING;
        this.stateSince = at;
        steps.add(new Step("start", from, CaseState.HANDLING, by, at, checked));
    }

    void handle(Who by, Instant at, String comment, Deadlines deadlines) {
        move("handle", CaseState.HANDLED, by, at, required(comment, MAX_TEXT, "comment"), deadlines);
        this.supervisionOpen = false;
    }

    void verify(Who by, Instant at, String comment, Deadlines deadlines) {
        move("verify", CaseState.VERIFIED, by, at, optional(comment, MAX_TEXT, "comment"), deadlines);
    }

    void close(Who by, Instant at, String comment) {
        move("close", CaseState.CLOSED, by, at, optional(comment, MAX_TEXT, "comment"), null);
        this.closedAt = at;
    }

    /** The reporter rates once, 1–5 stars. */
    void rate(int stars, String comment, Who by, Instant at) {
        require("rate");
        if (stars < 1 || stars > 5) {
            throw new InvalidInputException("rating", "validation.range", 1, 5);
        }
        this.ratingComment = optional(comment, MAX_REASON, "comment");
        this.rating = stars;
        move("rate", CaseState.RATED, by, at, stars + "★" + (ratingComment == null ? "" : " " + ratingComment), null);
    }

    /** Not done well enough: back to the handler, with the handling limit anew. */
    void returnForRework(Who by, Instant at, String reason, Deadlines deadlines) {
        String checked = required(reason, MAX_REASON, "reason");
        move("return", CaseState.HANDLING, by, at, checked, deadlines);
    }

    /** Not a case for us: the reason names who decided and where the reporter should go instead. */
    void reject(Who by, Instant at, String reason, String redirect) {
        require("reject");
        List<FieldProblem> problems = new ArrayList<>();
        String r = text(reason, MAX_REASON, "reason", problems);
        String where = text(redirect, 200, "redirect", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.rejectReason = r;
        this.rejectRedirect = where;
        move("reject", CaseState.REJECTED, by, at, r + " → " + where, null);
        this.closedAt = at;
    }

    /** The reporter disputes the result within {@code until}: handling starts again. */
    void reopen(Who by, Instant at, String reason, Instant until, Deadlines deadlines) {
        require("reopen");
        String checked = required(reason, MAX_REASON, "reason");
        if (until != null && at.isAfter(until)) {
            throw new ConflictException("reopen-too-late", "case.reopen.too-late", until.toString());
        }
        this.closedAt = null;
        move("reopen", CaseState.HANDLING, by, at, checked, deadlines);
    }

    /** 回访: one attempt to reach the reporter of a closed case, noted in the history (the state stands). */
    void returnVisit(Who by, Instant at, String publicNote) {
        if (state != CaseState.CLOSED && state != CaseState.RATED) {
            throw new ConflictException("invalid-state", "case.state.not-allowed", "return-visit", state.name(),
                    allowed().isEmpty() ? "-" : String.join(", ", allowed()));
        }
        note("return-visit", by, at, publicNote);
    }

    /**
     * The reporter is dissatisfied on a return visit: the case goes back to handling at the community (the holder),
     * with the community's handling limit, like a reopening by the reporter himself.
     */
    void reopenAfterReturnVisit(Holder community, Who by, Instant at, String reason, Deadlines deadlines) {
        String checked = required(reason, MAX_REASON, "reason");
        if (state != CaseState.CLOSED && state != CaseState.RATED) {
            throw new ConflictException("invalid-state", "case.state.not-allowed", "reopen", state.name(),
                    allowed().isEmpty() ? "-" : String.join(", ", allowed()));
        }
        CaseState from = state;
        hold(community);
        this.closedAt = null;
        this.supervisionOpen = false;
        enter(CaseState.HANDLING, at, deadlines);
        steps.add(new Step("reopen", from, CaseState.HANDLING, by, at, checked));
    }

    /** Up a level (or to a unit): the case waits for dispatch there, or is the unit's to handle. */
    void escalate(Holder to, Who by, Instant at, String reason, Deadlines deadlines) {
        require("escalate");
        String checked = required(reason, MAX_REASON, "reason");
        hold(to);
        this.escalated = true;
        move("escalate", to.level() == CaseLevel.UNIT ? CaseState.DISPATCHED : CaseState.REGISTERED, by, at,
                "→ " + to.responsibleName() + ": " + checked, deadlines);
    }

    /** 催办: the level above presses; the deadline stands. */
    void urge(Who by, Instant at, String comment) {
        require("urge");
        this.urgeCount++;
        note("urge", by, at, optional(comment, MAX_REASON, "comment"));
    }

    /** 督办: formal supervision; the holder must reply. */
    void supervise(Who by, Instant at, String comment) {
        require("supervise");
        this.supervisionOpen = true;
        note("supervise", by, at, required(comment, MAX_REASON, "comment"));
    }

    void reply(Who by, Instant at, String comment) {
        require("reply");
        this.supervisionOpen = false;
        note("reply", by, at, required(comment, MAX_TEXT, "comment"));
    }

    void markDuplicate(long original, Who by, Instant at) {
        require("duplicate");
        this.duplicateOf = original;
        move("duplicate", CaseState.DUPLICATE, by, at, "#" + original, null);
        this.closedAt = at;
    }

    /** The overdue job tells people once per deadline; false when this deadline was already announced. */
    boolean markOverdueNotified(Instant at) {
        if (overdueNotifiedAt != null || deadline == null || !state.open()) {
            return false;
        }
        this.overdueNotifiedAt = at;
        this.late = true;
        return true;
    }

    boolean late() { return late; }
    boolean escalated() { return escalated; }

    /** Found on a patrol: the patrol's find. */
    void foundOn(long patrol) {
        this.patrolId = patrol;
    }

    /** The index of the latest step (photos attach to it). */
    int lastStep() {
        return steps.size() - 1;
    }

    Long id() { return id; }
    String category() { return category; }
    String description() { return description; }
    String address() { return address; }
    Channel channel() { return channel; }
    String sourceType() { return sourceType; }
    String sourceId() { return sourceId; }
    Double longitude() { return longitude; }
    Double latitude() { return latitude; }
    String areaPath() { return areaPath; }
    String gridName() { return gridName; }
    CaseLevel level() { return level; }
    String levelPath() { return levelPath; }
    String responsibleName() { return responsibleName; }
    Long responsibleAccountId() { return responsibleAccountId; }
    CaseState state() { return state; }
    Instant stateSince() { return stateSince; }
    Instant deadline() { return deadline; }
    Instant overdueNotifiedAt() { return overdueNotifiedAt; }
    Long reporterAccountId() { return reporterAccountId; }
    String reporterName() { return reporterName; }
    Instant reportedAt() { return reportedAt; }
    Instant closedAt() { return closedAt; }
    Integer rating() { return rating; }
    String ratingComment() { return ratingComment; }
    String rejectReason() { return rejectReason; }
    String rejectRedirect() { return rejectRedirect; }
    Long duplicateOf() { return duplicateOf; }
    int urgeCount() { return urgeCount; }
    boolean supervisionOpen() { return supervisionOpen; }
    Long patrolId() { return patrolId; }
    List<Step> steps() { return List.copyOf(steps); }
    Long version() { return version; }
}
