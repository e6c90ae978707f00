package org.lianxin.resident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.InvalidInputException;

/** A household (户): a door in a building; carries the building's area path for data scope. */
@Entity
@Table(name = "household")
class Household {

    @Id
    private Long id;
    @Column(name = "building_id")
    private Long buildingId;
    @Column(name = "door_number")
    private String doorNumber;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "zone_id")
    private Long zoneId;
    @Version
    private Long version;

    protected Household() {
    }

    Household(long id, AreaRef building, String doorNumber, Instant now) {
        this.id = id;
        this.createdAt = now;
        moveTo(building, doorNumber);
    }

    /** Into another building (or the same, with another door number); the residents follow. */
    void moveTo(AreaRef building, String doorNumber) {
        if (!"BUILDING".equals(building.level())) {
            throw new InvalidInputException("buildingId", "household.building.not-building");
        }
        if (buildingId != null && !buildingId.equals(building.id())) {
            this.zoneId = null; // another building may lie outside the zone's grid: staff place it again
        }
        this.buildingId = building.id();
        this.areaPath = building.path();
        this.doorNumber = doorNumber;
    }

    /**
     * Into a responsibility zone (党员责任区) whose branch's grid has the given path, or out of any zone
     * ({@code zoneId} null). A household belongs to at most one zone.
     */
    void placeInZone(Long zoneId, String gridPath) {
        if (zoneId != null && (gridPath == null || !areaPath.startsWith(gridPath))) {
            throw new InvalidInputException("householdIds", "household.zone.outside-grid", doorNumber);
        }
        this.zoneId = zoneId;
    }

    void renumber(String doorNumber) {
        this.doorNumber = doorNumber;
    }

    Long id() {
        return id;
    }

    Long buildingId() {
        return buildingId;
    }

    String doorNumber() {
        return doorNumber;
    }

    Long zoneId() {
        return zoneId;
    }

    String areaPath() {
        return areaPath;
    }

    Long version() {
        return version;
    }
}
