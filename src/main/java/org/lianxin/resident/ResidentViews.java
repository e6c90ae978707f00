package org.lianxin.resident;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.OrgUnits;
import org.lianxin.organization.OrgUnits.OrgUnitRef;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.springframework.stereotype.Component;

/** What clients get: numbers masked, places named (compound and building). */
@Component
class ResidentViews {

    record HouseholdView(long id, long buildingId, String buildingName, String compoundName, String doorNumber,
                         int residentCount, List<ResidentView> residents, Long zoneId, String zoneName, long version) {
    }

    record ResidentView(long id, long householdId, String doorNumber, long buildingId, String buildingName,
                        String compoundName, String name, String idNumber, String phone, String gender,
                        LocalDate birthDate, int age, String relation, List<String> tags, boolean hasAccount,
                        long version) {
    }

    /** The compound and building names of a set of building paths, looked up once. */
    record Places(Map<Long, AreaRef> byId) {
        String building(long id) {
            AreaRef ref = byId.get(id);
            return ref == null ? null : ref.name();
        }

        String compoundOf(String buildingPath) {
            Long parent = parentId(buildingPath);
            AreaRef ref = parent == null ? null : byId.get(parent);
            return ref == null ? null : ref.name();
        }
    }

    private final Areas areas;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final OrgUnits orgUnits;

    ResidentViews(Areas areas, PersonalDataCipher cipher, Clock clock, OrgUnits orgUnits) {
        this.areas = areas;
        this.orgUnits = orgUnits;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The id of the area above the last one in a path: the compound of a building. */
    static Long parentId(String path) {
        String[] parts = path.split("/");
        return parts.length >= 3 ? Long.valueOf(parts[parts.length - 2]) : null;
    }

    Places places(Collection<String> buildingPaths) {
        Set<Long> ids = new HashSet<>();
        for (String path : buildingPaths) {
            String[] parts = path.split("/");
            ids.add(Long.valueOf(parts[parts.length - 1]));
            Long parent = parentId(path);
            if (parent != null) {
                ids.add(parent);
            }
        }
        return new Places(ids.isEmpty() ? Map.of()
                : areas.findAll(ids).stream().collect(Collectors.toMap(AreaRef::id, a -> a)));
    }

    HouseholdView household(Household h, List<Resident> residents, Places places, boolean withResidents) {
        return household(h, residents, places, withResidents, zoneNames(List.of(h)));
    }

    HouseholdView household(Household h, List<Resident> residents, Places places, boolean withResidents,
                            Map<Long, String> zoneNames) {
        return new HouseholdView(h.id(), h.buildingId(), places.building(h.buildingId()), places.compoundOf(h.areaPath()),
                h.doorNumber(), residents.size(),
                withResidents ? residents.stream().map(r -> resident(r, h, places)).toList() : List.of(),
                h.zoneId(), h.zoneId() == null ? null : zoneNames.get(h.zoneId()), h.version() == null ? 0 : h.version());
    }

    /** The names of the responsibility zones these households are in, looked up once. */
    Map<Long, String> zoneNames(Collection<Household> list) {
        Set<Long> ids = list.stream().map(Household::zoneId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of()
                : orgUnits.findAll(ids).stream().collect(Collectors.toMap(OrgUnitRef::id, OrgUnitRef::name));
    }

    ResidentView resident(Resident r, Household h, Places places) {
        return new ResidentView(r.id(), r.householdId(), h.doorNumber(), h.buildingId(), places.building(h.buildingId()),
                places.compoundOf(h.areaPath()), r.name(), IdNumber.mask(cipher.open(r.idNumberCipher())),
                PhoneNumber.mask(cipher.open(r.phoneCipher())), r.gender(), r.birthDate(),
                Period.between(r.birthDate(), LocalDate.now(clock)).getYears(), r.relation().name(),
                r.tags().stream().map(Enum::name).toList(), r.accountId() != null, r.version() == null ? 0 : r.version());
    }
}
