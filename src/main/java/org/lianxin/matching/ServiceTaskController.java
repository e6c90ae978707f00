package org.lianxin.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.matching.MatchingEvents.ServiceTaskChanged;
import org.lianxin.matching.MatchingEvents.ServiceTaskCompleted;
import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.Skilled;
import org.lianxin.organization.Areas;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CampaignTags;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
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
 * The service list (服务清单): the community lists tasks with the skills needed, place, time and number of people;
 * a registered member sees first the tasks that fit his skills and free time, and claims a place himself (nobody is
 * assigned); a task fills at its number; a member may give his place back; the community completes the task and every
 * member who held a place is credited ({@link ServiceTaskCompleted}).
 */
@Tag(name = "服务清单 Service tasks")
@RestController
@RequestMapping("/api/v1/service-tasks")
@Transactional
class ServiceTaskController {

    record TaskForm(@Size(max = 200) String title, @Size(max = 2000) String description, List<String> skills,
                    @Size(max = 400) String place, Instant startsAt, Instant endsAt, Integer places, Long areaId,
                    Long campaignActionId) {
    }

    /** The campaign action to tag an open task to, or null to clear the tag. */
    record TagForm(Long campaignActionId) {
    }

    /** A campaign action as a tag reads: 百日先锋行动 · 守护家园环境. */
    record TagView(long id, String name, long campaignId, String campaignName) {
    }

    record Label(String code, String label) {
    }

    record Fit(List<String> skills, boolean time, int score) {
    }

    record ClaimView(long id, long taskId, String memberName, String state, Instant claimedAt, Instant completedAt,
                     Integer minutes) {
    }

    record TaskView(long id, String title, String description, List<Label> skills, String place, Instant startsAt,
                    Instant endsAt, int places, int taken, String areaName, String state, String createdBy,
                    Fit fit, Long myClaimId, String myClaimState, List<String> actions, long version,
                    TagView campaignAction) {
    }

    private final ServiceTaskRepository tasks;
    private final ServiceTaskRanking ranking;
    private final ServiceTaskClaimRepository claims;
    private final ServiceTaskClaims claiming;
    private final MatchingPermissions permissions;
    private final PartyMembers members;
    private final Areas areas;
    private final CampaignTags campaignTags;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<MatchingProperties.Category> skills;

    ServiceTaskController(ServiceTaskRepository tasks, ServiceTaskClaimRepository claims, ServiceTaskClaims claiming,
                          MatchingPermissions permissions, PartyMembers members, Areas areas, CampaignTags campaignTags,
                          ServiceTaskRanking ranking, Ids ids, ApplicationEventPublisher events, Clock clock,
                          Environment environment) {
        this.campaignTags = campaignTags;
        this.tasks = tasks;
        this.ranking = ranking;
        this.claims = claims;
        this.claiming = claiming;
        this.permissions = permissions;
        this.members = members;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
        this.skills = Binder.get(environment).bind("lianxin.member.skills",
                Bindable.listOf(MatchingProperties.Category.class)).orElse(List.of());
    }

