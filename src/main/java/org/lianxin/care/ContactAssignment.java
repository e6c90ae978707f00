package org.lianxin.care;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.shared.ConflictException;

/**
 * 1+n contact (联系户): one Party member in contact with one household of his community, from a start
 * until ended. A household has at most one active contact (unique {@code active_key}); an ended
 * assignment stays as history.
 */
@Entity
@Table(name = "contact_assignment")
class ContactAssignment {

    @Id
    private Long id;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "member_account_id")
    private Long memberAccountId;
    @Column(name = "member_name")
    private String memberName;
    @Column(name = "community_id")
    private Long communityId;
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "started_by")
    private String startedBy;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "ended_by")
    private String endedBy;
    @Column(name = "active_key")
    private Long activeKey;
    @Column(name = "overdue_notified_due")
    private Instant overdueNotifiedDue;
    @Version
    private Long version;

    protected ContactAssignment() {
    }

    ContactAssignment(long id, MemberRef member, long householdId, String householdPath, String by, Instant at) {
        this.id = id;
        this.memberId = member.id();
        this.memberAccountId = member.accountId();
        this.memberName = member.name();
        this.communityId = member.communityId();
        this.householdId = householdId;
        this.areaPath = householdPath;
        this.startedAt = at;
        this.startedBy = by;
        this.activeKey = householdId;
    }

    void end(String by, Instant at) {
        if (!active()) {
            throw new ConflictException("invalid-state", "care.assignment.ended", endedAt);
        }
        this.endedAt = at;
        this.endedBy = by;
        this.activeKey = null;
    }

    /** Whether this overdue period (ending at this due date) was already told; marks it told. */
    boolean markOverdueNotified(Instant dueAt) {
        if (dueAt.equals(overdueNotifiedDue)) {
            return false;
        }
        this.overdueNotifiedDue = dueAt;
        return true;
    }

    boolean active() {
        return endedAt == null;
    }

    Long id() {
        return id;
    }

    Long memberId() {
        return memberId;
    }

    Long memberAccountId() {
        return memberAccountId;
    }

    String memberName() {
        return memberName;
    }

    Long communityId() {
        return communityId;
    }

    Long householdId() {
        return householdId;
    }

    String areaPath() {
        return areaPath;
    }

    Instant startedAt() {
        return startedAt;
    }

    String startedBy() {
        return startedBy;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endedBy() {
        return endedBy;
    }

    Long version() {
        return version;
    }
}
