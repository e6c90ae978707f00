package org.lianxin.matching;

import java.time.Instant;

import org.lianxin.shared.AuditableEvent;

/**
 * What happens in service matching. {@link NeedFulfilled} and {@link ServiceTaskCompleted} are the contract
 * with {@code points} and statistics.
 */
public final class MatchingEvents {

    private MatchingEvents() {
    }

    /**
     * A need was confirmed fulfilled (by the requester, or by the leader or staff on his behalf). The helper is a
     * partner unit ({@code unitId}) whose contact took the order ({@code helperAccountId}), or a member.
     */
    public record NeedFulfilled(long needId, String areaPath, Long unitId, Long memberId, Long helperAccountId,
                                boolean onBehalf, Instant at) implements AuditableEvent {
        @Override
        public String action() {
            return "need.fulfilled";
        }

        @Override
        public String objectType() {
            return "Need";
        }

        @Override
        public String objectId() {
            return String.valueOf(needId);
        }

        @Override
        public String detail() {
            return (unitId != null ? "unit " + unitId : "member " + memberId) + (onBehalf ? ", confirmed on behalf" : "");
        }
    }

    /**
     * A member's claimed place on a service task was completed ({@code minutes} of service, may be 0 if unknown);
     * {@code campaignActionId} is set when the task is tagged to a campaign action (the campaign dashboard counts it).
     */
    public record ServiceTaskCompleted(long taskId, long claimId, long memberId, Long accountId, String areaPath,
                                       int minutes, Instant at, Long campaignActionId) implements AuditableEvent {
        @Override
        public String action() {
            return "service-task.completed";
        }

        @Override
        public String objectType() {
            return "ServiceTask";
        }

        @Override
        public String objectId() {
            return String.valueOf(taskId);
        }

        @Override
        public String detail() {
            return "member " + memberId + " completed, " + minutes + " min";
        }
    }

    /** A step on a need (submit, dispatch, take, decline, return, cancel, fulfil, confirm), for the audit log. */
    public record NeedChanged(String action, long needId, String detail) implements AuditableEvent {
        @Override
        public String objectType() {
            return "Need";
        }

        @Override
        public String objectId() {
            return String.valueOf(needId);
        }
    }

    /** An offer was recorded, changed or withdrawn, for the audit log. */
    public record OfferChanged(String action, long offerId, String detail) implements AuditableEvent {
        @Override
        public String objectType() {
            return "Offer";
        }

        @Override
        public String objectId() {
            return String.valueOf(offerId);
        }
    }

    /** A service task was listed, claimed, a claim cancelled, or the task completed or cancelled, for the audit log. */
    public record ServiceTaskChanged(String action, long taskId, String detail) implements AuditableEvent {
        @Override
        public String objectType() {
            return "ServiceTask";
        }

        @Override
        public String objectId() {
            return String.valueOf(taskId);
        }
    }

    /** 三单统计 was exported to a spreadsheet: the area, the date range and how many lines (for the audit log). */
    public record MatchingStatisticsExported(long areaId, java.time.LocalDate from, java.time.LocalDate to, int rows)
            implements AuditableEvent {
        @Override
        public String action() {
            return "matching-statistics.export";
        }

        @Override
        public String objectType() {
            return "Area";
        }

        @Override
        public String objectId() {
            return String.valueOf(areaId);
        }

        @Override
        public String detail() {
            return from + ".." + to + ", " + rows + " rows";
        }
    }
}
