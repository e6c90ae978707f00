package org.lianxin.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.i18n.LocaleContextHolder;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Tag(name = "区域网格 Areas")
@RestController
@RequestMapping("/api/v1/areas")
class AreaController {

    /** Children in the order people number them: by code (网格一, 二, 三 sort wrongly by name), then as created. */
    private static final Sort BY_NAME = Sort.by("level", "code", "id");

    private final AreaRepository areas;
    private final AreaService service;
    private final AreaLevels levels;
    private final OrganizationPermissions permissions;
    private final JsonMapper json = JsonMapper.builder().build();

    AreaController(AreaRepository areas, AreaService service, AreaLevels levels, OrganizationPermissions permissions) {
        this.areas = areas;
        this.service = service;
        this.levels = levels;
        this.permissions = permissions;
    }

    record LevelView(String code, String label, List<String> parents) {
    }

    @Operation(summary = "The configured levels of the area tree, top first")
    @GetMapping("/levels")
    List<LevelView> levels(@CurrentUser Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        return levels.all().stream().map(l -> new LevelView(l.code(), l.label(locale), l.parents())).toList();
    }

    @Operation(summary = "The top nodes the caller may see: one per role assignment, nested ones folded")
    @GetMapping("/roots")
    @Transactional(readOnly = true)
    List<AreaView> roots(@CurrentUser Actor actor) {
        Scope scope = actor.scopeFor(OrganizationPermissions.AREA_READ);
        List<Area> roots = areas.findByPathIn(scope.prefixes());
        return views(roots.stream().sorted(java.util.Comparator.comparing(Area::path)).toList());
    }

    @Operation(summary = "Children of a node, or every area in scope matching level and name")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<AreaView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long parentId,
                            @RequestParam(required = false) String level, @RequestParam(required = false) String q,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope scope = actor.scopeFor(OrganizationPermissions.AREA_READ);
        Specification<Area> spec = ScopeSpecification.within(scope, "path");
        if (parentId != null) {
            Area parent = visible(actor, parentId);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("parentId"), parent.id()));
        }
        if (level != null && !level.isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("level"), level));
        }
        if (q != null && !q.isBlank()) {
            String pattern = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.like(root.get("name"), pattern, '\\'));
        }
        Page<Area> result = areas.findAll(spec, Paging.of(page, size, BY_NAME));
        Map<Long, Long> counts = childCounts(result.getContent().stream().map(Area::id).toList());
        Locale locale = LocaleContextHolder.getLocale();
        return PageView.of(result, a -> summary(a, counts.getOrDefault(a.id(), 0L), locale));
    }

    @Operation(summary = "One area with its breadcrumb")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    AreaView get(@CurrentUser Actor actor, @PathVariable long id) {
        Area area = visible(actor, id);
        Scope scope = actor.scopeFor(OrganizationPermissions.AREA_READ);
        List<String> ancestorPaths = new ArrayList<>();
        String path = area.path();
        for (int i = path.indexOf('/', 1); i > 0 && i < path.length() - 1; i = path.indexOf('/', i + 1)) {
            ancestorPaths.add(path.substring(0, i + 1));
        }
        List<AreaView.Crumb> crumbs = areas.findByPathIn(ancestorPaths).stream()
                .filter(a -> scope.contains(a.path()))
                .sorted(java.util.Comparator.comparingInt(a -> a.path().length()))
                .map(a -> new AreaView.Crumb(a.id(), a.name(), a.level())).toList();
        return view(area, childCounts(List.of(area.id())).getOrDefault(area.id(), 0L), crumbs,
                LocaleContextHolder.getLocale());
    }

    @Operation(summary = "GeoJSON FeatureCollection of the node and its children that have a boundary")
    @GetMapping("/{id}/map")
    @Transactional(readOnly = true)
    JsonNode map(@CurrentUser Actor actor, @PathVariable long id) {
        Area area = visible(actor, id);
        Locale locale = LocaleContextHolder.getLocale();
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        if (area.boundary() != null) {
            features.add(feature(area, "self", locale));
        }
        for (Area child : areas.findByParentIdAndBoundaryIsNotNull(area.id())) {
            features.add(feature(child, "child", locale));
        }
        return collection;
    }

    @Operation(summary = "Add a node under a parent the caller may change")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AreaView create(@CurrentUser Actor actor, @Valid @RequestBody AreaForms.Create form) {
        Area area = service.create(actor, form);
        return view(area, 0, List.of(), LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Rename a node, change its code or boundary")
    @PutMapping("/{id}")
    AreaView update(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody AreaForms.Update form) {
        Area area = service.update(actor, id, form);
        return view(area, childCounts(List.of(area.id())).getOrDefault(area.id(), 0L), List.of(),
                LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Move a node and its subtree under another parent")
    @PostMapping("/{id}/move")
    AreaView move(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody AreaForms.Move form) {
        Area area = service.move(actor, id, form);
        return view(area, childCounts(List.of(area.id())).getOrDefault(area.id(), 0L), List.of(),
                LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Delete a node that has no children and is not in use")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@CurrentUser Actor actor, @PathVariable long id) {
        service.delete(actor, id);
    }

    private Area visible(Actor actor, long id) {
        Area area = areas.findById(id).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkVisible(actor, OrganizationPermissions.AREA_READ, area.path(), "Area");
        return area;
    }

    private ObjectNode feature(Area area, String role, Locale locale) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.putObject("properties").put("id", area.id()).put("name", area.name()).put("level", area.level())
                .put("levelLabel", levels.label(area.level(), locale)).put("role", role);
        feature.set("geometry", Boundary.read(area.boundary()));
        return feature;
    }

    private Map<Long, Long> childCounts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        areas.countChildren(ids).forEach(c -> counts.put(c.getParentId(), c.getChildren()));
        return counts;
    }

    private List<AreaView> views(List<Area> list) {
        Map<Long, Long> counts = childCounts(list.stream().map(Area::id).toList());
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, AreaView> byId = new LinkedHashMap<>();
        list.forEach(a -> byId.put(a.id(), summary(a, counts.getOrDefault(a.id(), 0L), locale)));
        return List.copyOf(byId.values());
    }

    /** For lists: without the boundary, which only the detail and the map carry. */
    private AreaView summary(Area area, long childCount, Locale locale) {
        return new AreaView(area.id(), area.parentId(), area.level(), levels.label(area.level(), locale), area.name(),
                area.code(), area.path(), childCount, null, List.of(), area.version());
    }

    private AreaView view(Area area, long childCount, List<AreaView.Crumb> ancestors, Locale locale) {
        return new AreaView(area.id(), area.parentId(), area.level(), levels.label(area.level(), locale), area.name(),
                area.code(), area.path(), childCount, Boundary.read(area.boundary()), ancestors, area.version());
    }
}
