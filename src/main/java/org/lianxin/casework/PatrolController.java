package org.lianxin.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.casework.CaseworkEvents.PatrolChanged;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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
 * Patrols (巡查, "patrol every day"): a grid worker starts one in his grid, the phone adds the points he passes,
 * cases he reports meanwhile are counted as the patrol's finds, and he ends it. Staff read the patrols of their area.
 */
@Tag(name = "巡查 Patrols")
@RestController
@RequestMapping("/api/v1/patrols")
@Transactional
class PatrolController {

    record PointForm(Double longitude, Double latitude, CaseController.CoordSystem coordSystem) {
    }

    record EndForm(@Size(max = 500) String note) {
    }

    record PointView(double longitude, double latitude, Instant at) {
    }

    record PatrolView(long id, String gridName, String workerName, Instant startedAt, Instant endedAt, String note,
                      boolean active, List<PointView> points, long casesFound) {
    }

    private final PatrolRepository patrols;
    private final CaseRepository cases;
    private final CaseIntake intake;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatrolController(PatrolRepository patrols, CaseRepository cases, CaseIntake intake, ApplicationEventPublisher events,
                     Clock clock) {
        this.patrols = patrols;
        this.cases = cases;
        this.intake = intake;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Patrols in the caller's area, newest first")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<PatrolView> list(@CurrentUser Actor actor, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        Scope scope = actor.scopeFor(CaseworkPermissions.PATROL_READ);
        if (scope.isEmpty()) {
            throw new ForbiddenException(CaseworkPermissions.PATROL_READ);
        }
        Page<Patrol> result = patrols.findAll(ScopeSpecification.within(scope, "areaPath"),
                Paging.of(page, size, Sort.by(Sort.Direction.DESC, "startedAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return PageView.of(result, this::view);
    }

    @Operation(summary = "The caller's patrol under way, if any (204 when none)")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    org.springframework.http.ResponseEntity<PatrolView> mine(@CurrentUser Actor actor) {
        return patrols.findByWorkerAccountIdAndEndedAtIsNull(actor.accountId()).map(this::view)
                .map(org.springframework.http.ResponseEntity::ok)
                .orElseGet(() -> org.springframework.http.ResponseEntity.noContent().build());
    }

    @Operation(summary = "Start a patrol in the caller's grid (grid workers); one at a time")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PatrolView start(@CurrentUser Actor actor) {
        Actor.Grant grid = actor.grants().stream().filter(g -> g.role().equals("GRID_WORKER")).findFirst()
                .filter(g -> actor.scopeFor(CaseworkPermissions.PATROL_WRITE).contains(g.areaPath()))
                .orElseThrow(() -> new ForbiddenException(CaseworkPermissions.PATROL_WRITE));
        if (patrols.findByWorkerAccountIdAndEndedAtIsNull(actor.accountId()).isPresent()) {
            throw new ConflictException("patrol-active", "patrol.already-active");
        }
        Patrol patrol = new Patrol(intake.nextPatrolId(), grid.areaPath(), grid.areaName(), actor.accountId(),
                actor.displayName(), clock.instant());
        try {
            patrols.saveAndFlush(patrol);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("patrol-active", "patrol.already-active");
        }
        events.publishEvent(new PatrolChanged("patrol.start", patrol.id(), patrol.areaPath(), "in " + patrol.gridName()));
        return view(patrol);
    }

    @Operation(summary = "Record a point passed (the phone's position; GCJ-02 is converted)")
    @PostMapping("/{id}/points")
    PatrolView point(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody PointForm form) {
        Patrol patrol = own(actor, id);
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (form.longitude() == null || form.longitude() < -180 || form.longitude() > 180) {
            problems.add(new InvalidInputException.FieldProblem("longitude", "validation.range", -180, 180));
        }
        if (form.latitude() == null || form.latitude() < -90 || form.latitude() > 90) {
            problems.add(new InvalidInputException.FieldProblem("latitude", "validation.range", -90, 90));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        double[] wgs = form.coordSystem() == CaseController.CoordSystem.GCJ02
                ? Coordinates.gcj02ToWgs84(form.longitude(), form.latitude()) : new double[] {form.longitude(), form.latitude()};
        patrol.pass(wgs[0], wgs[1], clock.instant());
        patrols.saveAndFlush(patrol);
        return view(patrol);
    }

    @Operation(summary = "End the patrol")
    @PostMapping("/{id}/end")
    PatrolView end(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) EndForm form) {
        Patrol patrol = own(actor, id);
        patrol.end(form == null ? null : form.note(), clock.instant());
        patrols.saveAndFlush(patrol);
        long found = cases.countByPatrolId(patrol.id());
        events.publishEvent(new PatrolChanged("patrol.end", patrol.id(), patrol.areaPath(),
                patrol.points().size() + " points, " + found + " cases found"));
        return view(patrol);
    }

    /** A worker's own patrol; anybody else's answers 404. */
    private Patrol own(Actor actor, long id) {
        return patrols.findById(id).filter(p -> p.workerAccountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException("Patrol"));
    }

    private PatrolView view(Patrol p) {
        return new PatrolView(p.id(), p.gridName(), p.workerName(), p.startedAt(), p.endedAt(), p.note(), p.active(),
                p.points().stream().map(x -> new PointView(x.longitude(), x.latitude(), x.at())).toList(),
                cases.countByPatrolId(p.id()));
    }
}
