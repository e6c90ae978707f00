package org.lianxin.organization;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.lianxin.shared.ConflictException;

/** A partner unit paired with a community (结对共建), from a date, until it ends. */
@Entity
@Table(name = "partner_pairing")
class PartnerPairing {

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_unit_id")
    private PartnerUnit unit;
    @Column(name = "community_id")
    private Long communityId;
    @Column(name = "community_path")
    private String communityPath;
    private LocalDate since;
    private LocalDate until;
    private String note;
    private boolean active;

    protected PartnerPairing() {
    }

    PartnerPairing(long id, PartnerUnit unit, Area community, LocalDate since, String note) {
        this.id = id;
        this.unit = unit;
        this.communityId = community.id();
        this.communityPath = community.path();
        this.since = since;
        this.note = note;
        this.active = true;
    }

    void end(LocalDate until) {
        if (!active) {
            throw new ConflictException("invalid-state", "partner-unit.pairing.ended");
        }
        this.until = until;
        this.active = false;
    }

    long id() {
        return id;
    }

    long communityId() {
        return communityId;
    }

    String communityPath() {
        return communityPath;
    }

    LocalDate since() {
        return since;
    }

    LocalDate until() {
        return until;
    }

    String note() {
        return note;
    }

    boolean active() {
        return active;
    }
}
