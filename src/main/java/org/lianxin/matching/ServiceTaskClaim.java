package org.lianxin.matching;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.ConflictException;

/**
 * A member's claim of one place on a service task (认领). {@code activeKey} ({@code task:member} while the claim holds
 * or is completed) is unique, so a member holds at most one place per task, whichever node answers.
 */
@Entity
@Table(name = "service_task_claim")
class ServiceTaskClaim {

    enum State { CLAIMED, CANCELLED, COMPLETED }

    @Id
    private Long id;
    @Column(name = "task_id")
    private Long taskId;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "member_name")
    private String memberName;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "active_key")
    private String activeKey;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    private Integer minutes;

    protected ServiceTaskClaim() {
    }

    ServiceTaskClaim(long id, long taskId, long memberId, Long accountId, String memberName, Instant at) {
        this.id = id;
        this.taskId = taskId;
        this.memberId = memberId;
        this.accountId = accountId;
        this.memberName = memberName;
        this.state = State.CLAIMED;
        this.activeKey = taskId + ":" + memberId;
        this.claimedAt = at;
    }

    void cancel(Instant at) {
        if (state != State.CLAIMED) {
            throw new ConflictException("invalid-state", "service-task.claim.not-allowed", "cancel", state.name());
        }
        this.state = State.CANCELLED;
        this.activeKey = null;
        this.cancelledAt = at;
    }

    void complete(int minutes, Instant at) {
        this.state = State.COMPLETED;
        this.minutes = minutes;
        this.completedAt = at;
    }

    Long id() { return id; }
    Long taskId() { return taskId; }
    Long memberId() { return memberId; }
    Long accountId() { return accountId; }
    String memberName() { return memberName; }
    State state() { return state; }
    Instant claimedAt() { return claimedAt; }
    Instant cancelledAt() { return cancelledAt; }
    Instant completedAt() { return completedAt; }
    Integer minutes() { return minutes; }
}
