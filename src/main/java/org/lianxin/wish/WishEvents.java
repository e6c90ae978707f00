package org.lianxin.wish;

import java.time.Instant;

import org.lianxin.shared.AuditableEvent;

/**
 * What happens to micro-wishes. Every write publishes one of these (the audit log records them);
 * {@link WishFulfilled} and {@link WishConfirmed} are for other modules (points, statistics) to listen to.
 */
public final class WishEvents {

    private WishEvents() {
    }

    /** A step of a wish (submit, publish, decline, claim, release); the detail never names the resident. */
    public record WishChanged(String action, long wishId, String detail) implements AuditableEvent {
        @Override
        public String objectType() {
            return "Wish";
        }

        @Override
        public String objectId() {
            return String.valueOf(wishId);
        }
    }

    /** The claimant says the wish is fulfilled: a member ({@code memberId}) or a unit ({@code unitId}). */
    public record WishFulfilled(long wishId, String areaPath, String claimantKind, long claimantAccountId,
                                Long memberId, Long unitId, Instant at) implements AuditableEvent {
        @Override
        public String action() {
            return "wish.fulfil";
        }

        @Override
        public String objectType() {
            return "Wish";
        }

        @Override
        public String objectId() {
            return String.valueOf(wishId);
        }

        @Override
        public String detail() {
            return "fulfilled by " + claimantKind.toLowerCase() + " " + (memberId != null ? memberId : unitId);
        }
    }

    /**
     * The resident (or staff on his behalf) confirms: the wish came true. {@code campaignActionId} is set when the
     * wish is tagged to a campaign action (the campaign dashboard counts it).
     */
    public record WishConfirmed(long wishId, String areaPath, String claimantKind, long claimantAccountId,
                                Long memberId, Long unitId, boolean onBehalf, boolean thanked, Instant at,
                                Long campaignActionId)
            implements AuditableEvent {
        @Override
        public String action() {
            return "wish.confirm";
        }

        @Override
        public String objectType() {
            return "Wish";
        }

        @Override
        public String objectId() {
            return String.valueOf(wishId);
        }

        @Override
        public String detail() {
            return (onBehalf ? "confirmed by staff on the resident's behalf" : "confirmed by the resident")
                    + (thanked ? ", with a thank-you note" : "");
        }
    }

    /** A step of a micro-project (publish, claim, update, complete, return, cancel); details name units, not people's numbers. */
    public record MicroProjectChanged(String action, long projectId, String detail) implements AuditableEvent {
        @Override
        public String objectType() {
            return "MicroProject";
        }

        @Override
        public String objectId() {
            return String.valueOf(projectId);
        }
    }

    /** The community accepted a completed micro-project (验收): for statistics and points. */
    public record MicroProjectAccepted(long projectId, String areaPath, java.util.List<Long> unitIds, int budget,
                                       Instant at) implements AuditableEvent {
        @Override
        public String action() {
            return "micro-project.accept";
        }

        @Override
        public String objectType() {
            return "MicroProject";
        }

        @Override
        public String objectId() {
            return String.valueOf(projectId);
        }

        @Override
        public String detail() {
            return "accepted, units " + unitIds;
        }
    }
}
