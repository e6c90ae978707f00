package org.lianxin.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Partner units as other modules may ask about them (e.g. a unit registering with a community); read-only. */
@Component
@Transactional(readOnly = true)
public class PartnerUnits {

    /** What other modules know of a partner unit: its name, where it was recorded, and its contacts' logins. */
    public record PartnerUnitRef(long id, String name, String areaPath, List<Long> contactAccountIds) {
    }

    private final PartnerUnitRepository units;

    PartnerUnits(PartnerUnitRepository units) {
        this.units = units;
    }

    public Optional<PartnerUnitRef> find(long id) {
        return units.findById(id).map(PartnerUnits::ref);
    }

    /** The unit with this name; for demo data and imports that name units. */
    public Optional<PartnerUnitRef> findByName(String name) {
        return units.findFirstByName(name).map(PartnerUnits::ref);
    }

    /** The units whose contact the account is. */
    public List<PartnerUnitRef> ofContact(long accountId) {
        return units.findByContactAccount(accountId).stream().map(PartnerUnits::ref).toList();
    }

    /** The paths of the communities a unit is paired with now (结对共建), e.g. whose wishes it may claim. */
    public List<String> pairedCommunityPaths(long unitId) {
        return units.findById(unitId).map(u -> u.pairings().stream().filter(PartnerPairing::active)
                .map(PartnerPairing::communityPath).distinct().toList()).orElse(List.of());
    }

    /** The units actively paired with the community containing the path (its open pool for needs), by id. */
    public List<PartnerUnitRef> pairedAt(String areaPath) {
        return units.pairedAt(areaPath).stream().map(PartnerUnits::ref).toList();
    }

    private static PartnerUnitRef ref(PartnerUnit unit) {
        return new PartnerUnitRef(unit.id(), unit.name(), unit.areaPath(), unit.contacts().stream()
                .map(PartnerContact::accountId).filter(java.util.Objects::nonNull).toList());
    }
}
