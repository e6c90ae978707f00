package org.lianxin.resident;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households of responsibility zones as other modules may ask about them (the public board and
 * the responsibility cards print them); read-only, no personal data: places, door numbers, how many
 * people live there and how many carry each tag.
 */
@Component
@Transactional(readOnly = true)
public class Households {

    /**
     * A household as a zone's list shows it. {@code tagCounts}: tag code (LIVING_ALONE, ELDERLY, DISABLED,
     * RENTAL, MINOR, KEY_CARE) → residents carrying it, only the tags present.
     */
    public record HouseholdRef(long id, long buildingId, String compoundName, String buildingName, String doorNumber,
                               Long zoneId, int residentCount, Map<String, Integer> tagCounts) {
    }

    private final HouseholdRepository households;
    private final ResidentRepository residents;
    private final Areas areas;

    Households(HouseholdRepository households, ResidentRepository residents, Areas areas) {
        this.households = households;
        this.residents = residents;
        this.areas = areas;
    }

    /** The households of these zones, by building and door number. */
    public List<HouseholdRef> inZones(Collection<Long> zoneIds) {
        if (zoneIds.isEmpty()) {
            return List.of();
        }
        List<Household> list = households.findByZoneIdInOrderByAreaPathAscDoorNumberAscIdAsc(zoneIds);
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Resident>> people = residents.findByHouseholdIdInOrderById(list.stream().map(Household::id).toList())
                .stream().collect(Collectors.groupingBy(Resident::householdId));
        Map<Long, AreaRef> places = areas.findAll(list.stream().flatMap(h -> java.util.stream.Stream.of(h.buildingId(),
                ResidentViews.parentId(h.areaPath()))).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(AreaRef::id, a -> a));
        return list.stream().map(h -> {
            List<Resident> living = people.getOrDefault(h.id(), List.of());
            Map<ResidentTag, Integer> counts = new EnumMap<>(ResidentTag.class);
            living.forEach(r -> r.tags().forEach(t -> counts.merge(t, 1, Integer::sum)));
            Map<String, Integer> tagCounts = new LinkedHashMap<>();
            counts.forEach((tag, n) -> tagCounts.put(tag.name(), n));
            AreaRef building = places.get(h.buildingId());
            AreaRef compound = places.get(ResidentViews.parentId(h.areaPath()));
            return new HouseholdRef(h.id(), h.buildingId(), compound == null ? null : compound.name(),
                    building == null ? null : building.name(), h.doorNumber(), h.zoneId(), living.size(), tagCounts);
        }).toList();
    }

    /**
     * A household with its area path and who lives there, for the 1+n contact and visits: the first
     * resident's name (the householder where one is recorded) and each resident's tag codes.
     */
    public record Located(HouseholdRef household, String areaPath, String householder, List<java.util.Set<String>> residentTags) {
    }

    /** These households (those that exist), each with its path, householder and residents' tags. */
    public List<Located> find(Collection<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        List<Household> list = households.findByIdIn(householdIds);
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Resident>> people = residents.findByHouseholdIdInOrderById(list.stream().map(Household::id).toList())
                .stream().collect(Collectors.groupingBy(Resident::householdId));
        Map<Long, AreaRef> places = areas.findAll(list.stream().flatMap(h -> java.util.stream.Stream.of(h.buildingId(),
                ResidentViews.parentId(h.areaPath()))).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(AreaRef::id, a -> a));
        return list.stream().map(h -> {
            List<Resident> living = people.getOrDefault(h.id(), List.of());
            Map<String, Integer> tagCounts = new LinkedHashMap<>();
            living.forEach(r -> r.tags().forEach(t -> tagCounts.merge(t.name(), 1, Integer::sum)));
            AreaRef building = places.get(h.buildingId());
            AreaRef compound = places.get(ResidentViews.parentId(h.areaPath()));
            HouseholdRef ref = new HouseholdRef(h.id(), h.buildingId(), compound == null ? null : compound.name(),
                    building == null ? null : building.name(), h.doorNumber(), h.zoneId(), living.size(), tagCounts);
            String householder = living.stream().filter(r -> r.relation() == Relation.HOUSEHOLDER).map(Resident::name)
                    .findFirst().orElse(living.isEmpty() ? null : living.get(0).name());
            return new Located(ref, h.areaPath(), householder, living.stream()
                    .map(r -> (java.util.Set<String>) r.tags().stream().map(Enum::name).collect(Collectors.toSet())).toList());
        }).toList();
    }

    /** The id of the household at this door of this building, if recorded. */
    public java.util.Optional<Long> idAt(long buildingId, String doorNumber) {
        return households.findByBuildingIdAndDoorNumber(buildingId, doorNumber).map(Household::id);
    }

    /** Zone id → number of households in it (zones without any are absent). */
    public Map<Long, Integer> countByZone(Collection<Long> zoneIds) {
        if (zoneIds.isEmpty()) {
            return Map.of();
        }
        return households.findByZoneIdInOrderByAreaPathAscDoorNumberAscIdAsc(zoneIds).stream()
                .collect(Collectors.groupingBy(Household::zoneId, Collectors.summingInt(h -> 1)));
    }
}
