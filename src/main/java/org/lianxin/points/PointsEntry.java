package org.lianxin.points;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One line of the points ledger (积分明细): points credited to (or, negative, taken from) a member for one source, with
 * the minutes of service when the source is service, a Chinese reason the member reads, and the area path of his
 * community (scope). Entries are never changed or removed: {@link #reversal} makes the entry that cancels one.
 */
@Entity
@Immutable
@Table(name = "points_entry")
class PointsEntry {

    /** What earned (or took back) the points. */
    enum Kind {
        /** attended a volunteer activity: points per hour */
        ACTIVITY,
        /** a confirmed attendance was corrected: the old minutes taken back */
        ATTENDANCE_REVERSAL,
        /** a confirmed attendance was corrected: the new minutes credited */
        ATTENDANCE_CORRECTED,
        /** a micro-wish he claimed was confirmed fulfilled */
        WISH,
        /** a need he helped with was confirmed fulfilled */
        NEED,
        /** his place on a service task was completed */
        SERVICE_TASK,
        /** as building leader he answered a resident's mailbox message */
        MAILBOX_ANSWER,
        /** staff cancelled an entry, with a reason */
        REVERSAL
    }

    static final int MAX_REASON = 500;

    @Id
    private Long id;
    private Long holderMemberId;
    private Long holderAccountId;
    private int amount;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String sourceType;
    private String sourceId;
    private int minutes;
    private String reason;
    private Long reversesEntryId;
    @Column(name = "at")
    private Instant at;
    private Instant recordedAt;
    private String recordedBy;
    private String areaPath;

    protected PointsEntry() {
    }

    PointsEntry(long id, long holderMemberId, Long holderAccountId, int amount, Kind kind, String sourceType,
                String sourceId, int minutes, String reason, Long reversesEntryId, Instant at, Instant recordedAt,
                String recordedBy, String areaPath) {
        this.id = id;
        this.holderMemberId = holderMemberId;
        this.holderAccountId = holderAccountId;
        this.amount = amount;
        this.kind = kind;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.minutes = minutes;
        this.reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        this.reversesEntryId = reversesEntryId;
        this.at = at;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.areaPath = areaPath;
    }

    /** The entry that cancels this one: the opposite amount and minutes, the staff's reason. */
    PointsEntry reversal(long newId, String why, String by, Instant now) {
        if (kind == Kind.REVERSAL) {
            throw new org.lianxin.shared.ConflictException("invalid-state", "points.entry.reversal-of-reversal");
        }
        return new PointsEntry(newId, holderMemberId, holderAccountId, -amount, Kind.REVERSAL, "ENTRY",
                String.valueOf(id), -minutes, "冲正：" + why, id, now, now, by, areaPath);
    }

    Long id() {
        return id;
    }

    long holderMemberId() {
        return holderMemberId;
    }

    Long holderAccountId() {
        return holderAccountId;
    }

    int amount() {
        return amount;
    }

    Kind kind() {
        return kind;
    }

    String sourceType() {
        return sourceType;
    }

    String sourceId() {
        return sourceId;
    }

    int minutes() {
        return minutes;
    }

    String reason() {
        return reason;
    }

    Long reversesEntryId() {
        return reversesEntryId;
    }

    Instant at() {
        return at;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String recordedBy() {
        return recordedBy;
    }

    String areaPath() {
        return areaPath;
    }
}
