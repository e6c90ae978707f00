package org.lianxin.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

import org.lianxin.shared.InvalidInputException;

/**
 * A need (需求清单): what a resident (or a household, or a place) needs, its category and urgency, and who may see
 * the requester's identity. It belongs to the household's building path (or the place's area path). The community or
 * the building leader dispatches it (发单) to one or several partner units, or to the open pool of the community's
 * paired units; the first unit contact to take it (接单) wins; the helper fulfils it with a note (and a photo); the
 * requester confirms and rates it (or the leader or staff on his behalf, recorded as such). Every step is kept.
 */
@Entity
@Table(name = "need")
class Need {

    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 1000;
    static final int MAX_REASON = 500;

    enum Urgency { NORMAL, URGENT, CRITICAL }

    /** Who sees the requester's name, door and (masked) phone: staff only, or staff and the unit that took it. */
    enum IdentityVisibility { STAFF, HELPER }

    /** Where the need came from. */
    enum Source { RESIDENT, LEADER, STAFF, MAILBOX, VISIT }

    /** A unit the need is dispatched to (or that took it): its id and name. */
    record Unit(long id, String name) {
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
    private String category;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Column(name = "resident_id")
    private Long residentId;
    @Column(name = "household_id")
    private Long householdId;
    private String place;
    @Column(name = "area_path")
    private String areaPath;
    @Enumerated(EnumType.STRING)
    @Column(name = "identity_visibility")
    private IdentityVisibility identityVisibility;
    @Enumerated(EnumType.STRING)
    private Source source;
    @Column(name = "source_key")
    private String sourceKey;
    @Enumerated(EnumType.STRING)
    private NeedState state;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_by_account_id")
    private Long submittedByAccountId;
    @Column(name = "submitted_on_behalf")
    private boolean submittedOnBehalf;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    private boolean pool;
    @Column(name = "dispatch_units")
    private String dispatchUnits;
    @Column(name = "declined_units")
    private String declinedUnits;
    @Column(name = "dispatched_by")
    private String dispatchedBy;
    @Column(name = "dispatched_by_account_id")
    private Long dispatchedByAccountId;
    @Column(name = "dispatched_at")
    private Instant dispatchedAt;
    @Column(name = "offer_id")
    private Long offerId;
    @Column(name = "taker_unit_id")
    private Long takerUnitId;
    @Column(name = "taker_account_id")
    private Long takerAccountId;
    @Column(name = "taker_name")
    private String takerName;
    @Column(name = "taken_at")
    private Instant takenAt;
    @Column(name = "fulfil_note")
    private String fulfilNote;
    @Column(name = "fulfilled_at")
    private Instant fulfilledAt;
    @Column(name = "confirmed_by")
    private String confirmedBy;
    @Column(name = "confirmed_on_behalf")
    private Boolean confirmedOnBehalf;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    private Integer rating;
    private String comment;
    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.BatchSize(size = 100) // a page of rows loads its collections in one query, not one each
    @CollectionTable(name = "need_step", joinColumns = @JoinColumn(name = "need_id"))
    @OrderColumn(name = "seq")
    private List<Step> steps = new ArrayList<>();
    @Version
    private Long version;

    protected Need() {
    }