    @Operation(summary = "Service tasks: staff those of their area; a member those of the communities he registered with, "
            + "the ones fitting his skills and free time first")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<TaskView> list(@CurrentUser Actor actor, @RequestParam(required = false) ServiceTask.State state,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope staff = staffScope(actor);
        Optional<Skilled> member = skilled(actor);
        Scope scope = staff.or(member.map(m -> Scope.of(m.communityPaths())).orElse(Scope.none()));
        if (scope.isEmpty()) {
            if (!actor.has(MatchingPermissions.TASK_READ) && !actor.has(MatchingPermissions.TASK_CLAIM)) {
                throw new ForbiddenException(MatchingPermissions.TASK_READ);
            }
            return new PageView<>(List.of(), 0, size == null ? 20 : Math.min(Math.max(size, 1), 100), 0, 0);
        }
        Specification<ServiceTask> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        if (member.isPresent() && staff.isEmpty()) {
            // a member: ranked and paged by the database, best fit first (ServiceTaskRanking, same order as fit)
            int s = size == null ? 20 : Math.min(Math.max(size, 1), Paging.MAX_SIZE);
            int p = page == null ? 0 : Math.max(page, 0);
            ServiceTaskRanking.Ranked ranked = ranking.page(member.get(), scope, state, p, s);
            List<ServiceTask> slice = ranked.content();
            long total = ranked.total();
            return new PageView<>(views(actor, slice, member), p, s, total, (int) ((total + s - 1) / s));
        }
        Page<ServiceTask> result = tasks.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "startsAt")
                .and(Sort.by("id"))));
        return new PageView<>(views(actor, result.getContent(), member), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "The caller's claims (as a member), newest first")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<TaskView> mine(@CurrentUser Actor actor) {
        List<Long> ids = claims.findByAccountIdOrderByClaimedAtDesc(actor.accountId()).stream()
                .map(ServiceTaskClaim::taskId).distinct().toList();
        Map<Long, ServiceTask> byId = tasks.findAllById(ids).stream().collect(Collectors.toMap(ServiceTask::id, t -> t));
        return views(actor, ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), skilled(actor));
    }

    @Operation(summary = "The configured skills, labelled (for the task form)")
    @GetMapping("/skills")
    @Transactional(readOnly = true)
    List<Label> skills() {
        Locale locale = LocaleContextHolder.getLocale();
        return skills.stream().map(s -> new Label(s.code(), s.label(locale))).toList();
    }

    @Operation(summary = "One service task")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    TaskView get(@CurrentUser Actor actor, @PathVariable long id) {
        return views(actor, List.of(visible(actor, id)), skilled(actor)).get(0);
    }

    @Operation(summary = "Who claimed places on the task (staff)")
    @GetMapping("/{id}/claims")
    @Transactional(readOnly = true)
    List<ClaimView> claims(@CurrentUser Actor actor, @PathVariable long id) {
        ServiceTask task = visible(actor, id);
        if (!staffScope(actor).contains(task.areaPath())) {
            throw new ForbiddenException(MatchingPermissions.TASK_READ);
        }
        return claims.findByTaskIdOrderByClaimedAtAscIdAsc(task.id()).stream().map(ServiceTaskController::view).toList();
    }

    @Operation(summary = "List a service task (the community): skills, place, time, number of people")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TaskView create(@CurrentUser Actor actor, @Valid @RequestBody TaskForm form) {
        Scope write = actor.scopeFor(MatchingPermissions.TASK_WRITE);
        if (write.isEmpty()) {
            throw new ForbiddenException(MatchingPermissions.TASK_WRITE);
        }
        Areas.AreaRef area = writeArea(actor, form.areaId());
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (form.campaignActionId() != null) {
            campaignTags.problem(form.campaignActionId(), area.path(), form.startsAt() == null ? null
                    : form.startsAt().atZone(ServiceTask.ZONE).toLocalDate())
                    .ifPresent(p -> problems.add(new InvalidInputException.FieldProblem("campaignActionId", p)));
        }
        ServiceTask task;
        try {
            task = new ServiceTask(ids.next("service_task_seq"), new ServiceTask.Terms(form.title(),
                    form.description(), form.skills(), form.place(), form.startsAt(), form.endsAt(), form.places()),
                    skills.stream().map(MatchingProperties.Category::code).toList(), area.path(), area.name(),
                    actor.displayName(), clock.instant());
        } catch (InvalidInputException e) {
            problems.addAll(0, e.problems());
            throw new InvalidInputException("validation", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        task.tagTo(form.campaignActionId());
        tasks.saveAndFlush(task);
        events.publishEvent(new ServiceTaskChanged("service-task.create", task.id(), task.places() + " places, skills "
                + String.join(",", task.skills())));
        return views(actor, List.of(task), Optional.empty()).get(0);
    }

    @Operation(summary = "The campaign actions a task of this area (default: the caller's only area) may be tagged to: "
            + "rolled out to its community and running on the day (default today)")
    @GetMapping("/campaign-actions")
    @Transactional(readOnly = true)
    List<TagView> campaignActions(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                                  @RequestParam(required = false) java.time.LocalDate on) {
        Scope write = actor.scopeFor(MatchingPermissions.TASK_WRITE);
        if (write.isEmpty()) {
            throw new ForbiddenException(MatchingPermissions.TASK_WRITE);
        }
        Areas.AreaRef area = areaId == null ? writeArea(actor, null) : areas.find(areaId)
                .filter(a -> write.contains(a.path())).orElseThrow(() -> new NotFoundException("Area"));
        java.time.LocalDate day = on != null ? on : java.time.LocalDate.now(clock.withZone(ServiceTask.ZONE));
        return campaignTags.open(area.path(), day).stream()
                .map(t -> new TagView(t.id(), t.name(), t.campaignId(), t.campaignName())).toList();
    }

    @Operation(summary = "Tag an open task to a campaign action running on its day, or clear the tag (the community)")
    @PostMapping("/{id}/campaign-action")
    TaskView tag(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody TagForm form) {
        ServiceTask task = writable(actor, id);
        task.requireTaggable();
        if (form.campaignActionId() != null) {
            campaignTags.problem(form.campaignActionId(), task.areaPath(), task.day()).ifPresent(p -> {
                throw new InvalidInputException("campaignActionId", p);
            });
        }
        Long before = task.campaignActionId();
        task.tagTo(form.campaignActionId());
        tasks.saveAndFlush(task);
        events.publishEvent(new ServiceTaskChanged("service-task.tag", task.id(), "campaign action " + before + " -> "
                + task.campaignActionId()));
        return views(actor, List.of(task), Optional.empty()).get(0);
    }

    @Operation(summary = "Claim a place (a member registered with the task's community); one per member, never over the number")
    @PostMapping("/{id}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    TaskView claim(@CurrentUser Actor actor, @PathVariable long id) {
        ServiceTask task = visible(actor, id);
        Skilled member = skilled(actor).filter(m -> Scope.of(m.communityPaths()).contains(task.areaPath()))
                .orElseThrow(() -> new ForbiddenException(MatchingPermissions.TASK_CLAIM));
        claiming.claim(task, member.id(), actor.accountId(), member.name());
        return views(actor, List.of(tasks.findById(id).orElseThrow()), Optional.of(member)).get(0);
    }

    @Operation(summary = "Give a claimed place back (the member himself, or the community)")
    @PostMapping("/{id}/claims/{claimId}/cancel")
    TaskView cancelClaim(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long claimId) {
        ServiceTask task = visible(actor, id);
        ServiceTaskClaim claim = claims.findById(claimId).filter(c -> c.taskId() == task.id().longValue())
                .orElseThrow(() -> new NotFoundException("ServiceTaskClaim"));
        boolean own = claim.accountId() != null && claim.accountId() == actor.accountId();
        if (!own && !actor.scopeFor(MatchingPermissions.TASK_WRITE).contains(task.areaPath())) {
            throw new ForbiddenException(MatchingPermissions.TASK_CLAIM);
        }
        task.require("claim");
        claiming.cancel(claim);
        return views(actor, List.of(tasks.findById(id).orElseThrow()), skilled(actor)).get(0);
    }

    @Operation(summary = "Complete the task (the community): each member holding a place is credited with its time")
    @PostMapping("/{id}/complete")
    TaskView complete(@CurrentUser Actor actor, @PathVariable long id) {
        ServiceTask task = writable(actor, id);
        task.complete(clock.instant());
        tasks.saveAndFlush(task);
        for (ServiceTaskClaim claim : claims.findByTaskIdOrderByClaimedAtAscIdAsc(task.id())) {
            if (claim.state() == ServiceTaskClaim.State.CLAIMED) {
                claim.complete(task.minutes(), task.completedAt());
                claims.save(claim);
                events.publishEvent(new ServiceTaskCompleted(task.id(), claim.id(), claim.memberId(), claim.accountId(),
                        task.areaPath(), task.minutes(), task.completedAt(), task.campaignActionId()));
                if (claim.accountId() != null) {
                    events.publishEvent(org.lianxin.shared.Notice.to(claim.accountId(), "service-task.completed",
                            "/m/service-tasks", "ServiceTask", task.id() + ":" + claim.id(), task.title()));
                }
            }
        }
        claims.flush();
        return views(actor, List.of(task), Optional.empty()).get(0);
    }

    @Operation(summary = "Cancel the task (the community); the members holding places are told")
    @PostMapping("/{id}/cancel")
    TaskView cancel(@CurrentUser Actor actor, @PathVariable long id) {
        ServiceTask task = writable(actor, id);
        task.cancel(clock.instant());
        tasks.saveAndFlush(task);
        for (ServiceTaskClaim claim : claims.findByTaskIdOrderByClaimedAtAscIdAsc(task.id())) {
            if (claim.state() == ServiceTaskClaim.State.CLAIMED && claim.accountId() != null) {
                events.publishEvent(org.lianxin.shared.Notice.to(claim.accountId(), "service-task.cancelled",
                        "/m/service-tasks", "ServiceTask", task.id() + ":cancel:" + claim.id(), task.title()));
            }
        }
        events.publishEvent(new ServiceTaskChanged("service-task.cancel", task.id(), "cancelled"));
        return views(actor, List.of(task), Optional.empty()).get(0);
    }

    /** The area a task is listed in: the one given (in the caller's write scope), or the caller's only area. */
    private Areas.AreaRef writeArea(Actor actor, Long areaId) {
        Scope write = actor.scopeFor(MatchingPermissions.TASK_WRITE);
        if (areaId == null) {
            List<Areas.AreaRef> mine = actor.grants().stream().filter(g -> write.contains(g.areaPath()))
                    .map(g -> areas.find(g.areaId()).orElse(null)).filter(java.util.Objects::nonNull).distinct().toList();
            if (mine.size() != 1) {
                throw new InvalidInputException("areaId", "validation.required");
            }
            return mine.get(0);
        }
        Areas.AreaRef area = areas.find(areaId).filter(a -> staffScope(actor).contains(a.path()))
                .orElseThrow(() -> new InvalidInputException("areaId", "offer.areas.unknown"));
        if (!write.contains(area.path())) {
            throw new ForbiddenException(MatchingPermissions.TASK_WRITE);
        }
        return area;
    }

    private Scope staffScope(Actor actor) {
        return actor.scopeFor(MatchingPermissions.TASK_READ).or(actor.scopeFor(MatchingPermissions.TASK_WRITE));
    }

    private Optional<Skilled> skilled(Actor actor) {
        return actor.has(MatchingPermissions.TASK_CLAIM) ? members.skilledOfAccount(actor.accountId()) : Optional.empty();
    }

    /** Staff in scope, a member of the task's community, or a member who holds a claim on it; else 404. */
    private ServiceTask visible(Actor actor, long id) {
        ServiceTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("ServiceTask"));
        if (staffScope(actor).contains(task.areaPath())
                || skilled(actor).filter(m -> Scope.of(m.communityPaths()).contains(task.areaPath())).isPresent()
                || !claims.findByAccountIdAndTaskIdIn(actor.accountId(), List.of(task.id())).isEmpty()) {
            return task;
        }
        throw new NotFoundException("ServiceTask");
    }

    private ServiceTask writable(Actor actor, long id) {
        ServiceTask task = visible(actor, id);
        if (!actor.scopeFor(MatchingPermissions.TASK_WRITE).contains(task.areaPath())) {
            throw new ForbiddenException(MatchingPermissions.TASK_WRITE);
        }
        return task;
    }

    /** How a task fits a member: the needed skills he has, whether its time is in his free time; skills count most. */
    static Fit fit(ServiceTask task, Skilled member) {
        List<String> shared = task.skills().stream().filter(member.skills()::contains).toList();
        boolean time = member.availability().contains("ANY_TIME")
                || task.slots().stream().anyMatch(member.availability()::contains);
        return new Fit(shared, time, shared.size() * 10 + (time ? 5 : 0));
    }

    private static ClaimView view(ServiceTaskClaim c) {
        return new ClaimView(c.id(), c.taskId(), c.memberName(), c.state().name(), c.claimedAt(), c.completedAt(),
                c.minutes());
    }

    private List<TaskView> views(Actor actor, List<ServiceTask> list, Optional<Skilled> member) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new HashMap<>();
        skills.forEach(s -> labels.put(s.code(), s.label(locale)));
        Map<Long, ServiceTaskClaim> mine = new HashMap<>();
        if (!list.isEmpty()) {
            claims.findByAccountIdAndTaskIdIn(actor.accountId(), list.stream().map(ServiceTask::id).toList()).stream()
                    .sorted(Comparator.comparing(ServiceTaskClaim::claimedAt))
                    .forEach(c -> mine.merge(c.taskId(), c, (a, b) -> a.state() == ServiceTaskClaim.State.CANCELLED ? b : a));
        }
        Scope write = actor.scopeFor(MatchingPermissions.TASK_WRITE);
        Map<Long, CampaignTags.ActionTag> tags = campaignTags.find(list.stream().map(ServiceTask::campaignActionId)
                .filter(java.util.Objects::nonNull).toList());
        return list.stream().map(t -> {
            ServiceTaskClaim claim = mine.get(t.id());
            boolean holds = claim != null && claim.state() != ServiceTaskClaim.State.CANCELLED;
            boolean eligible = member.filter(m -> Scope.of(m.communityPaths()).contains(t.areaPath())).isPresent();
            List<String> actions = new ArrayList<>();
            if (t.state() == ServiceTask.State.OPEN) {
                if (eligible && !holds && t.taken() < t.places()) {
                    actions.add("claim");
                }
                if (holds && claim.state() == ServiceTaskClaim.State.CLAIMED) {
                    actions.add("cancel-claim");
                }
                if (write.contains(t.areaPath())) {
                    actions.add("complete");
                    actions.add("cancel");
                    actions.add("tag");
                }
            }
            Set<String> taskSkills = Set.copyOf(t.skills());
            return new TaskView(t.id(), t.title(), t.description(), taskSkills.stream().sorted()
                    .map(s -> new Label(s, labels.getOrDefault(s, s))).toList(), t.place(), t.startsAt(), t.endsAt(),
                    t.places(), t.taken(), t.areaName(), t.state().name(), t.createdBy(),
                    member.map(m -> fit(t, m)).orElse(null), claim == null ? null : claim.id(),
                    claim == null ? null : claim.state().name(), actions, t.version(),
                    Optional.ofNullable(t.campaignActionId()).map(tags::get)
                            .map(g -> new TagView(g.id(), g.name(), g.campaignId(), g.campaignName())).orElse(null));
        }).toList();
    }
}
