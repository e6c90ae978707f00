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

/**
 * A return visit (回访) to the reporter of a closed case: the sampling decision taken once when the case was closed
 * (sampled or not, and why), and, when sampled, the attempts to reach him until one does (DONE, with his
 * satisfaction) or staff give up after {@link #ATTEMPTS_BEFORE_GIVING_UP} attempts (UNREACHABLE).
 */
@Entity
@Table(name = "return_visit")
class ReturnVisit {

    static final int MAX_REMARK = 500;
    static final int ATTEMPTS_BEFORE_GIVING_UP = 3;

    /** Why a closed case was (not) sampled. */
    enum Reason { DRAWN, REOPENED, LOW_RATING, NOT_DRAWN, NO_CONTACT }

    /** NONE: not sampled; SUPERSEDED: the case was reopened before the visit (its next closing is decided anew). */
    enum Status { NONE, DUE, DONE, UNREACHABLE, SUPERSEDED }

    enum Way { PHONE, VISIT, SMS }

    enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }

    /** One try to reach the reporter. */
    @Embeddable
    static class Attempt {
        @Enumerated(EnumType.STRING)
        private Way way;
        private boolean reached;
        @Enumerated(EnumType.STRING)
        private Satisfaction satisfaction;
        private String remark;
        @Column(name = "by_name")
        private String byName;
        @Column(name = "by_account_id")
        private Long byAccountId;
        private Instant at;

        protected Attempt() {
        }

        Attempt(Way way, boolean reached, Satisfaction satisfaction, String remark, Case.Who by, Instant at) {
            this.way = way;
            this.reached = reached;
            this.satisfaction = satisfaction;
            this.remark = remark;
            this.byName = by.name();
            this.byAccountId = by.accountId();
            this.at = at;
        }

        Way way() { return way; }
        boolean reached() { return reached; }
        Satisfaction satisfaction() { return satisfaction; }
        String remark() { return remark; }
        String byName() { return byName; }
        Instant at() { return at; }
    }

    @Id
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    private int round;
    @Column(name = "area_path")
    private String areaPath;
    private boolean sampled;
    @Enumerated(EnumType.STRING)
    private Reason reason;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    private boolean reopened;
    @Column(name = "done_at")
    private Instant doneAt;
    @Column(name = "done_by")
    private String doneBy;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "return_visit_attempt", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "seq")
    private List<Attempt> history = new ArrayList<>();
    @Version
    private Long version;

    protected ReturnVisit() {
    }

    /** The decision for one closing of a case: sampled (due at {@code dueAt}) or not. */
    ReturnVisit(long id, long caseId, int round, String areaPath, Reason reason, Instant closedAt, Instant decidedAt,
                Instant dueAt) {
        this.id = id;
        this.caseId = caseId;
        this.round = round;
        this.areaPath = areaPath;
        this.reason = reason;
        this.sampled = reason == Reason.DRAWN || reason == Reason.REOPENED || reason == Reason.LOW_RATING;
        this.closedAt = closedAt;
        this.decidedAt = decidedAt;
        this.dueAt = sampled ? dueAt : null;
        this.status = sampled ? Status.DUE : Status.NONE;
    }

    /** A low rating after closing puts a case that was not drawn into the sample (a reachable reporter only). */
    boolean sampleForLowRating(Instant at, Instant due) {
        if (sampled || reason == Reason.NO_CONTACT) {
            return false;
        }
        this.sampled = true;
        this.reason = Reason.LOW_RATING;
        this.decidedAt = at;
        this.dueAt = due;
        this.status = Status.DUE;
        return true;
    }

    /** 409 unless the visit is still due. */
    private void requireDue() {
        if (status != Status.DUE) {
            throw new ConflictException("invalid-state", "case.return-visit.not-due", status.name());
        }
    }

    /** One attempt; reached ends the visit with the reporter's satisfaction, not reached leaves it due. */
    void record(Way way, boolean reached, Satisfaction satisfaction, String remark, Case.Who by, Instant at) {
        requireDue();
        history.add(new Attempt(way, reached, reached ? satisfaction : null, remark, by, at));
        this.attempts = history.size();
        if (reached) {
            this.status = Status.DONE;
            this.satisfaction = satisfaction;
            this.doneAt = at;
            this.doneBy = by.name();
        }
    }

    /** The reporter reopened the case before anyone visited: this visit lapses, the next closing samples it again. */
    boolean supersede() {
        if (status != Status.DUE) {
            return false;
        }
        this.status = Status.SUPERSEDED;
        return true;
    }

    void markReopened() {
        this.reopened = true;
    }

    /** 无法联系: only after three attempts that did not reach him. */
    void giveUp(Case.Who by, Instant at) {
        requireDue();
        if (attempts < ATTEMPTS_BEFORE_GIVING_UP) {
            throw new ConflictException("too-few-attempts", "case.return-visit.too-few-attempts",
                    ATTEMPTS_BEFORE_GIVING_UP, attempts);
        }
        this.status = Status.UNREACHABLE;
        this.doneAt = at;
        this.doneBy = by.name();
    }

    /** The overdue job tells the community once per visit; false when already told or no longer due. */
    boolean markOverdueNotified(Instant at) {
        if (overdueNotifiedAt != null || status != Status.DUE || dueAt == null || !at.isAfter(dueAt)) {
            return false;
        }
        this.overdueNotifiedAt = at;
        return true;
    }

    Long id() { return id; }
    Long caseId() { return caseId; }
    int round() { return round; }
    String areaPath() { return areaPath; }
    boolean sampled() { return sampled; }
    Reason reason() { return reason; }
    Instant closedAt() { return closedAt; }
    Instant decidedAt() { return decidedAt; }
    Instant dueAt() { return dueAt; }
    Status status() { return status; }
    int attempts() { return attempts; }
    Satisfaction satisfaction() { return satisfaction; }
    boolean reopened() { return reopened; }
    Instant doneAt() { return doneAt; }
    String doneBy() { return doneBy; }
    List<Attempt> history() { return List.copyOf(history); }
    Long version() { return version; }
}
