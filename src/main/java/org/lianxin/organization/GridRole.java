package org.lianxin.organization;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.PersonalDataCipher.Sealed;

/**
 * A person holding one of the six roles linked in a grid (六员联动): community Party committee
 * member; grid worker or community staff; owners' committee or property staff; Party-masses
 * volunteer; social worker or community medical staff; merchant-alliance member.
 */
@Entity
@Table(name = "grid_role")
class GridRole {

    enum Kind { PARTY_COMMITTEE, GRID_WORKER, OWNERS_PROPERTY, VOLUNTEER, SOCIAL_MEDICAL, MERCHANT }

    @Id
    private Long id;
    @Column(name = "grid_id")
    private Long gridId;
    @Column(name = "area_path")
    private String areaPath;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "person_name")
    private String personName;
    @Column(name = "phone_cipher")
    private String phoneCipher;
    @Column(name = "phone_index")
    private String phoneIndex;
    private String note;
    @Column(name = "created_at")
    private Instant createdAt;

    protected GridRole() {
    }

    GridRole(long id, Area grid, Kind kind, String personName, Sealed phone, String note, Instant now) {
        this.id = id;
        this.gridId = grid.id();
        this.areaPath = grid.path();
        this.kind = kind;
        this.personName = personName;
        this.phoneCipher = phone.cipherText();
        this.phoneIndex = phone.blindIndex();
        this.note = note;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    Long gridId() {
        return gridId;
    }

    String areaPath() {
        return areaPath;
    }

    Kind kind() {
        return kind;
    }

    String personName() {
        return personName;
    }

    String phoneCipher() {
        return phoneCipher;
    }

    String note() {
        return note;
    }
}