    /**
     * A new need. {@code residentId}/{@code householdId} name the household it is for (may be null for a place);
     * {@code areaPath} is the household's building path or the place's area path.
     */
    Need(long id, String title, String description, String category, Urgency urgency, Long residentId,
         Long householdId, String place, String areaPath, IdentityVisibility visibility, Source source, String sourceKey,
         String by, Long byAccountId, boolean onBehalf, Instant at) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        this.title = text(title, MAX_TITLE, "title", problems);
        this.description = text(description, MAX_TEXT, "description", problems);
        if (category == null || category.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("category", "validation.required"));
        }
        if (urgency == null) {
            problems.add(new InvalidInputException.FieldProblem("urgency", "validation.required"));
        }
        if (residentId == null && householdId == null && (place == null || place.isBlank())) {
            problems.add(new InvalidInputException.FieldProblem("place", "need.place.required"));
        } else if (place != null && place.strip().length() > 200) {
            problems.add(new InvalidInputException.FieldProblem("place", "need.text.too-long", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.id = id;
        this.category = category;
        this.urgency = urgency;
        this.residentId = residentId;
        this.householdId = householdId;
        this.place = place == null || place.isBlank() ? null : place.strip();
        this.areaPath = areaPath;
        this.identityVisibility = visibility == null ? IdentityVisibility.STAFF : visibility;
        this.source = source;
        this.sourceKey = sourceKey;
        this.state = NeedState.SUBMITTED;
        this.submittedBy = by;
        this.submittedByAccountId = byAccountId;
        this.submittedOnBehalf = onBehalf;
        this.submittedAt = at;
        step("submit", by, at, onBehalf ? "on-behalf" : source == Source.MAILBOX || source == Source.VISIT
                ? source.name().toLowerCase() : null);
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

    private static String required(String value, int max, String field) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String checked = text(value, max, field, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        return checked;
    }

    private void step(String action, String by, Instant at, String note) {
        steps.add(new Step(action, by, at, note));
    }

    private static String ids(Collection<Long> ids) {
        return ids.isEmpty() ? null : "," + String.join(",", ids.stream().distinct().sorted().map(String::valueOf).toList()) + ",";
    }

    private static List<Long> ids(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }

    /**
     * Sends the need to the given units (发单), or to the open pool of the community's paired units when {@code pool}.
     * {@code offerId}: the offer it was matched to, if the dispatcher chose one from the proposals.
     */
    void dispatch(List<Unit> units, boolean pool, Long offerId, String by, Long byAccountId, Instant at) {
        state.require("dispatch");
        if (!pool && units.isEmpty()) {
            throw new InvalidInputException("unitIds", "need.dispatch.no-unit");
        }
        this.pool = pool;
        this.dispatchUnits = pool ? null : ids(units.stream().map(Unit::id).toList());
        this.declinedUnits = null;
        this.offerId = offerId;
        this.dispatchedBy = by;
        this.dispatchedByAccountId = byAccountId;
        this.dispatchedAt = at;
        this.state = NeedState.DISPATCHED;
        step("dispatch", by, at, pool ? "pool" : String.join("、", units.stream().map(Unit::name).toList()));
    }

    /** A unit's contact takes the order for his unit; the first wins (the row's version settles a race). */
    void take(Unit unit, Long accountId, String contactName, Instant at) {
        state.require("take");
        this.takerUnitId = unit.id();
        this.takerAccountId = accountId;
        this.takerName = unit.name();
        this.takenAt = at;
        this.state = NeedState.TAKEN;
        step("take", unit.name() + "（" + contactName + "）", at, null);
    }

    /**
     * A unit declines with a reason. When every unit it was sent to has declined (not in the pool), the need goes
     * back to the community; answers whether it did.
     */
    boolean decline(Unit unit, String reason, String contactName, Instant at) {
        state.require("decline");
        String checked = required(reason, MAX_REASON, "reason");
        List<Long> declined = new ArrayList<>(ids(declinedUnits));
        declined.add(unit.id());
        this.declinedUnits = ids(declined);
        step("decline", unit.name() + "（" + contactName + "）", at, checked);
        if (!pool && declined.containsAll(ids(dispatchUnits))) {
            giveBack("系统", at, "all-declined");
            return true;
        }
        return false;
    }

    /** Back to the community: nobody took it in time, or every unit declined. */
    void giveBack(String by, Instant at, String note) {
        state.require("take");
        this.state = NeedState.RETURNED;
        step("return", by, at, note);
    }

    void cancel(String reason, String by, Instant at) {
        state.require("cancel");
        String checked = required(reason, MAX_REASON, "reason");
        this.state = NeedState.CANCELLED;
        step("cancel", by, at, checked);
    }

    void fulfil(String note, String by, Instant at) {
        state.require("fulfil");
        this.fulfilNote = required(note, MAX_TEXT, "note");
        this.fulfilledAt = at;
        this.state = NeedState.FULFILLED;
        step("fulfil", by, at, fulfilNote);
    }

    void confirm(Integer rating, String comment, String by, boolean onBehalf, Instant at) {
        state.require("confirm");
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (rating == null) {
            problems.add(new InvalidInputException.FieldProblem("rating", "validation.required"));
        } else if (rating < 1 || rating > 5) {
            problems.add(new InvalidInputException.FieldProblem("rating", "need.rating.range"));
        }
        if (comment != null && comment.strip().length() > MAX_REASON) {
            problems.add(new InvalidInputException.FieldProblem("comment", "need.text.too-long", MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.rating = rating;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.confirmedBy = by;
        this.confirmedOnBehalf = onBehalf;
        this.confirmedAt = at;
        this.state = NeedState.CLOSED;
        step("confirm", by, at, onBehalf ? "on-behalf" : null);
    }

    boolean dispatchedTo(long unitId) {
        return state == NeedState.DISPATCHED && !pool && ids(dispatchUnits).contains(unitId);
    }

    boolean declinedBy(long unitId) {
        return ids(declinedUnits).contains(unitId);
    }

    boolean takenBy(long unitId) {
        return takerUnitId != null && takerUnitId == unitId;
    }

    Long id() { return id; }
    String title() { return title; }
    String description() { return description; }
    String category() { return category; }
    Urgency urgency() { return urgency; }
    Long residentId() { return residentId; }
    Long householdId() { return householdId; }
    String place() { return place; }
    String areaPath() { return areaPath; }
    IdentityVisibility identityVisibility() { return identityVisibility; }
    Source source() { return source; }
    NeedState state() { return state; }
    String submittedBy() { return submittedBy; }
    Long submittedByAccountId() { return submittedByAccountId; }
    boolean submittedOnBehalf() { return submittedOnBehalf; }
    Instant submittedAt() { return submittedAt; }
    boolean pool() { return pool; }
    List<Long> dispatchUnitIds() { return ids(dispatchUnits); }
    List<Long> declinedUnitIds() { return ids(declinedUnits); }
    String dispatchedBy() { return dispatchedBy; }
    Long dispatchedByAccountId() { return dispatchedByAccountId; }
    Instant dispatchedAt() { return dispatchedAt; }
    Long offerId() { return offerId; }
    Long takerUnitId() { return takerUnitId; }
    Long takerAccountId() { return takerAccountId; }
    String takerName() { return takerName; }
    Instant takenAt() { return takenAt; }
    String fulfilNote() { return fulfilNote; }
    Instant fulfilledAt() { return fulfilledAt; }
    String confirmedBy() { return confirmedBy; }
    Boolean confirmedOnBehalf() { return confirmedOnBehalf; }
    Instant confirmedAt() { return confirmedAt; }
    Integer rating() { return rating; }
    String comment() { return comment; }
    List<Step> steps() { return List.copyOf(steps); }
    Long version() { return version; }
}
