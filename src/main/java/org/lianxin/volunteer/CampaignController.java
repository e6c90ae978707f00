package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.volunteer.VolunteerEvents.CampaignChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns (e.g. 百日先锋行动, S5): a district or subdistrict defines one with its period and actions (the seed's
 * eight unless others are given) and rolls it out to every community below; activities are tagged to an action; the
 * dashboard counts per community and action the members taking part, the hours and the activities, and marks the
 * communities lagging behind (fewer than half the average number of members taking part).
 */
@Tag(name = "主题行动 Campaigns")
@RestController
@RequestMapping("/api/v1/campaigns")
@Transactional
class CampaignController {

    /** The eight actions of the seed's hundred-day pioneer action (百日先锋行动). */
    static final List<String> EIGHT_ACTIONS = List.of("政策宣讲", "关爱困难党员群众", "守护家园环境", "党群阵地值守",
            "网络辟谣", "护学护校", "社区文化", "金点子献策");

    record CampaignForm(@Size(max = 200) String name, @Size(max = 2000) String description, Long areaId,
                        LocalDate startsOn, LocalDate endsOn, @Size(max = 12) List<@Size(max = 60) String> actions) {
    }

    record ActionView(long id, int seq, String name) {
    }

    record CampaignView(long id, String name, String description, long areaId, String areaName, LocalDate startsOn,
                        LocalDate endsOn, String state, int communityCount, List<ActionView> actions, boolean canManage,
                        Long version) {
    }

    /**
     * One action in one community: tagged {@code activities}, distinct {@code members} taking part (attended a tagged
     * activity, fulfilled a tagged wish or completed a tagged service task), {@code minutes} of activity service,
     * tagged {@code wishes} the residents confirmed and tagged service {@code tasks} completed.
     */
    record Cell(long actionId, long activities, long members, long minutes, long wishes, long tasks) {
    }

    record CommunityRow(long communityId, String communityName, List<Cell> cells, long activities, long members,
                        long minutes, long wishes, long tasks, boolean lagging) {
    }

    record Dashboard(long campaignId, String name, List<ActionView> actions, List<CommunityRow> communities,
                     double averageMembers) {
    }

    private final CampaignRepository campaigns;
    private final CampaignActionRepository actions;
    private final ActivityRepository activities;
    private final SignUpRepository signUps;
    private final CampaignContributionRepository contributions;
    private final VolunteerPermissions permissions;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignController(CampaignRepository campaigns, CampaignActionRepository actions, ActivityRepository activities,
                       SignUpRepository signUps, CampaignContributionRepository contributions,
                       VolunteerPermissions permissions, Areas areas, Ids ids, ApplicationEventPublisher events,
                       Clock clock) {
        this.contributions = contributions;
        this.campaigns = campaigns;
        this.actions = actions;
        this.activities = activities;
        this.signUps = signUps;
        this.permissions = permissions;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Campaigns defined in the caller's scope, and those rolled out to it from above")
    @GetMapping
    PageView<CampaignView> list(@CurrentUser Actor actor, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        Scope scope = permissions.staffScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(VolunteerPermissions.READ);
        }
        List<String> above = VolunteerPermissions.ancestorsOf(scope.prefixes());
        Specification<Campaign> spec = (root, query, cb) -> cb.or(
                org.lianxin.shared.ScopeSpecification.predicate(cb, root.get("areaPath"), scope),
                cb.and(root.get("areaPath").in(above), cb.equal(root.get("state"), Campaign.State.ROLLED_OUT)));
        Page<Campaign> result = campaigns.findAll(spec, Paging.of(page, size,
                Sort.by(Sort.Direction.DESC, "startsOn").and(Sort.by("id"))));
        Map<Long, List<ActionView>> byCampaign = actionsOf(result.getContent().stream().map(Campaign::id).toList());
        return PageView.of(result, c -> view(actor, c, byCampaign.getOrDefault(c.id(), List.of())));
    }

