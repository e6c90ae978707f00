package org.lianxin.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.organization.OrgUnitEvents.OrgUnitChanged;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Ids;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Party organisation tree. Each request is one transaction: writes touch one unit (a move, its subtree). */
@Tag(name = "党组织 Party organisations")
@RestController
@RequestMapping("/api/v1/org-units")
@Transactional
class OrgUnitController {

    record CreateForm(@NotNull Long parentId, @NotBlank @Size(max = 40) String level,
                      @NotBlank @Size(max = 100) String name, @NotNull Long areaId) {
    }

    record UpdateForm(@NotBlank @Size(max = 100) String name, @NotNull Long areaId, @NotNull Long version) {
    }

    record MoveForm(@NotNull Long parentId, @NotNull Long version) {
    }

    record OrgUnitView(long id, Long parentId, String level, String levelLabel, String name, long areaId,
                       String areaName, long childCount, long version) {
    }

    record LevelView(String code, String label, List<String> parents, List<String> areaLevels) {
    }

    private final OrgUnitRepository units;
    private final AreaRepository areas;
    private final OrgUnitLevels levels;
    private final OrganizationPermissions permissions;
    private final Ids ids;
    private final ApplicationEventPublisher events;

    OrgUnitController(OrgUnitRepository units, AreaRepository areas, OrgUnitLevels levels,
                      OrganizationPermissions permissions, Ids ids, ApplicationEventPublisher events) {
        this.units = units;
        this.areas = areas;
        this.levels = levels;
        this.permissions = permissions;
        this.ids = ids;
        this.events = events;
    }

    @Operation(summary = "The configured levels of the Party organisation tree")
    @GetMapping("/levels")
    @Transactional(readOnly = true)
    List<LevelView> levels(@CurrentUser Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        return levels.all().stream().map(l -> new LevelView(l.code(), l.label(locale), l.parents(), l.areaLevels()))
                .toList();
    }

    @Operation(summary = "The top units the caller may see")
    @GetMapping("/roots")
    @Transactional(readOnly = true)
    List<OrgUnitView> roots(@CurrentUser Actor actor) {
        Scope scope = actor.scopeFor(OrganizationPermissions.ORG_UNIT_READ);
        Specification<OrgUnit> topmost = (root, query, cb) -> {
            Subquery<Long> visibleParent = query.subquery(Long.class);
            Root<OrgUnit> parent = visibleParent.from(OrgUnit.class);
            visibleParent.select(parent.get("id")).where(cb.equal(parent.get("id"), root.get("parentId")),
                    ScopeSpecification.predicate(cb, parent.get("areaPath"), scope));
            return cb.and(ScopeSpecification.predicate(cb, root.get("areaPath"), scope), cb.not(cb.exists(visibleParent)));
        };
        List<OrgUnit> roots = units.findAll(topmost, Sort.by("path"));
        return views(roots);
    }

    @Operation(summary = "Children of a unit")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<OrgUnitView> list(@CurrentUser Actor actor, @RequestParam Long parentId,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        OrgUnit parent = visible(actor, parentId);
        Scope scope = actor.scopeFor(OrganizationPermissions.ORG_UNIT_READ);
        Specification<OrgUnit> spec = ScopeSpecification.<OrgUnit>within(scope, "areaPath")
                .and((root, query, cb) -> cb.equal(root.get("parentId"), parent.id()));
        Page<OrgUnit> result = units.findAll(spec, Paging.of(page, size, Sort.by("name")));
        Map<Long, OrgUnitView> byId = views(result.getContent()).stream()
                .collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
        return PageView.of(result, u -> byId.get(u.id()));
    }

    @Operation(summary = "One unit")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    OrgUnitView get(@CurrentUser Actor actor, @PathVariable long id) {
        return views(List.of(visible(actor, id))).get(0);
    }

    @Operation(summary = "Add a unit under another, bound to an area")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnitView create(@CurrentUser Actor actor, @Valid @RequestBody CreateForm form) {
        OrgUnit parent = units.findById(form.parentId()).orElseThrow(() -> new NotFoundException("OrgUnit"));
        permissions.checkChange(actor, OrganizationPermissions.ORG_UNIT_READ, OrganizationPermissions.ORG_UNIT_WRITE,
                parent.areaPath(), "OrgUnit");
        Area area = writableArea(actor, form.areaId());
        String name = form.name().strip();
        if (units.existsByParentIdAndName(parent.id(), name)) {
            throw new ConflictException("conflict", "org-unit.name.taken", name);
        }
        OrgUnit unit = units.save(parent.child(ids.next("org_unit_seq"), form.level(), name, area, levels));
        events.publishEvent(new OrgUnitChanged("org-unit.create", unit.id(), unit.level() + " " + unit.name()));
        return views(List.of(unit)).get(0);
    }

