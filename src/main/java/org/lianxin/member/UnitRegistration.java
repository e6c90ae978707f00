package org.lianxin.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.PartnerUnits.PartnerUnitRef;
import org.lianxin.shared.InvalidInputException;

/**
 * A partner unit's Party organisation registering with a community (双报到): applied for by the unit's
 * contact or recorded by community staff; approved or rejected with a reason. One active per unit and
 * community.
 */
@Entity
@Table(name = "unit_registration")
class UnitRegistration {

    @Id
    private Long id;
    @Column(name = "partner_unit_id")
    private Long partnerUnitId;
    @Column(name = "unit_name")
    private String unitName;
    @Column(name = "party_organization")
    private String partyOrganization;
    @Column(name = "community_id")
    private Long communityId;
    @Column(name = "community_path")
    private String communityPath;
    private String offer;
    @Enumerated(EnumType.STRING)
    private RegistrationState state;
    @Column(name = "active_key")
    private String activeKey;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Column(name = "applied_by")
    private String appliedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    private String reason;
    @Version
    private Long version;

    protected UnitRegistration() {
    }

    UnitRegistration(long id, PartnerUnitRef unit, String partyOrganization, AreaRef community, String offer,
                     String appliedBy, Instant at) {
        if (!"COMMUNITY".equals(community.level())) {
            throw new InvalidInputException("communityId", "member.community.wrong-level");
        }
        this.id = id;
        this.partnerUnitId = unit.id();
        this.unitName = unit.name();
        this.partyOrganization = partyOrganization;
        this.communityId = community.id();
        this.communityPath = community.path();
        this.offer = offer;
        this.state = RegistrationState.PENDING;
        this.activeKey = unit.id() + ":" + community.id();
        this.appliedBy = appliedBy;
        this.appliedAt = at;
    }

    void approve(String by, Instant at) {
        state.require("approve");
        this.state = RegistrationState.APPROVED;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void reject(String reason, String by, Instant at) {
        state.require("reject");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "validation.required");
        }
        this.state = RegistrationState.REJECTED;
        this.reason = reason.strip();
        this.activeKey = null;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void withdraw(Instant at) {
        state.require("withdraw");
        this.state = RegistrationState.WITHDRAWN;
        this.activeKey = null;
        this.decidedAt = at;
    }

    Long id() {
        return id;
    }

    Long partnerUnitId() {
        return partnerUnitId;
    }

    String unitName() {
        return unitName;
    }

    String partyOrganization() {
        return partyOrganization;
    }

    Long communityId() {
        return communityId;
    }

    String communityPath() {
        return communityPath;
    }

    String offer() {
        return offer;
    }

    RegistrationState state() {
        return state;
    }

    Instant appliedAt() {
        return appliedAt;
    }

    String appliedBy() {
        return appliedBy;
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

    Long version() {
        return version;
    }
}
