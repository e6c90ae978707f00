package org.lianxin.wish;

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

import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.InvalidInputException;

/**
 * A micro-wish (微心愿): a resident's small concrete wish with its story, category and estimated value. It
 * belongs to the resident's household area path (scope). The community publishes it on the wish wall
 * (where the resident's identity is hidden) or declines it with a reason; one member or one partner
 * unit's Party organisation claims it; the claimant fulfils it with a note and a photo; the resident (or
 * staff on his behalf, recorded as such) confirms and may thank the claimant. Every step is kept in order.
 */
@Entity
@Table(name = "wish")
class Wish {

    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 1000;
    static final int MAX_REASON = 500;
    /** Micro-wishes are small: an estimated value above this (yuan) is a project, not a wish. */
    static final int MAX_VALUE = 5000;

    /** Who claimed a wish: a registered member, or a partner unit's Party organisation through its contact. */
    enum ClaimantKind { MEMBER, UNIT }

    /** One claimant, as the wish records him. */
    record Claimant(ClaimantKind kind, long accountId, Long memberId, Long unitId, String name) {
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

        String action() {
            return action;
        }

        String byName() {
            return byName;
        }

        Instant at() {
            return at;
        }

        String note() {
            return note;
        }
    }

    @Id
    private Long id;
    private String title;
    private String story;
    private String category;
    @Column(name = "estimated_value")
    private int estimatedValue;
    @Column(name = "resident_id")
    private Long residentId;
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "compound_name")
    private String compoundName;
    @Column(name = "area_path")
    private String areaPath;
    @Enumerated(EnumType.STRING)
    private WishState state;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_on_behalf")
    private boolean submittedOnBehalf;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "decline_reason")
    private String declineReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "claimant_kind")
    private ClaimantKind claimantKind;
    @Column(name = "claimant_account_id")
    private Long claimantAccountId;
    @Column(name = "claimant_member_id")
    private Long claimantMemberId;
    @Column(name = "claimant_unit_id")
    private Long claimantUnitId;
    @Column(name = "claimant_name")
    private String claimantName;
    @Column(name = "claimed_at")
    private Instant claimedAt;
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
    @Column(name = "thank_you")
    private String thankYou;
    @Column(name = "campaign_action_id")
    private Long campaignActionId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "wish_step", joinColumns = @JoinColumn(name = "wish_id"))
    @OrderColumn(name = "seq")
    private List<Step> steps = new ArrayList<>();
    @Version
    private Long version;

    protected Wish() {
    }

    /** A new wish of a resident, written by himself or by staff on his behalf ({@code onBehalf}). */
    Wish(long id, ResidentRef resident, String compoundName, String title, String story, String category,
         Integer estimatedValue, String by, boolean onBehalf, Instant at) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        this.title = text(title, MAX_TITLE, "title", problems);
        this.story = text(story, MAX_TEXT, "story", problems);
        if (category == null || category.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("category", "validation.required"));
        }
        if (estimatedValue == null) {
            problems.add(new InvalidInputException.FieldProblem("estimatedValue", "validation.required"));
        } else if (estimatedValue < 0 || estimatedValue > MAX_VALUE) {
            problems.add(new InvalidInputException.FieldProblem("estimatedValue", "wish.value.range", MAX_VALUE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.id = id;
        this.category = category;
        this.estimatedValue = estimatedValue;
        this.residentId = resident.id();
        this.householdId = resident.householdId();
        this.areaPath = resident.areaPath();
        this.compoundName = compoundName;
        this.state = WishState.SUBMITTED;
        this.submittedBy = by;
        this.submittedOnBehalf = onBehalf;
        this.submittedAt = at;
        step("submit", by, at, onBehalf ? "on-behalf" : null);
    }

    private static String text(String value, int max, String field, List<InvalidInputException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem(field, "validation.required"));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new InvalidInputException.FieldProblem(field, "wish.text.too-long", max));
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

    void publish(String by, Instant at) {
        state.require("publish");
        this.state = WishState.PUBLISHED;
        this.reviewedBy = by;
        this.reviewedAt = at;
        step("publish", by, at, null);
    }

    void decline(String reason, String by, Instant at) {
        state.require("decline");
        this.declineReason = required(reason, MAX_REASON, "reason");
        this.state = WishState.DECLINED;
        this.reviewedBy = by;
        this.reviewedAt = at;
        step("decline", by, at, declineReason);
    }

    void claim(Claimant claimant, Instant at) {
        state.require("claim");
        this.claimantKind = claimant.kind();
        this.claimantAccountId = claimant.accountId();
        this.claimantMemberId = claimant.memberId();
        this.claimantUnitId = claimant.unitId();
        this.claimantName = claimant.name();
        this.claimedAt = at;
        this.state = WishState.CLAIMED;
        step("claim", claimant.name(), at, null);
    }

    /** The claim ends without fulfilment (the claimant gives it up, or its time ran out): back on the wall. */
    void release(String by, Instant at, String note) {
        state.require("release");
        this.claimantKind = null;
        this.claimantAccountId = null;
        this.claimantMemberId = null;
        this.claimantUnitId = null;
        this.claimantName = null;
        this.claimedAt = null;
        this.state = WishState.PUBLISHED;
        step("release", by, at, note);
    }

    void fulfil(String note, Instant at) {
        state.require("fulfil");
        this.fulfilNote = required(note, MAX_TEXT, "note");
        this.fulfilledAt = at;
        this.state = WishState.FULFILLED;
        step("fulfil", claimantName, at, fulfilNote);
    }

    void confirm(String thankYou, String by, boolean onBehalf, Instant at) {
        state.require("confirm");
        if (thankYou != null && thankYou.strip().length() > MAX_TEXT) {
            throw new InvalidInputException("thankYou", "wish.text.too-long", MAX_TEXT);
        }
        this.thankYou = thankYou == null || thankYou.isBlank() ? null : thankYou.strip();
        this.confirmedBy = by;
        this.confirmedOnBehalf = onBehalf;
        this.confirmedAt = at;
        this.state = WishState.CONFIRMED;
        step("confirm", by, at, onBehalf ? "on-behalf" : null);
    }

    /** Whether the wish may still be tagged to a campaign action (until it is confirmed; not once declined). */
    boolean taggable() {
        return state != WishState.DECLINED && state != WishState.CONFIRMED;
    }

    /** Tags the wish to a campaign action (checked by the caller), or clears the tag ({@code null}). */
    void tagTo(Long actionId) {
        requireTaggable();
        this.campaignActionId = actionId;
    }

    /** A declined or confirmed wish keeps its tag: 409 naming the state and the steps it allows. */
    void requireTaggable() {
        if (!taggable()) {
            throw new org.lianxin.shared.ConflictException("invalid-state", "wish.state.not-allowed", "tag", state.name(),
                    state.allowed().isEmpty() ? "-" : String.join(", ", state.allowed()));
        }
    }

    boolean claimedBy(long accountId) {
        return claimantAccountId != null && claimantAccountId == accountId;
    }

    Long id() { return id; }
    String title() { return title; }
    String story() { return story; }
    String category() { return category; }
    int estimatedValue() { return estimatedValue; }
    Long residentId() { return residentId; }
    Long householdId() { return householdId; }
    String compoundName() { return compoundName; }
    String areaPath() { return areaPath; }
    WishState state() { return state; }
    String submittedBy() { return submittedBy; }
    boolean submittedOnBehalf() { return submittedOnBehalf; }
    Instant submittedAt() { return submittedAt; }
    String reviewedBy() { return reviewedBy; }
    Instant reviewedAt() { return reviewedAt; }
    String declineReason() { return declineReason; }
    ClaimantKind claimantKind() { return claimantKind; }
    Long claimantAccountId() { return claimantAccountId; }
    Long claimantMemberId() { return claimantMemberId; }
    Long claimantUnitId() { return claimantUnitId; }
    String claimantName() { return claimantName; }
    Instant claimedAt() { return claimedAt; }
    String fulfilNote() { return fulfilNote; }
    Instant fulfilledAt() { return fulfilledAt; }
    String confirmedBy() { return confirmedBy; }
    Boolean confirmedOnBehalf() { return confirmedOnBehalf; }
    Instant confirmedAt() { return confirmedAt; }
    String thankYou() { return thankYou; }
    Long campaignActionId() { return campaignActionId; }
    List<Step> steps() { return List.copyOf(steps); }
    Long version() { return version; }
}
