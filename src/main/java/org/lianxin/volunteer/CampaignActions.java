package org.lianxin.volunteer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianxin.shared.CampaignTags;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which campaign actions a wish or a service task may be tagged to ({@link CampaignTags}): the actions of campaigns
 * rolled out to the record's community and running on the day that counts (for a wish the day it is tagged, for a
 * task the day it takes place).
 */
@Component
@Transactional(readOnly = true)
class CampaignActions implements CampaignTags {

    private final CampaignRepository campaigns;
    private final CampaignActionRepository actions;

    CampaignActions(CampaignRepository campaigns, CampaignActionRepository actions) {
        this.campaigns = campaigns;
        this.actions = actions;
    }

    @Override
    public List<ActionTag> open(String areaPath, LocalDate day) {
        if (areaPath == null || day == null) {
            return List.of();
        }
        Map<Long, Campaign> running = campaigns.findAll((root, query, cb) -> cb.and(
                        cb.equal(root.get("state"), Campaign.State.ROLLED_OUT),
                        cb.lessThanOrEqualTo(root.get("startsOn"), day), cb.greaterThanOrEqualTo(root.get("endsOn"), day)))
                .stream().filter(c -> reaches(c, areaPath))
                .collect(Collectors.toMap(Campaign::id, Function.identity()));
        if (running.isEmpty()) {
            return List.of();
        }
        return actions.findByCampaignIdInOrderBySeq(running.keySet()).stream()
                .sorted(Comparator.comparing((CampaignAction a) -> running.get(a.campaignId()).startsOn()).reversed()
                        .thenComparing(CampaignAction::campaignId).thenComparing(CampaignAction::seq))
                .map(a -> tag(a, running.get(a.campaignId()))).toList();
    }

    @Override
    public Optional<String> problem(long actionId, String areaPath, LocalDate day) {
        Optional<CampaignAction> action = actions.findById(actionId);
        Optional<Campaign> campaign = action.flatMap(a -> campaigns.findById(a.campaignId()));
        if (campaign.isEmpty() || campaign.get().state() != Campaign.State.ROLLED_OUT || areaPath == null
                || !reaches(campaign.get(), areaPath)) {
            return Optional.of("campaign-action.unknown");
        }
        if (day == null || day.isBefore(campaign.get().startsOn()) || day.isAfter(campaign.get().endsOn())) {
            return Optional.of("campaign-action.not-running");
        }
        return Optional.empty();
    }

    @Override
    public Map<Long, ActionTag> find(Collection<Long> actionIds) {
        Map<Long, ActionTag> found = new HashMap<>();
        if (actionIds == null || actionIds.isEmpty()) {
            return found;
        }
        List<CampaignAction> list = actions.findAllById(actionIds.stream().distinct().toList());
        Map<Long, Campaign> byId = campaigns.findAllById(list.stream().map(CampaignAction::campaignId).distinct().toList())
                .stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
        for (CampaignAction a : list) {
            Campaign c = byId.get(a.campaignId());
            if (c != null) {
                found.put(a.id(), tag(a, c));
            }
        }
        return found;
    }

    /** Whether the campaign was rolled out to the community holding this area (a path starts with its ancestors'). */
    private static boolean reaches(Campaign campaign, String areaPath) {
        return campaign.communities().stream().anyMatch(c -> areaPath.startsWith(c.communityPath()));
    }

    private static ActionTag tag(CampaignAction a, Campaign c) {
        return new ActionTag(a.id(), a.name(), c.id(), c.name(), c.startsOn(), c.endsOn());
    }
}
