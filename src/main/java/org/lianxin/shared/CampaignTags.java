package org.lianxin.shared;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaign actions (主题行动的行动项, e.g. 百日先锋行动 · 守护家园环境) that wishes and service tasks may be tagged to.
 * The {@code volunteer} module owns campaigns and implements this; {@code wish} and {@code matching} ask it which
 * actions a record of theirs may carry and whether a given one is allowed. It lives here, not in {@code volunteer},
 * because {@code volunteer} listens to those modules' events to count the tagged work on its dashboard: the
 * dependency points one way only (wish, matching → shared ← volunteer → wish, matching events).
 */
public interface CampaignTags {

    /** One action as a tag: its campaign and the campaign's period. */
    record ActionTag(long id, String name, long campaignId, String campaignName, LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * The actions a record in {@code areaPath} may be tagged to on {@code day}: those of campaigns rolled out to the
     * community holding that area and running that day (the same rule as for activities), campaign by campaign in
     * action order.
     */
    List<ActionTag> open(String areaPath, LocalDate day);

    /**
     * Why the action may not be tagged to a record in {@code areaPath} on {@code day}, as a message key
     * ({@code campaign-action.unknown} when there is no such action or its campaign was not rolled out to that
     * community, {@code campaign-action.not-running} when the campaign has not started or has ended); empty when it may.
     */
    Optional<String> problem(long actionId, String areaPath, LocalDate day);

    /** The actions with these ids (unknown ids are left out). */
    Map<Long, ActionTag> find(Collection<Long> actionIds);
}
