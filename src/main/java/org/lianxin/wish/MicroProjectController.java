package org.lianxin.wish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.organization.Areas;
import org.lianxin.organization.PartnerUnits.PartnerUnitRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.ImageFiles;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.Notice;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.lianxin.wish.WishEvents.MicroProjectAccepted;
import org.lianxin.wish.WishEvents.MicroProjectChanged;
import org.lianxin.wish.WishPermissions.ProjectUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
 * Micro-projects (微项目): the community publishes a project with a budget and milestones; partner units' Party
 * organisations claim it (one or more, up to its number), post progress with photos and finish milestones, report it
 * complete; the community accepts it or returns it for more work. Staff see their area; a unit's contact sees the
 * projects open in the communities his unit is paired with and those his unit took part in; others get 404.
 */
@Tag(name = "微项目 Micro-projects")
@RestController
@RequestMapping("/api/v1/micro-projects")
@Transactional
class MicroProjectController {

    record MilestoneForm(@Size(max = 200) String title, LocalDate dueOn) {
    }

    record PublishForm(Long areaId, @Size(max = 200) String title, @Size(max = 4000) String description,
                       @Size(max = 200) String place, Integer budget, Integer maxUnits,
                       @Size(max = 20) List<MilestoneForm> milestones) {
    }

    record ClaimForm(Long unitId) {
    }

    record UpdateForm(@Size(max = 2000) String text, String photo, Integer milestone) {
    }

    record NoteForm(@Size(max = 1000) String note) {
    }

    record ReasonForm(@Size(max = 1000) String reason) {
    }

    record MilestoneView(int index, String title, LocalDate dueOn, Instant doneAt) {
    }

    record ClaimView(long unitId, String unitName, String byName, Instant claimedAt) {
    }

    record StepView(String action, String by, Instant at, String note) {
    }

    record UpdateView(long id, String byName, String unitName, Instant at, String text, String milestoneTitle,
                      boolean hasPhoto) {
    }

    /** One project as the caller may see it; {@code steps} for staff, {@code updates} on the single-project read. */
    record ProjectView(long id, String title, String description, String place, int budget, int maxUnits,
                       int placesLeft, long areaId, String areaName, String state, String publishedBy,
                       Instant publishedAt, Instant completedAt, String acceptedBy, Instant acceptedAt,
                       String acceptanceNote, String cancelReason, String returnReason, List<MilestoneView> milestones,
                       List<ClaimView> claims, List<StepView> steps, List<UpdateView> updates, boolean mine,
                       List<String> actions, long version) {
    }

