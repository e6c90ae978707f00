package org.lianxin.member;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.StateSteps;

/**
 * A resident's letter to his building's mailbox (楼长信箱). NEW → ANSWERED (the building leader, once)
 * → CLOSED (the resident marks it resolved, or staff close it); NEW or ANSWERED → HANDED_OVER (turned
 * into a need or a case). "Anonymous" hides the writer from the leader (a neighbour), never from staff.
 */
@Entity
@Table(name = "mailbox_message")
class MailboxMessage {

    static final int MAX_TEXT = 1000;

    enum State {
        NEW, ANSWERED, CLOSED, HANDED_OVER;

        List<String> allowed() {
            return switch (this) {
                case NEW -> List.of("answer", "close", "hand-over");
                case ANSWERED -> List.of("resolve", "close", "hand-over");
                default -> List.of();
            };
        }

        void require(String step) {
            StateSteps.require("leader.state.not-allowed", this, allowed(), step);
        }
    }

    /** What a message is turned into. */
    enum Target { NEED, CASE }

    @Id
    private Long id;
    @Column(name = "building_id")
    private Long buildingId;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "resident_id")
    private Long residentId;
    @Column(name = "account_id")
    private Long accountId;
    private boolean anonymous;
    private String text;
    @Enumerated(EnumType.STRING)
    private State state;
    private String answer;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "handed_over_to")
    private Target handedOverTo;
    @Column(name = "handed_over_by")
    private String handedOverBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private Long version;

    protected MailboxMessage() {
    }

    MailboxMessage(long id, ResidentRef writer, long accountId, String text, boolean anonymous, Instant at) {
        this.id = id;
        this.buildingId = writer.buildingId();
        this.areaPath = writer.areaPath();
        this.residentId = writer.id();
        this.accountId = accountId;
        this.text = checkText(text, "text");
        this.anonymous = anonymous;
        this.state = State.NEW;
        this.createdAt = at;
    }

    private static String checkText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InvalidInputException(field, "mailbox.text.too-long", MAX_TEXT);
        }
        return text.strip();
    }

    void answer(String text, String by, Instant at) {
        state.require("answer");
        this.answer = checkText(text, "text");
        this.answeredBy = by;
        this.answeredAt = at;
        this.state = State.ANSWERED;
    }

    /** The writer says his matter is settled. */
    void resolve(Instant at) {
        state.require("resolve");
        this.state = State.CLOSED;
        this.closedAt = at;
    }

    void close(Instant at) {
        state.require("close");
        this.state = State.CLOSED;
        this.closedAt = at;
    }

    void handOver(Target target, String by, Instant at) {
        state.require("hand-over");
        this.handedOverTo = target;
        this.handedOverBy = by;
        this.closedAt = at;
        this.state = State.HANDED_OVER;
    }

    /** Unanswered after the allowed time; computed, not stored. */
    boolean overdue(Instant now, int days) {
        return state == State.NEW && createdAt.isBefore(now.minusSeconds(86_400L * days));
    }

    void markOverdueNotified(Instant at) {
        this.overdueNotifiedAt = at;
    }

    Long id() {
        return id;
    }

    Long buildingId() {
        return buildingId;
    }

    String areaPath() {
        return areaPath;
    }

    Long residentId() {
        return residentId;
    }

    Long accountId() {
        return accountId;
    }

    boolean anonymous() {
        return anonymous;
    }

    String text() {
        return text;
    }

    State state() {
        return state;
    }

    String answer() {
        return answer;
    }

    String answeredBy() {
        return answeredBy;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    Target handedOverTo() {
        return handedOverTo;
    }

    String handedOverBy() {
        return handedOverBy;
    }

    Instant closedAt() {
        return closedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Long version() {
        return version;
    }
}
