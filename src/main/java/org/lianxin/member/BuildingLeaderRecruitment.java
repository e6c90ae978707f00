package org.lianxin.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;

/**
 * A call for building leaders (招募令) in one compound: title, text, the buildings that need a leader
 * and a closing date. OPEN → CLOSED, by staff or when the date has passed (then it reads as closed).
 */
@Entity
@Table(name = "building_leader_recruitment")
class BuildingLeaderRecruitment {

    enum State { OPEN, CLOSED }

    @Id
    private Long id;
    @Column(name = "community_id")
    private Long communityId;
    @Column(name = "compound_id")
    private Long compoundId;
    @Column(name = "area_path")
    private String areaPath;
    private String title;
    private String body;
    @Column(name = "building_ids")
    private String buildingIds;
    @Column(name = "closes_on")
    private LocalDate closesOn;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private Long version;

    protected BuildingLeaderRecruitment() {
    }

    BuildingLeaderRecruitment(long id, AreaRef community, AreaRef compound, List<AreaRef> buildings, String title,
                              String body, LocalDate closesOn, String by, Instant at, LocalDate today) {
        if (!"COMPOUND".equals(compound.level())) {
            throw new InvalidInputException("compoundId", "leader.compound.wrong-level");
        }
        if (buildings.isEmpty()) {
            throw new InvalidInputException("buildingIds", "validation.required");
        }
        for (AreaRef building : buildings) {
            if (!"BUILDING".equals(building.level()) || !building.path().startsWith(compound.path())) {
                throw new InvalidInputException("buildingIds", "leader.building.outside-compound");
            }
        }
        if (closesOn.isBefore(today)) {
            throw new InvalidInputException("closesOn", "leader.recruitment.closes-in-past");
        }
        this.id = id;
        this.communityId = community.id();
        this.compoundId = compound.id();
        this.areaPath = compound.path();
        this.buildingIds = encode(buildings.stream().map(AreaRef::id).toList());
        this.title = title.strip();
        this.body = body.strip();
        this.closesOn = closesOn;
        this.state = State.OPEN;
        this.createdBy = by;
        this.createdAt = at;
    }

    /** Open and not past its closing date. */
    boolean open(LocalDate today) {
        return state == State.OPEN && !today.isAfter(closesOn);
    }

    State state(LocalDate today) {
        return open(today) ? State.OPEN : State.CLOSED;
    }

    void close(Instant at, LocalDate today) {
        if (!open(today)) {
            throw new ConflictException("invalid-state", "leader.state.not-allowed", "close", State.CLOSED.name(), "-");
        }
        this.state = State.CLOSED;
        this.closedAt = at;
    }

    static String encode(Collection<Long> ids) {
        return "," + String.join(",", ids.stream().distinct().sorted().map(String::valueOf).toList()) + ",";
    }

    static List<Long> decode(String ids) {
        return Arrays.stream(ids.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }

    Long id() {
        return id;
    }

    Long communityId() {
        return communityId;
    }

    Long compoundId() {
        return compoundId;
    }

    String areaPath() {
        return areaPath;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    List<Long> buildingIds() {
        return decode(buildingIds);
    }

    LocalDate closesOn() {
        return closesOn;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Long version() {
        return version;
    }
}