    @Operation(summary = "Rename a unit or bind it to another area")
    @PutMapping("/{id}")
    OrgUnitView update(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody UpdateForm form) {
        OrgUnit unit = forChange(actor, id, form.version());
        Area area = writableArea(actor, form.areaId());
        String name = form.name().strip();
        if (!name.equals(unit.name()) && units.existsByParentIdAndName(unit.parentId(), name)) {
            throw new ConflictException("conflict", "org-unit.name.taken", name);
        }
        unit.update(name, area, levels);
        units.saveAndFlush(unit);
        events.publishEvent(new OrgUnitChanged("org-unit.update", unit.id(), unit.name()));
        return views(List.of(unit)).get(0);
    }

    @Operation(summary = "Move a unit and its subtree under another unit")
    @PostMapping("/{id}/move")
    OrgUnitView move(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody MoveForm form) {
        OrgUnit unit = forChange(actor, id, form.version());
        OrgUnit newParent = units.findById(form.parentId()).orElseThrow(() -> new NotFoundException("OrgUnit"));
        permissions.checkChange(actor, OrganizationPermissions.ORG_UNIT_READ, OrganizationPermissions.ORG_UNIT_WRITE,
                newParent.areaPath(), "OrgUnit");
        if (Objects.equals(unit.parentId(), newParent.id())) {
            return views(List.of(unit)).get(0);
        }
        String oldPath = unit.moveTo(newParent, levels);
        units.saveAndFlush(unit);
        units.rewritePaths(oldPath, oldPath.length(), unit.path());
        events.publishEvent(new OrgUnitChanged("org-unit.move", unit.id(), oldPath + " -> " + unit.path()));
        return views(List.of(units.findById(id).orElseThrow())).get(0);
    }

    @Operation(summary = "Delete a unit without children")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@CurrentUser Actor actor, @PathVariable long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("OrgUnit"));
        permissions.checkChange(actor, OrganizationPermissions.ORG_UNIT_READ, OrganizationPermissions.ORG_UNIT_WRITE,
                unit.areaPath(), "OrgUnit");
        if (units.existsByParentId(unit.id())) {
            throw new ConflictException("conflict", "org-unit.delete.has-children", unit.name());
        }
        units.delete(unit);
        units.flush();
        events.publishEvent(new OrgUnitChanged("org-unit.delete", unit.id(), unit.name()));
    }

    private OrgUnit visible(Actor actor, long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("OrgUnit"));
        permissions.checkVisible(actor, OrganizationPermissions.ORG_UNIT_READ, unit.areaPath(), "OrgUnit");
        return unit;
    }

    private OrgUnit forChange(Actor actor, long id, Long version) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("OrgUnit"));
        permissions.checkChange(actor, OrganizationPermissions.ORG_UNIT_READ, OrganizationPermissions.ORG_UNIT_WRITE,
                unit.areaPath(), "OrgUnit");
        if (!version.equals(unit.version())) {
            throw new OptimisticLockingFailureException("org unit " + id + " changed meanwhile");
        }
        return unit;
    }

    private Area writableArea(Actor actor, long areaId) {
        Area area = areas.findById(areaId).orElseThrow(() -> new NotFoundException("Area"));
        if (!actor.scopeFor(OrganizationPermissions.ORG_UNIT_WRITE).contains(area.path())) {
            throw new NotFoundException("Area");
        }
        return area;
    }

    private List<OrgUnitView> views(List<OrgUnit> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Collection<Long> unitIds = list.stream().map(OrgUnit::id).toList();
        Map<Long, Long> counts = new HashMap<>();
        units.countChildren(unitIds).forEach(c -> counts.put(c.getParentId(), c.getChildren()));
        Map<Long, String> areaNames = areas.findAllById(list.stream().map(OrgUnit::areaId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Area::id, Area::name));
        Locale locale = LocaleContextHolder.getLocale();
        return list.stream().map(u -> new OrgUnitView(u.id(), u.parentId(), u.level(), levels.label(u.level(), locale),
                u.name(), u.areaId(), areaNames.get(u.areaId()), counts.getOrDefault(u.id(), 0L), u.version())).toList();
    }
}
