package org.lianxin.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.PartyMembers;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.Residents;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Scope;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The map a reporter picks a case's place on (在地图上选点): the boundaries of the grids and micro-grids of the place he
 * reports in, for everyone allowed to report — residents and members too, who may not read the area tree. Which place
 * is never asked: a grid worker his grid, other staff the area of their grant, a resident the community of his
 * household, a member the community he registered with. Only boundaries and names of areas, no personal data.
 */
@Tag(name = "案件 Cases")
@RestController
@RequestMapping("/api/v1/cases/report-map")
@Transactional(readOnly = true)
class ReportMapController {

    /** Roles that report for themselves: their map is their home or registered community, not the grant's area. */
    private static final Set<String> PEOPLE = Set.of("RESIDENT", "MEMBER", "BUILDING_LEADER", "PARTNER_CONTACT");

    private final CaseworkPermissions permissions;
    private final Areas areas;
    private final Residents residents;
    private final PartyMembers members;
    private final JsonMapper json = JsonMapper.builder().build();

    ReportMapController(CaseworkPermissions permissions, Areas areas, Residents residents, PartyMembers members) {
        this.permissions = permissions;
        this.areas = areas;
        this.residents = residents;
        this.members = members;
    }

    @Operation(summary = "GeoJSON FeatureCollection of the caller's reporting area (role self) and the grids and "
            + "micro-grids in it (role child) that have a boundary; empty when none is drawn")
    @GetMapping
    JsonNode map(@CurrentUser Actor actor) {
        permissions.checkReport(actor);
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        Optional<AreaRef> where = reportingArea(actor);
        if (where.isEmpty()) {
            return collection;
        }
        AreaRef self = where.get();
        List<AreaRef> inside = new ArrayList<>();
        for (AreaRef child : areas.children(self.id())) {
            if (isGrid(child)) {
                inside.add(child);
                inside.addAll(areas.children(child.id(), "MICRO_GRID"));
            }
        }
        List<Long> ids = new ArrayList<>(List.of(self.id()));
        inside.forEach(a -> ids.add(a.id()));
        Map<Long, JsonNode> shapes = areas.boundaries(ids);
        if (shapes.containsKey(self.id())) {
            features.add(feature(self, "self", shapes.get(self.id())));
        }
        inside.stream().filter(a -> shapes.containsKey(a.id()))
                .forEach(a -> features.add(feature(a, "child", shapes.get(a.id()))));
        return collection;
    }

    /**
     * Staff: the area of their first grant that may report (a grid worker's grid, a secretary's community); a
     * resident: the community of his household; a member: his registered community; else the community above a
     * reporting grant.
     */
    private Optional<AreaRef> reportingArea(Actor actor) {
        Scope report = actor.scopeFor(CaseworkPermissions.CASE_REPORT);
        List<Actor.Grant> grants = actor.grants().stream().filter(g -> report.contains(g.areaPath())).toList();
        Optional<AreaRef> staff = grants.stream().filter(g -> !PEOPLE.contains(g.role())).findFirst()
                .flatMap(g -> areas.find(g.areaId()));
        if (staff.isPresent()) {
            return staff;
        }
        Optional<AreaRef> home = residents.ofAccount(actor.accountId()).flatMap(r -> community(r.areaPath()));
        if (home.isPresent()) {
            return home;
        }
        Optional<AreaRef> registered = members.ofAccount(actor.accountId()).flatMap(m -> areas.find(m.communityId()));
        if (registered.isPresent()) {
            return registered;
        }
        return grants.stream().map(g -> community(g.areaPath())).flatMap(Optional::stream).findFirst();
    }

    private Optional<AreaRef> community(String path) {
        return areas.along(path).stream().filter(a -> "COMMUNITY".equals(a.level())).findFirst();
    }

    private static boolean isGrid(AreaRef area) {
        return "GRID".equals(area.level()) || "MICRO_GRID".equals(area.level());
    }

    private ObjectNode feature(AreaRef area, String role, JsonNode geometry) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.putObject("properties").put("id", area.id()).put("name", area.name()).put("level", area.level())
                .put("role", role);
        feature.set("geometry", geometry);
        return feature;
    }
}
