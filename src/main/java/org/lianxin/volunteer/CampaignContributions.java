package org.lianxin.volunteer;

import org.lianxin.matching.MatchingEvents.ServiceTaskCompleted;
import org.lianxin.shared.Ids;
import org.lianxin.wish.WishEvents.WishConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the tagged work other modules finish for the campaign dashboard: a micro-wish counts when the resident
 * confirms it came true ({@link WishConfirmed}, as points count it), a service task place when the task is completed
 * ({@link ServiceTaskCompleted}). Untagged ones are ignored; a redelivered event finds its row and counts once.
 */
@Component
class CampaignContributions {

    private final CampaignContributionRepository contributions;
    private final Ids ids;

    CampaignContributions(CampaignContributionRepository contributions, Ids ids) {
        this.contributions = contributions;
        this.ids = ids;
    }

    @ApplicationModuleListener
    void on(WishConfirmed event) {
        if (event.campaignActionId() != null) {
            record(new CampaignContribution(ids.next("activity_seq"), "wish:" + event.wishId(),
                    CampaignContribution.Kind.WISH, event.wishId(), event.campaignActionId(), event.areaPath(),
                    event.memberId(), 0, event.at()));
        }
    }

    @ApplicationModuleListener
    void on(ServiceTaskCompleted event) {
        if (event.campaignActionId() != null) {
            record(new CampaignContribution(ids.next("activity_seq"), "service-task:" + event.claimId(),
                    CampaignContribution.Kind.SERVICE_TASK, event.taskId(), event.campaignActionId(), event.areaPath(),
                    event.memberId(), event.minutes(), event.at()));
        }
    }

    /**
     * Once per source: a redelivered event finds its row. Two deliveries at the same moment cannot both insert (unique
     * source key): the loser's listener fails, stays incomplete in the event publication registry and, redelivered,
     * finds the row.
     */
    private void record(CampaignContribution contribution) {
        if (!contributions.existsBySourceKey(contribution.sourceKey())) {
            contributions.saveAndFlush(contribution);
        }
    }
}
