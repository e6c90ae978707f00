package org.lianxin.member;

import java.time.Instant;
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
import org.lianxin.organization.OrgUnits.OrgUnitRef;
import org.lianxin.shared.InvalidInputException;

/**
 * A member's registration with a community (报到): he chooses a grid, the skills and time he offers;
 * the community approves with a placement (grid branch, optionally group and responsibility zone) or
 * rejects with a reason he sees. At most one active registration per member and community (the
 * {@code active_key} column is unique while active).
 */
@Entity
@Table(name = "registration")
class Registration {

    @Id
    private Long id;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "community_id")
    private Long communityId;
    @Column(name = "community_path")
    private String communityPath;
    @Column(name = "grid_id")
    private Long gridId;
    private String skills;
    private String availability;
    private String note;
    @Enumerated(EnumType.STRING)
    private RegistrationState state;
    @Column(name = "active_key")
    private String activeKey;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    private String reason;
    @Column(name = "branch_id")
    private Long branchId;
    @Column(name = "group_id")
    private Long groupId;
    @Column(name = "zone_id")
    private Long zoneId;
    @Enumerated(EnumType.STRING)
    private Leadership leads;
    @Column(name = "lead_key")
    private String leadKey;
    @Version
    private Long version;

    protected Registration() {
    }

    Registration(long id, Member member, AreaRef community, AreaRef grid, Collection<String> skills,
                 Collection<Availability> availability, String note, Instant at) {
        if (!"COMMUNITY".equals(community.level())) {
            throw new InvalidInputException("communityId", "member.community.wrong-level");
        }
        if (!"GRID".equals(grid.level()) || !grid.path().startsWith(community.path())) {
            throw new InvalidInputException("gridId", "registration.grid.outside-community");
        }
        if (availability.isEmpty()) {
            throw new InvalidInputException("availability", "validation.required");
        }
        this.id = id;
        this.memberId = member.id();
        this.communityId = community.id();
        this.communityPath = community.path();
        this.gridId = grid.id();
        this.skills = "," + String.join(",", skills.stream().distinct().sorted().toList()) + (skills.isEmpty() ? "" : ",");
        this.availability = String.join(",", availability.stream().distinct().map(Enum::name).sorted().toList());
        this.note = note;
        this.state = RegistrationState.PENDING;
        this.activeKey = member.id() + ":" + community.id();
        this.appliedAt = at;
    }

    /**
     * Places the member: a grid branch under the community's committee, optionally one of its groups
     * and a responsibility zone of that group.
     */
    void approve(OrgUnitRef branch, OrgUnitRef group, OrgUnitRef zone, String by, Instant at) {
        state.require("approve");
        if (branch == null || !"GRID_BRANCH".equals(branch.level()) || !branch.areaPath().startsWith(communityPath)) {
            throw new InvalidInputException("branchId", "registration.placement.branch");
        }
        if (group != null && (!"GRID_GROUP".equals(group.level()) || group.parentId() == null
                || group.parentId() != branch.id())) {
            throw new InvalidInputException("groupId", "registration.placement.group");
        }
        if (zone != null && (group == null || !"RESPONSIBILITY_ZONE".equals(zone.level())
                || zone.parentId() == null || zone.parentId() != group.id())) {
            throw new InvalidInputException("zoneId", "registration.placement.zone");
        }
        this.branchId = branch.id();
        this.groupId = group == null ? null : group.id();
        this.zoneId = zone == null ? null : zone.id();
        decide(RegistrationState.APPROVED, null, by, at);
    }

    void reject(String reason, String by, Instant at) {
        state.require("reject");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "validation.required");
        }
        decide(RegistrationState.REJECTED, reason.strip(), by, at);
        this.activeKey = null;
    }

    /**
     * Marks the placed member as the leader of his branch, group or zone ({@code null}: he steps down).
     * The unique lead key keeps it to one per organisation.
     */
    void lead(Leadership role) {
        String key = leadKeyFor(role);
        this.leads = role;
        this.leadKey = key;
    }

    /** The lead key this member would hold for the role (null to step down); refuses what the placement does not allow. */
    String leadKeyFor(Leadership role) {
        state.require("lead");
        if (role == null) {
            return null;
        }
        Long unit = switch (role) {
            case BRANCH_SECRETARY -> branchId;
            case GROUP_LEADER -> groupId;
            case ZONE_LEADER -> zoneId;
        };
        if (unit == null) {
            throw new InvalidInputException("role", "registration.lead.not-placed");
        }
        return leadKeyOf(role, unit);
    }

    static String leadKeyOf(Leadership role, long unitId) {
        return role.name() + ":" + unitId;
    }

    void withdraw(Instant at) {
        state.require("withdraw");
        this.leads = null;
        this.leadKey = null;
        this.state = RegistrationState.WITHDRAWN;
        this.activeKey = null;
        this.decidedAt = at;
    }

    private void decide(RegistrationState to, String reason, String by, Instant at) {
        this.state = to;
        this.reason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    Long id() {
        return id;
    }

    Long memberId() {
        return memberId;
    }

    Long communityId() {
        return communityId;
    }

    String communityPath() {
        return communityPath;
    }

    Long gridId() {
        return gridId;
    }

    List<String> skills() {
        return Arrays.stream(skills.split(",")).filter(s -> !s.isBlank()).toList();
    }

    List<String> availability() {
        return Arrays.stream(availability.split(",")).filter(s -> !s.isBlank()).toList();
    }

    String note() {
        return note;
    }

    RegistrationState state() {
        return state;
    }

    Instant appliedAt() {
        return appliedAt;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String decidedBy() {
        return decidedBy;
    }

    String reason() {
        return reason;
    }

    Long branchId() {
        return branchId;
    }

    Long groupId() {
        return groupId;
    }

    Long zoneId() {
        return zoneId;
    }

    Leadership leads() {
        return leads;
    }

    String leadKey() {
        return leadKey;
    }

    Long version() {
        return version;
    }
}
