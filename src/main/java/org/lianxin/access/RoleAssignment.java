package org.lianxin.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One role held at one node of the area tree: the scope of everything the role permits. */
@Entity
@Table(name = "role_assignment")
class RoleAssignment {

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "area_id")
    private Long areaId;
    @Column(name = "assigned_at")
    private Instant assignedAt;

    protected RoleAssignment() {
    }

    RoleAssignment(long id, Account account, Role role, long areaId, Instant assignedAt) {
        this.id = id;
        this.account = account;
        this.role = role;
        this.areaId = areaId;
        this.assignedAt = assignedAt;
    }

    long id() {
        return id;
    }

    Role role() {
        return role;
    }

    long areaId() {
        return areaId;
    }
}
