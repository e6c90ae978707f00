package org.lianxin.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.IdNumber;
import org.lianxin.shared.PersonalDataCipher.Sealed;

/**
 * A resident (居民) of a household. The ID number and phone are held sealed with their blind
 * indexes; gender and birth date come from the ID number. The area path is the household's.
 */
@Entity
@Table(name = "resident")
class Resident {

    @Id
    private Long id;
    @Column(name = "household_id")
    private Long householdId;
    private String name;
    @Column(name = "id_number_cipher")
    private String idNumberCipher;
    @Column(name = "id_number_index")
    private String idNumberIndex;
    @Column(name = "phone_cipher")
    private String phoneCipher;
    @Column(name = "phone_index")
    private String phoneIndex;
    private String gender;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private Relation relation;
    private String tags;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private Long version;

    protected Resident() {
    }

    Resident(long id, Household household, String name, IdNumber idNumber, Sealed sealedId, Sealed phone,
             Relation relation, Set<ResidentTag> tags, Instant now) {
        this.id = id;
        this.createdAt = now;
        moveTo(household);
        update(name, relation, tags);
        changeIdNumber(idNumber, sealedId);
        changePhone(phone);
    }

    void update(String name, Relation relation, Set<ResidentTag> tags) {
        this.name = name;
        this.relation = relation;
        this.tags = ResidentTag.encode(tags);
    }

    void changeIdNumber(IdNumber idNumber, Sealed sealed) {
        this.idNumberCipher = sealed.cipherText();
        this.idNumberIndex = sealed.blindIndex();
        this.gender = idNumber.gender();
        this.birthDate = idNumber.birthDate();
    }

    void changePhone(Sealed phone) {
        this.phoneCipher = phone == null ? null : phone.cipherText();
        this.phoneIndex = phone == null ? null : phone.blindIndex();
    }

    void moveTo(Household household) {
        this.householdId = household.id();
        this.areaPath = household.areaPath();
    }

    /** Links the resident's own login (after a confirmed signup). */
    void linkAccount(long accountId) {
        this.accountId = accountId;
    }

    Long id() {
        return id;
    }

    Long householdId() {
        return householdId;
    }

    String name() {
        return name;
    }

    String idNumberCipher() {
        return idNumberCipher;
    }

    String idNumberIndex() {
        return idNumberIndex;
    }

    String phoneCipher() {
        return phoneCipher;
    }

    String gender() {
        return gender;
    }

    LocalDate birthDate() {
        return birthDate;
    }

    Relation relation() {
        return relation;
    }

    Set<ResidentTag> tags() {
        return ResidentTag.decode(tags);
    }

    String areaPath() {
        return areaPath;
    }

    Long accountId() {
        return accountId;
    }

    Long version() {
        return version;
    }
}