    private final MicroProjectRepository projects;
    private final MicroProjectUpdateRepository updates;
    private final WishPermissions permissions;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MicroProjectController(MicroProjectRepository projects, MicroProjectUpdateRepository updates,
                           WishPermissions permissions, Areas areas, Ids ids, ApplicationEventPublisher events,
                           Clock clock) {
        this.projects = projects;
        this.updates = updates;
        this.permissions = permissions;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Micro-projects in the caller's area (staff); filter by state and title")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<ProjectView> list(@CurrentUser Actor actor, @RequestParam(required = false) MicroProjectState state,
                               @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        Scope scope = permissions.projectScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(WishPermissions.PROJECT_READ);
        }
        return page(actor, scope, state == null ? List.of() : List.of(state), q, page, size);
    }

    @Operation(summary = "Projects open for the caller's units to join (published or in progress, with a place left), and staff's own")
    @GetMapping("/open")
    @Transactional(readOnly = true)
    PageView<ProjectView> open(@CurrentUser Actor actor, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        List<String> paths = new ArrayList<>(permissions.projectScope(actor).prefixes());
        permissions.projectUnits(actor).forEach(u -> paths.addAll(u.scope().prefixes()));
        Scope scope = Scope.of(paths);
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), 0, size == null ? 20 : size, 0, 0);
        }
        return page(actor, scope, List.of(MicroProjectState.PUBLISHED, MicroProjectState.IN_PROGRESS), null, page, size);
    }

    @Operation(summary = "The projects the caller's units take part in")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<ProjectView> mine(@CurrentUser Actor actor) {
        List<Long> unitIds = permissions.projectUnits(actor).stream().map(u -> u.unit().id()).toList();
        if (unitIds.isEmpty()) {
            return List.of();
        }
        Specification<MicroProject> spec = (root, query, cb) -> {
            query.distinct(true);
            return root.join("claims").get("unitId").in(unitIds);
        };
        return projects.findAll(spec, Sort.by(Sort.Direction.DESC, "publishedAt").and(Sort.by("id"))).stream()
                .map(p -> view(actor, p, false)).toList();
    }

    @Operation(summary = "One micro-project with its progress updates")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ProjectView get(@CurrentUser Actor actor, @PathVariable long id) {
        return view(actor, visible(actor, id), true);
    }

    @Operation(summary = "The photo of a progress update (as an image)")
    @GetMapping("/{id}/updates/{updateId}/photo")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> photo(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long updateId) {
        visible(actor, id);
        MicroProjectUpdate update = updates.findByIdAndProjectId(updateId, id)
                .filter(u -> u.photoType() != null).orElseThrow(() -> new NotFoundException("MicroProjectUpdate"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(update.photoType()))
                .cacheControl(CacheControl.noStore()).body(update.photo());
    }

    @Operation(summary = "Publish a micro-project in an area of the caller's community (budget in yuan, milestones with dates)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectView publish(@CurrentUser Actor actor, @Valid @RequestBody PublishForm form) {
        if (!actor.has(WishPermissions.PROJECT_MANAGE)) {
            throw new ForbiddenException(WishPermissions.PROJECT_MANAGE);
        }
        if (form.areaId() == null) {
            throw new InvalidInputException("areaId", "validation.required");
        }
        Areas.AreaRef area = areas.find(form.areaId())
                .filter(a -> actor.scopeFor(WishPermissions.PROJECT_MANAGE).contains(a.path()))
                .orElseThrow(() -> new InvalidInputException("areaId", "micro-project.area.outside"));
        List<MicroProject.Plan> plans = form.milestones() == null ? null : form.milestones().stream()
                .map(m -> m == null ? null : new MicroProject.Plan(m.title(), m.dueOn())).toList();
        Instant now = clock.instant();
        MicroProject project = new MicroProject(ids.next("micro_project_seq"), area.id(), area.name(), area.path(),
                form.title(), form.description(), form.place(), form.budget(), form.maxUnits(), plans,
                LocalDate.ofInstant(now, clock.getZone()), actor.displayName(), now);
        projects.saveAndFlush(project);
        events.publishEvent(new MicroProjectChanged("micro-project.publish", project.id(), "in " + area.name()
                + ", budget " + project.budget() + ", up to " + project.maxUnits() + " units"));
        return view(actor, project, true);
    }

    @Operation(summary = "Join a project for the caller's unit (its Party organisation); once per unit, up to the project's number")
    @PostMapping("/{id}/claim")
    ProjectView claim(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) ClaimForm form) {
        MicroProject project = projects.findById(id).orElseThrow(() -> new NotFoundException("MicroProject"));
        List<ProjectUnit> may = permissions.projectUnits(actor).stream()
                .filter(u -> u.scope().contains(project.areaPath()))
                .filter(u -> form == null || form.unitId() == null || u.unit().id() == form.unitId()).toList();
        if (may.isEmpty()) {
            visible(actor, id);
            throw new ForbiddenException(WishPermissions.PROJECT_CLAIM);
        }
        ProjectUnit unit = may.stream().filter(u -> !project.claimedByUnit(u.unit().id())).findFirst().orElse(may.get(0));
        project.claim(unit.unit().id(), unit.unit().name(), actor.accountId(), actor.displayName(), clock.instant());
        try {
            projects.saveAndFlush(project);
        } catch (ObjectOptimisticLockingFailureException e) {
            // another unit joined in the same moment: answer from what is stored now
            throw new ConflictException("stale-version", "micro-project.claim.raced");
        }
        events.publishEvent(new MicroProjectChanged("micro-project.claim", project.id(),
                "claimed for unit " + unit.unit().id()));
        return view(actor, project, true);
    }

    @Operation(summary = "Post progress (text, optional photo, optionally finishing a milestone by its index): a claiming unit's contact or staff")
    @PostMapping("/{id}/updates")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectView update(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody UpdateForm form) {
        MicroProject project = visible(actor, id);
        List<PartnerUnitRef> mine = permissions.claimingUnits(actor, project);
        if (mine.isEmpty() && !permissions.canManage(actor, project)) {
            throw new ForbiddenException(WishPermissions.PROJECT_CLAIM);
        }
        if (form.text() == null || form.text().isBlank()) {
            throw new InvalidInputException("text", "validation.required");
        }
        if (form.text().strip().length() > MicroProjectUpdate.MAX_TEXT) {
            throw new InvalidInputException("text", "wish.text.too-long", MicroProjectUpdate.MAX_TEXT);
        }
        ImageFiles.Image photo = form.photo() == null || form.photo().isBlank() ? null
                : ImageFiles.decode(form.photo(), MicroProjectUpdate.MAX_PHOTO_BYTES, "photo");
        Instant now = clock.instant();
        project.progress(form.milestone(), actor.displayName(), now);
        String milestone = form.milestone() == null ? null : project.milestones().get(form.milestone()).title();
        projects.saveAndFlush(project);
        updates.saveAndFlush(new MicroProjectUpdate(ids.next("micro_project_seq"), project.id(), actor.displayName(),
                mine.isEmpty() ? null : mine.get(0).name(), now, form.text().strip(), milestone, photo));
        events.publishEvent(new MicroProjectChanged("micro-project.update", project.id(),
                (milestone != null ? "milestone done" : "progress") + (photo != null ? ", with a photo" : "")));
        return view(actor, project, true);
    }

    @Operation(summary = "Report the project complete, every milestone done (a claiming unit's contact)")
    @PostMapping("/{id}/complete")
    ProjectView complete(@CurrentUser Actor actor, @PathVariable long id) {
        MicroProject project = visible(actor, id);
        if (permissions.claimingUnits(actor, project).isEmpty()) {
            project.state().require("complete");
            throw new ForbiddenException(WishPermissions.PROJECT_CLAIM);
        }
        project.complete(actor.displayName(), clock.instant());
        return saved(actor, project, "micro-project.complete", "reported complete");
    }

    @Operation(summary = "Accept a completed project (验收), with a note (the community)")
    @PostMapping("/{id}/accept")
    ProjectView accept(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody NoteForm form) {
        MicroProject project = visible(actor, id);
        permissions.checkManage(actor, project);
        project.accept(form.note(), actor.displayName(), clock.instant());
        projects.saveAndFlush(project);
        events.publishEvent(new MicroProjectAccepted(project.id(), project.areaPath(),
                project.claims().stream().map(MicroProject.Claim::unitId).toList(), project.budget(), project.acceptedAt()));
        tellClaimants(project, "micro-project.accepted", project.title(), project.acceptanceNote());
        return view(actor, project, true);
    }

    @Operation(summary = "Return a completed project for more work, with the reason (the community)")
    @PostMapping("/{id}/return")
    ProjectView sendBack(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReasonForm form) {
        MicroProject project = visible(actor, id);
        permissions.checkManage(actor, project);
        project.sendBack(form.reason(), actor.displayName(), clock.instant());
        tellClaimants(project, "micro-project.returned", project.title(), form.reason().strip());
        return saved(actor, project, "micro-project.return", "returned for more work");
    }

    @Operation(summary = "Cancel a project that is not completed, with the reason (the community)")
    @PostMapping("/{id}/cancel")
    ProjectView cancel(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReasonForm form) {
        MicroProject project = visible(actor, id);
        permissions.checkManage(actor, project);
        project.cancel(form.reason(), actor.displayName(), clock.instant());
        tellClaimants(project, "micro-project.cancelled", project.title(), project.cancelReason());
        return saved(actor, project, "micro-project.cancel", "cancelled");
    }

    private ProjectView saved(Actor actor, MicroProject project, String action, String detail) {
        projects.saveAndFlush(project);
        events.publishEvent(new MicroProjectChanged(action, project.id(), detail));
        return view(actor, project, true);
    }

    /** Every claiming unit's contact hears it; the source names the step so a second return is a second notice. */
    private void tellClaimants(MicroProject project, String kind, String... args) {
        Set<Long> accounts = new HashSet<>();
        project.claims().forEach(c -> accounts.add(c.accountId()));
        if (!accounts.isEmpty()) {
            events.publishEvent(new Notice(accounts, kind, List.of(args), "/m/micro-projects", "MicroProject",
                    project.id() + ":" + project.steps().size()));
        }
    }

    /** Staff in scope, a contact of a unit that took part, or (while it is open) a contact of a unit paired there. */
    private MicroProject visible(Actor actor, long id) {
        MicroProject project = projects.findById(id).orElseThrow(() -> new NotFoundException("MicroProject"));
        if (permissions.projectScope(actor).contains(project.areaPath())
                || !permissions.claimingUnits(actor, project).isEmpty()) {
            return project;
        }
        boolean open = project.state() == MicroProjectState.PUBLISHED || project.state() == MicroProjectState.IN_PROGRESS;
        if (open && permissions.projectUnits(actor).stream().anyMatch(u -> u.scope().contains(project.areaPath()))) {
            return project;
        }
        throw new NotFoundException("MicroProject");
    }

    private PageView<ProjectView> page(Actor actor, Scope scope, List<MicroProjectState> states, String q, Integer page,
                                       Integer size) {
        Specification<MicroProject> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (!states.isEmpty()) {
                all.add(root.get("state").in(states));
            }
            if (q != null && !q.isBlank()) {
                all.add(cb.like(root.get("title"), "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%", '\\'));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Page<MicroProject> result = projects.findAll(spec, Paging.of(page, size,
                Sort.by(Sort.Direction.DESC, "publishedAt").and(Sort.by("id"))));
        return new PageView<>(result.getContent().stream().map(p -> view(actor, p, false)).toList(), result.getNumber(),
                result.getSize(), result.getTotalElements(), result.getTotalPages());
    }

    private ProjectView view(Actor actor, MicroProject p, boolean withUpdates) {
        boolean staff = permissions.projectScope(actor).contains(p.areaPath());
        boolean manage = permissions.canManage(actor, p);
        boolean mine = !permissions.claimingUnits(actor, p).isEmpty();
        Optional<ProjectUnit> joinable = permissions.projectUnits(actor).stream()
                .filter(u -> u.scope().contains(p.areaPath()) && !p.claimedByUnit(u.unit().id())).findFirst();
        int left = p.maxUnits() - p.claims().size();
        List<String> actions = new ArrayList<>();
        for (String step : p.state().allowed()) {
            boolean may = switch (step) {
                case "claim" -> joinable.isPresent() && left > 0;
                case "update" -> mine || manage;
                case "complete" -> mine;
                case "accept", "return", "cancel" -> manage;
                default -> false;
            };
            if (may) {
                actions.add(step);
            }
        }
        List<MilestoneView> milestones = new ArrayList<>();
        for (int i = 0; i < p.milestones().size(); i++) {
            MicroProject.Milestone m = p.milestones().get(i);
            milestones.add(new MilestoneView(i, m.title(), m.dueOn(), m.doneAt()));
        }
        // why the community sent it back, while the units work on it again
        String returnReason = p.state() != MicroProjectState.IN_PROGRESS ? null : p.steps().stream()
                .filter(s -> s.action().equals("return")).reduce((a, b) -> b).map(MicroProject.Step::note).orElse(null);
        List<UpdateView> updateViews = withUpdates ? updates.summariesOf(p.id()).stream()
                .map(r -> new UpdateView((Long) r[0], (String) r[1], (String) r[2], (Instant) r[3], (String) r[4],
                        (String) r[5], r[6] != null)).toList() : null;
        return new ProjectView(p.id(), p.title(), p.description(), p.place(), p.budget(), p.maxUnits(), Math.max(left, 0),
                p.areaId(), p.areaName(), p.state().name(), p.publishedBy(), p.publishedAt(), p.completedAt(),
                p.acceptedBy(), p.acceptedAt(), p.acceptanceNote(), p.cancelReason(), returnReason, milestones,
                p.claims().stream().map(c -> new ClaimView(c.unitId(), c.unitName(), c.byName(), c.claimedAt())).toList(),
                staff ? p.steps().stream().map(s -> new StepView(s.action(), s.byName(), s.at(), s.note())).toList() : null,
                updateViews, mine, actions, p.version());
    }
}
