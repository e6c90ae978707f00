package org.lianxin.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The Party organisation tree as other modules may ask about it (e.g. to check a placement); read-only. */
@Component
@Transactional(readOnly = true)
public class OrgUnits {

    /** What other modules know of a Party organisation. */
    public record OrgUnitRef(long id, Long parentId, String level, String name, String path, long areaId,
                             String areaPath) {
    }

    private final OrgUnitRepository units;

    OrgUnits(OrgUnitRepository units) {
        this.units = units;
    }

    public Optional<OrgUnitRef> find(long id) {
        return units.findById(id).map(OrgUnits::ref);
    }

    public List<OrgUnitRef> findAll(Collection<Long> ids) {
        return units.findAllById(ids).stream().map(OrgUnits::ref).toList();
    }

    /** The first Party organisation with this name; for demo data and imports that name organisations. */
    public Optional<OrgUnitRef> findByName(String name) {
        return units.findFirstByName(name).map(OrgUnits::ref);
    }

    /** The organisations of one level bound to an area or any area inside it (e.g. a grid's branches). */
    public List<OrgUnitRef> boundWithin(String areaPath, String level) {
        return units.findByLevelAndAreaPathStartingWithOrderByIdAsc(level, areaPath).stream().map(OrgUnits::ref).toList();
    }

    /** An organisation and everything below it in the Party tree, in set-up order. */
    public List<OrgUnitRef> subtree(OrgUnitRef root) {
        return units.findByPathStartingWithOrderByIdAsc(root.path()).stream().map(OrgUnits::ref).toList();
    }

    private static OrgUnitRef ref(OrgUnit unit) {
        return new OrgUnitRef(unit.id(), unit.parentId(), unit.level(), unit.name(), unit.path(), unit.areaId(),
                unit.areaPath());
    }
}
