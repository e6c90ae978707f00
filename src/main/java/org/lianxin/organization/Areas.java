package org.lianxin.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The area tree as other modules may ask about it: small read-only queries, never the repository. */
@Component
@Transactional(readOnly = true)
public class Areas {

    /** What other modules know of an area. */
    public record AreaRef(long id, String level, String name, String path) {
    }

    private final AreaRepository areas;

    Areas(AreaRepository areas) {
        this.areas = areas;
    }

    public Optional<AreaRef> find(long id) {
        return areas.findById(id).map(Areas::ref);
    }

    public List<AreaRef> findAll(Collection<Long> ids) {
        return areas.findAllById(ids).stream().map(Areas::ref).toList();
    }

    /** The first area with this name and level; for demo data and imports that name places. */
    public Optional<AreaRef> findByName(String name, String level) {
        return areas.findFirstByNameAndLevel(name, level).map(Areas::ref);
    }

    /**
     * The areas of a level with exactly this name inside a part of the tree (at most 20 per prefix): how a spreadsheet
     * import finds the community or building a line names, never outside the uploader's scope.
     */
    public List<AreaRef> named(String name, String level, org.lianxin.shared.Scope scope) {
        return scope.prefixes().stream()
                .flatMap(prefix -> areas.findTop20ByNameAndLevelAndPathStartingWith(name, level, prefix).stream())
                .map(Areas::ref).distinct().toList();
    }

    /** The children of an area (at most 1,000, by name); for demo data and imports that name places. */
    public List<AreaRef> children(long parentId) {
        return areas.findByParentId(parentId, org.springframework.data.domain.PageRequest.of(0, 1000,
                org.springframework.data.domain.Sort.by("name"))).stream().map(Areas::ref).toList();
    }

    /** The children of an area at one level (e.g. a community's grids), by name. */
    public List<AreaRef> children(long id, String level) {
        return areas.findByParentId(id, org.springframework.data.domain.PageRequest.of(0, 1000,
                org.springframework.data.domain.Sort.by("name"))).stream()
                .filter(a -> level == null || level.equals(a.level())).map(Areas::ref).toList();
    }

    /**
     * The drawn boundaries (GeoJSON geometries, WGS-84) of these areas, by id; areas without one are left out. For maps
     * other modules draw; a boundary is a place, never personal data.
     */
    public java.util.Map<Long, tools.jackson.databind.JsonNode> boundaries(Collection<Long> ids) {
        java.util.Map<Long, tools.jackson.databind.JsonNode> found = new java.util.HashMap<>();
        areas.findAllById(ids).stream().filter(a -> a.boundary() != null)
                .forEach(a -> found.put(a.id(), Boundary.read(a.boundary())));
        return found;
    }

    private static AreaRef ref(Area area) {
        return new AreaRef(area.id(), area.level(), area.name(), area.path());
    }

    /**
     * The smallest grid (level GRID or MICRO_GRID) whose boundary contains the WGS-84 point, if any: where a case
     * reported at that point belongs. Boundaries are read on every call, so an edited polygon routes at once.
     */
    public Optional<AreaRef> smallestGridContaining(double longitude, double latitude) {
        org.locationtech.jts.geom.Point point = new org.locationtech.jts.geom.GeometryFactory(
                new org.locationtech.jts.geom.PrecisionModel(), 4326)
                .createPoint(new org.locationtech.jts.geom.Coordinate(longitude, latitude));
        Area best = null;
        double bestSize = Double.MAX_VALUE;
        for (Area area : areas.findByLevelInAndBoundaryIsNotNull(List.of("GRID", "MICRO_GRID"))) {
            org.locationtech.jts.geom.Geometry shape = Boundary.toGeometry(area.boundary());
            if (shape != null && shape.covers(point) && shape.getArea() < bestSize) {
                best = area;
                bestSize = shape.getArea();
            }
        }
        return Optional.ofNullable(best).map(Areas::ref);
    }

    /** The areas on a materialized path, from the root down to the area itself. */
    public List<AreaRef> along(String path) {
        List<Long> ids = java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).map(Long::parseLong).toList();
        java.util.Map<Long, AreaRef> found = new java.util.HashMap<>();
        findAll(ids).forEach(a -> found.put(a.id(), a));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }
}
