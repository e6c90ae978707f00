package org.lianxin.resident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.PersonalDataCipher.Sealed;

/**
 * A resident's self-signup from the mobile H5: who he says he is and where he lives, with the
 * account made for him (no role yet). Community staff confirm it (the account becomes a resident of
 * the compound and is linked to a household) or reject it with a reason he sees.
 */
@Entity
@Table(name = "resident_signup")
class ResidentSignup {

    enum Status { PENDING, CONFIRMED, REJECTED }

    @Id
    private Long id;
    private String name;
    @Column(name = "phone_cipher")
    private String phoneCipher;
    @Column(name = "phone_index")
    private String phoneIndex;
    @Column(name = "id_number_cipher")
    private String idNumberCipher;
    @Column(name = "id_number_index")
    private String idNumberIndex;
    @Column(name = "building_id")
    private Long buildingId;
    @Column(name = "door_number")
    private String doorNumber;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "account_id")
    private Long accountId;
    private String username;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String reason;
    @Column(name = "resident_id")
    private Long residentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Version
    private Long version;

    protected ResidentSignup() {
    }

    ResidentSignup(long id, String name, Sealed phone, Sealed idNumber, AreaRef building, String doorNumber,
                   long accountId, String username, Instant now) {
        this.id = id;
        this.name = name;
        this.phoneCipher = phone.cipherText();
        this.phoneIndex = phone.blindIndex();
        this.idNumberCipher = idNumber.cipherText();
        this.idNumberIndex = idNumber.blindIndex();
        this.buildingId = building.id();
        this.areaPath = building.path();
        this.doorNumber = doorNumber;
        this.accountId = accountId;
        this.username = username;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void confirm(long residentId, Instant now) {
        requirePending("confirm");
        this.residentId = residentId;
        this.status = Status.CONFIRMED;
        this.decidedAt = now;
    }

    void reject(String reason, Instant now) {
        requirePending("reject");
        this.reason = reason;
        this.status = Status.REJECTED;
        this.decidedAt = now;
    }

    private void requirePending(String action) {
        if (status != Status.PENDING) {
            throw new ConflictException("invalid-state", "signup.not-pending", status.name(), action);
        }
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String phoneCipher() {
        return phoneCipher;
    }

    String idNumberCipher() {
        return idNumberCipher;
    }

    String idNumberIndex() {
        return idNumberIndex;
    }

    Long buildingId() {
        return buildingId;
    }

    String doorNumber() {
        return doorNumber;
    }

    String areaPath() {
        return areaPath;
    }

    Long accountId() {
        return accountId;
    }

    String username() {
        return username;
    }

    Status status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Long residentId() {
        return residentId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    Long version() {
        return version;
    }
}