    @Operation(summary = "Define a campaign in a district or subdistrict of the caller's scope, with its actions")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@CurrentUser Actor actor, @Valid @RequestBody CampaignForm form) {
        if (!actor.has(VolunteerPermissions.MANAGE)) {
            throw new ForbiddenException(VolunteerPermissions.MANAGE);
        }
        List<FieldProblem> problems = new ArrayList<>();
        AreaRef area = form.areaId() == null ? null : areas.find(form.areaId())
                .filter(a -> actor.scopeFor(VolunteerPermissions.MANAGE).contains(a.path())).orElse(null);
        if (area == null) {
            problems.add(new FieldProblem("areaId", form.areaId() == null ? "validation.required" : "activity.area.outside-scope"));
        } else if (!"DISTRICT".equals(area.level()) && !"SUBDISTRICT".equals(area.level())) {
            problems.add(new FieldProblem("areaId", "campaign.area.level"));
        }
        List<String> names = form.actions() == null || form.actions().isEmpty() ? EIGHT_ACTIONS
                : form.actions().stream().map(a -> a == null ? "" : a.strip()).toList();
        if (names.stream().anyMatch(String::isEmpty) || names.stream().distinct().count() != names.size()) {
            problems.add(new FieldProblem("actions", "campaign.actions.invalid"));
        }
        Campaign campaign;
        try {
            campaign = new Campaign(ids.next("activity_seq"), form.name(), form.description(),
                    area == null ? new Activity.Where(0, "", "/") : new Activity.Where(area.id(), area.name(), area.path()),
                    form.startsOn(), form.endsOn(), actor.displayName(), clock.instant());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            throw new InvalidInputException("validation", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        campaigns.saveAndFlush(campaign);
        int seq = 0;
        for (String name : names) {
            actions.save(new CampaignAction(ids.next("activity_seq"), campaign.id(), ++seq, name));
        }
        actions.flush();
        events.publishEvent(new CampaignChanged("campaign.create", campaign.id(), names.size() + " actions"));
        return view(actor, campaign, actionsOf(List.of(campaign.id())).getOrDefault(campaign.id(), List.of()));
    }

    @Operation(summary = "One campaign with its actions")
    @GetMapping("/{id}")
    CampaignView get(@CurrentUser Actor actor, @PathVariable long id) {
        Campaign campaign = visible(actor, id);
        return view(actor, campaign, actionsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    @Operation(summary = "Roll the campaign out: it is recorded in every community below its area")
    @PostMapping("/{id}/roll-out")
    CampaignView rollOut(@CurrentUser Actor actor, @PathVariable long id) {
        Campaign campaign = visible(actor, id);
        if (!actor.scopeFor(VolunteerPermissions.MANAGE).contains(campaign.areaPath())) {
            throw new ForbiddenException(VolunteerPermissions.MANAGE);
        }
        campaign.rollOut(communitiesBelow(campaign.areaId()), clock.instant());
        campaigns.saveAndFlush(campaign);
        events.publishEvent(new CampaignChanged("campaign.roll-out", campaign.id(),
                "rolled out to " + campaign.communities().size() + " communities"));
        return view(actor, campaign, actionsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    @Operation(summary = "Participation per community and action: members taking part, hours, activities, wishes "
            + "fulfilled and service tasks completed; laggards marked")
    @GetMapping("/{id}/dashboard")
    Dashboard dashboard(@CurrentUser Actor actor, @PathVariable long id) {
        Campaign campaign = visible(actor, id);
        List<ActionView> actionViews = actionsOf(List.of(id)).getOrDefault(id, List.of());
        Scope scope = permissions.staffScope(actor);
        List<Campaign.Community> communities = campaign.communities().stream()
                .filter(c -> scope.contains(c.communityPath()) || scope.prefixes().stream().anyMatch(c.communityPath()::startsWith)
                        || scope.contains(campaign.areaPath()))
                .toList();
        List<Activity> tagged = actionViews.isEmpty() ? List.of()
                : activities.findTop5000ByCampaignActionIdIn(actionViews.stream().map(ActionView::id).toList());
        Map<Long, Activity> byId = tagged.stream().collect(Collectors.toMap(Activity::id, Function.identity()));
        List<Object[]> lines = tagged.isEmpty() ? List.of() : signUps.attendedLinesOf(byId.keySet());
        List<CampaignContribution> done = actionViews.isEmpty() ? List.of()
                : contributions.findByCampaignActionIdIn(actionViews.stream().map(ActionView::id).toList());
        List<CommunityRow> rows = new ArrayList<>();
        for (Campaign.Community c : communities) {
            List<Cell> cells = new ArrayList<>();
            Set<Long> allMembers = new HashSet<>();
            long allMinutes = 0;
            long allActivities = 0;
            long allWishes = 0;
            long allTasks = 0;
            for (ActionView action : actionViews) {
                List<Activity> here = tagged.stream().filter(a -> a.campaignActionId() == action.id()
                        && a.areaPath().startsWith(c.communityPath())).toList();
                Set<Long> hereIds = here.stream().map(Activity::id).collect(Collectors.toSet());
                Set<Long> members = new HashSet<>();
                long minutes = 0;
                for (Object[] line : lines) {
                    if (hereIds.contains((Long) line[0])) {
                        members.add((Long) line[1]);
                        minutes += line[2] == null ? 0 : ((Number) line[2]).longValue();
                    }
                }
                List<CampaignContribution> work = done.stream().filter(w -> w.campaignActionId() == action.id()
                        && w.areaPath().startsWith(c.communityPath())).toList();
                work.stream().map(CampaignContribution::memberId).filter(java.util.Objects::nonNull).forEach(members::add);
                long wishes = work.stream().filter(w -> w.kind() == CampaignContribution.Kind.WISH)
                        .map(CampaignContribution::sourceId).distinct().count();
                long tasks = work.stream().filter(w -> w.kind() == CampaignContribution.Kind.SERVICE_TASK)
                        .map(CampaignContribution::sourceId).distinct().count();
                cells.add(new Cell(action.id(), here.size(), members.size(), minutes, wishes, tasks));
                allMembers.addAll(members);
                allMinutes += minutes;
                allActivities += here.size();
                allWishes += wishes;
                allTasks += tasks;
            }
            rows.add(new CommunityRow(c.communityId(), c.communityName(), cells, allActivities, allMembers.size(),
                    allMinutes, allWishes, allTasks, false));
        }
        double average = rows.stream().mapToLong(CommunityRow::members).average().orElse(0);
        // lagging: nothing done for the campaign at all, or fewer than half the average number of members taking part
        List<CommunityRow> marked = rows.stream().map(r -> new CommunityRow(r.communityId(), r.communityName(), r.cells(),
                r.activities(), r.members(), r.minutes(), r.wishes(), r.tasks(),
                r.activities() + r.wishes() + r.tasks() == 0 || r.members() < average / 2)).toList();
        return new Dashboard(campaign.id(), campaign.name(), actionViews, marked, average);
    }

    private List<Campaign.Community> communitiesBelow(long areaId) {
        List<Campaign.Community> found = new ArrayList<>();
        Deque<Long> queue = new ArrayDeque<>(List.of(areaId));
        int visited = 0;
        while (!queue.isEmpty() && visited++ < 2000) {
            for (AreaRef child : areas.children(queue.poll())) {
                if ("COMMUNITY".equals(child.level())) {
                    found.add(new Campaign.Community(child.id(), child.name(), child.path()));
                } else if ("SUBDISTRICT".equals(child.level())) {
                    queue.add(child.id());
                }
            }
        }
        return found;
    }

    /** Staff whose scope holds the campaign's area, or holds a community it was rolled out to. */
    private Campaign visible(Actor actor, long id) {
        Campaign campaign = campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign"));
        Scope scope = permissions.staffScope(actor);
        if (scope.contains(campaign.areaPath()) || campaign.state() == Campaign.State.ROLLED_OUT
                && campaign.communities().stream().anyMatch(c -> scope.contains(c.communityPath()))) {
            return campaign;
        }
        throw new NotFoundException("Campaign");
    }

    private Map<Long, List<ActionView>> actionsOf(List<Long> campaignIds) {
        Map<Long, List<ActionView>> map = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return map;
        }
        for (CampaignAction a : actions.findByCampaignIdInOrderBySeq(campaignIds)) {
            map.computeIfAbsent(a.campaignId(), k -> new ArrayList<>()).add(new ActionView(a.id(), a.seq(), a.name()));
        }
        return map;
    }

    private CampaignView view(Actor actor, Campaign c, List<ActionView> actionViews) {
        return new CampaignView(c.id(), c.name(), c.description(), c.areaId(), c.areaName(), c.startsOn(), c.endsOn(),
                c.state().name(), c.communities().size(), actionViews,
                actor.scopeFor(VolunteerPermissions.MANAGE).contains(c.areaPath()), c.version());
    }
}
