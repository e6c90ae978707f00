package org.lianxin.resident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.OrgUnits;
import org.lianxin.organization.OrgUnits.OrgUnitRef;
import org.lianxin.resident.ResidentEvents.HouseholdChanged;
import org.lianxin.resident.ResidentViews.HouseholdView;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Households (户) in buildings: listed by building or by any area above, created, renumbered and moved. */
@Tag(name = "居民台账 Households")
@RestController
@RequestMapping("/api/v1/households")
@Transactional
class HouseholdController {

    record HouseholdForm(@NotNull Long buildingId, @NotBlank @Size(max = 50) String doorNumber) {
    }

    record RenumberForm(@NotBlank @Size(max = 50) String doorNumber, @NotNull Long version) {
    }

    /** Households into a responsibility zone, or out of their zone when {@code zoneId} is empty. */
    record ZoneForm(@NotEmpty @Size(max = 200) List<Long> householdIds, Long zoneId) {
    }

    record ZoneResult(Long zoneId, String zoneName, List<HouseholdView> households) {
    }

    record MoveForm(@NotNull Long buildingId, @Size(max = 50) String doorNumber, @NotNull Long version) {
    }

    private final HouseholdRepository households;
    private final ResidentRepository residents;
    private final ResidentPermissions permissions;
    private final ResidentViews views;
    private final Areas areas;
    private final OrgUnits orgUnits;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HouseholdController(HouseholdRepository households, ResidentRepository residents, ResidentPermissions permissions,
                        ResidentViews views, Areas areas, OrgUnits orgUnits, Ids ids, ApplicationEventPublisher events,
                        Clock clock) {
        this.orgUnits = orgUnits;
        this.households = households;
        this.residents = residents;
        this.permissions = permissions;
        this.views = views;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Households in the caller's areas, by building or any area above it, or by door number")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<HouseholdView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long buildingId,
                                 @RequestParam(required = false) Long areaId, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) Long zoneId,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        permissions.require(actor, ResidentPermissions.HOUSEHOLD_READ);
        String under = areaId == null ? null : areas.find(areaId).map(AreaRef::path).orElse("/none/");
        Specification<Household> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"),
                    actor.scopeFor(ResidentPermissions.HOUSEHOLD_READ)));
            if (buildingId != null) {
                all.add(cb.equal(root.get("buildingId"), buildingId));
            }
            if (under != null) {
                all.add(cb.like(root.get("areaPath"), under + "%"));
            }
            if (zoneId != null) {
                all.add(cb.equal(root.get("zoneId"), zoneId));
            }
            if (q != null && !q.isBlank()) {
                all.add(cb.like(root.get("doorNumber"), "%" + q.strip().replace("%", "").replace("_", "") + "%"));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Page<Household> result = households.findAll(spec, Paging.of(page, size, Sort.by("areaPath", "doorNumber", "id")));
        Map<Long, List<Resident>> members = residents.findByHouseholdIdInOrderById(
                        result.getContent().stream().map(Household::id).toList()).stream()
                .collect(Collectors.groupingBy(Resident::householdId));
        var places = views.places(result.getContent().stream().map(Household::areaPath).toList());
        boolean withResidents = actor.has(ResidentPermissions.RESIDENT_READ);
        Map<Long, String> zones = views.zoneNames(result.getContent());
        return PageView.of(result, h -> views.household(h, members.getOrDefault(h.id(), List.of()), places,
                withResidents && actor.scopeFor(ResidentPermissions.RESIDENT_READ).contains(h.areaPath()), zones));
    }

    @Operation(summary = "The households the caller lives in (a resident's own account)")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<HouseholdView> mine(@CurrentUser Actor actor) {
        permissions.require(actor, ResidentPermissions.HOUSEHOLD_OWN);
        List<Long> householdIds = residents.findByAccountId(actor.accountId()).stream().map(Resident::householdId)
                .distinct().toList();
        List<Household> list = households.findByIdIn(householdIds);
        var places = views.places(list.stream().map(Household::areaPath).toList());
        return list.stream().map(h -> views.household(h, residents.findByHouseholdIdOrderById(h.id()), places, true))
                .toList();
    }

    @Operation(summary = "One household with its residents")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    HouseholdView get(@CurrentUser Actor actor, @PathVariable long id) {
        Household household = households.findById(id).orElseThrow(() -> new NotFoundException("Household"));
        permissions.checkVisible(actor, ResidentPermissions.HOUSEHOLD_READ, ResidentPermissions.HOUSEHOLD_WRITE,
                household.areaPath(), "Household");
        return view(actor, household);
    }

    @Operation(summary = "Record a household in a building")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView create(@CurrentUser Actor actor, @Valid @RequestBody HouseholdForm form) {
        AreaRef building = building(actor, form.buildingId());
        String door = form.doorNumber().strip();
        if (households.existsByBuildingIdAndDoorNumber(building.id(), door)) {
            throw new ConflictException("conflict", "household.door.taken", door);
        }
        Household household = households.save(new Household(ids.next("household_seq"), building, door, clock.instant()));
        events.publishEvent(new HouseholdChanged("household.create", household.id(), building.name() + " " + door));
        return view(actor, household);
    }

    @Operation(summary = "Change a household's door number")
    @PutMapping("/{id}")
    HouseholdView renumber(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody RenumberForm form) {
        Household household = writable(actor, id);
        checkVersion(household, form.version());
        String door = form.doorNumber().strip();
        if (!door.equals(household.doorNumber()) && households.existsByBuildingIdAndDoorNumber(household.buildingId(), door)) {
            throw new ConflictException("conflict", "household.door.taken", door);
        }
        household.renumber(door);
        households.saveAndFlush(household);
        events.publishEvent(new HouseholdChanged("household.update", household.id(), door));
        return view(actor, household);
    }

    @Operation(summary = "Put households into a responsibility zone (划入责任区), or take them out of their zone "
            + "(zoneId empty); the zone's grid must contain each of them")
    @PostMapping("/responsibility-zone")
    ZoneResult placeInZone(@CurrentUser Actor actor, @Valid @RequestBody ZoneForm form) {
        List<Long> wanted = form.householdIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<Household> list = households.findByIdIn(wanted);
        for (Household household : list) {
            permissions.checkVisible(actor, ResidentPermissions.HOUSEHOLD_READ, ResidentPermissions.HOUSEHOLD_WRITE,
                    household.areaPath(), "Household");
        }
        if (list.size() != wanted.size()) {
            throw new NotFoundException("Household");
        }
        for (Household household : list) {
            permissions.checkChange(actor, ResidentPermissions.HOUSEHOLD_READ, ResidentPermissions.HOUSEHOLD_WRITE,
                    household.areaPath(), "Household");
        }
        OrgUnitRef zone = null;
        String gridPath = null;
        if (form.zoneId() != null) {
            zone = orgUnits.find(form.zoneId()).filter(z -> "RESPONSIBILITY_ZONE".equals(z.level()))
                    .orElseThrow(() -> new InvalidInputException("zoneId", "household.zone.not-a-zone"));
            if (!actor.scopeFor(ResidentPermissions.HOUSEHOLD_READ).contains(zone.areaPath())
                    && !actor.scopeFor(ResidentPermissions.HOUSEHOLD_WRITE).contains(zone.areaPath())) {
                throw new NotFoundException("OrgUnit");
            }
            gridPath = branchAreaPath(zone);
        }
        List<InvalidInputException.FieldProblem> outside = new ArrayList<>();
        for (Household household : list) {
            try {
                household.placeInZone(zone == null ? null : zone.id(), gridPath);
            } catch (InvalidInputException e) {
                outside.addAll(e.problems());
            }
        }
        if (!outside.isEmpty()) {
            throw new InvalidInputException("validation", outside);
        }
        households.saveAllAndFlush(list);
        for (Household household : list) {
            events.publishEvent(new HouseholdChanged(zone == null ? "household.zone.leave" : "household.zone.join",
                    household.id(), household.doorNumber() + (zone == null ? "" : " -> " + zone.name())));
        }
        var places = views.places(list.stream().map(Household::areaPath).toList());
        Map<Long, String> zones = views.zoneNames(list);
        return new ZoneResult(zone == null ? null : zone.id(), zone == null ? null : zone.name(),
                list.stream().map(h -> views.household(h, List.of(), places, false, zones)).toList());
    }

    /** A zone sits under a group under a grid branch; the branch's area is the grid its households must lie in. */
    private String branchAreaPath(OrgUnitRef zone) {
        OrgUnitRef unit = zone;
        for (int i = 0; i < 5 && unit != null; i++) {
            if ("GRID_BRANCH".equals(unit.level())) {
                return unit.areaPath();
            }
            unit = unit.parentId() == null ? null : orgUnits.find(unit.parentId()).orElse(null);
        }
        return zone.areaPath();
    }

    @Operation(summary = "Move a household to another building; its residents follow")
    @PostMapping("/{id}/move")
    HouseholdView move(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody MoveForm form) {
        Household household = writable(actor, id);
        checkVersion(household, form.version());
        AreaRef building = building(actor, form.buildingId());
        String door = form.doorNumber() == null || form.doorNumber().isBlank() ? household.doorNumber()
                : form.doorNumber().strip();
        if (households.findByBuildingIdAndDoorNumber(building.id(), door).filter(h -> !h.id().equals(household.id()))
                .isPresent()) {
            throw new ConflictException("conflict", "household.door.taken", door);
        }
        String from = household.areaPath();
        household.moveTo(building, door);
        households.saveAndFlush(household);
        residents.followHousehold(household.id(), household.areaPath());
        events.publishEvent(new HouseholdChanged("household.move", household.id(), from + " -> " + household.areaPath()));
        return view(actor, household);
    }

    /** A building the caller may write households in: invisible answers 404, visible but read-only 403. */
    private AreaRef building(Actor actor, long buildingId) {
        AreaRef building = areas.find(buildingId).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkChange(actor, ResidentPermissions.HOUSEHOLD_READ, ResidentPermissions.HOUSEHOLD_WRITE,
                building.path(), "Area");
        return building;
    }

    private Household writable(Actor actor, long id) {
        Household household = households.findById(id).orElseThrow(() -> new NotFoundException("Household"));
        permissions.checkChange(actor, ResidentPermissions.HOUSEHOLD_READ, ResidentPermissions.HOUSEHOLD_WRITE,
                household.areaPath(), "Household");
        return household;
    }

    private static void checkVersion(Household household, Long version) {
        if (!version.equals(household.version())) {
            throw new OptimisticLockingFailureException("household " + household.id() + " changed meanwhile");
        }
    }

    private HouseholdView view(Actor actor, Household household) {
        var places = views.places(List.of(household.areaPath()));
        boolean withResidents = actor.scopeFor(ResidentPermissions.RESIDENT_READ).contains(household.areaPath());
        return views.household(household, residents.findByHouseholdIdOrderById(household.id()), places, withResidents);
    }
}
