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
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.PersonalDataCipher.Sealed;

/**
 * A Party member's record: who he is (numbers sealed), where he lives (community, optionally the
 * building), his work unit's Party organisation, employment, skills and the five clear facts (五清).
 * Health and the care category are sensitive: stored only once consent is recorded.
 */
@Entity
@Table(name = "member")
class Member {

    /** What the record says about a person; the numbers are already sealed. */
    record Facts(String address, String contact, String thinking, String wishes) {
    }

    @Id
    private Long id;
    private String name;
    private String gender;
    @Column(name = "id_number_cipher")
    private String idNumberCipher;
    @Column(name = "id_number_index")
    private String idNumberIndex;
    @Column(name = "phone_cipher")
    private String phoneCipher;
    @Column(name = "phone_index")
    private String phoneIndex;
    @Column(name = "community_id")
    private Long communityId;
    @Column(name = "building_id")
    private Long buildingId;
    @Column(name = "area_path")
    private String areaPath;
    private String address;
    @Column(name = "own_organization")
    private String ownOrganization;
    @Enumerated(EnumType.STRING)
    private Employment employment;
    @Column(name = "joined_on")
    private LocalDate joinedOn;
    private String skills;
    @Column(name = "fact_address")
    private String factAddress;
    @Column(name = "fact_contact")
    private String factContact;
    @Column(name = "fact_health")
    private String factHealth;
    @Column(name = "fact_thinking")
    private String factThinking;
    @Column(name = "fact_wishes")
    private String factWishes;
    @Enumerated(EnumType.STRING)
    @Column(name = "care_category")
    private CareCategory careCategory;
    @Column(name = "consent_at")
    private Instant consentAt;
    @Column(name = "consent_recorded_by")
    private String consentRecordedBy;
    @Column(name = "account_id")
    private Long accountId;
    private String username;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private Long version;

    protected Member() {
    }

    Member(long id, String name, String gender, Sealed idNumber, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.gender = gender;
        this.idNumberCipher = idNumber.cipherText();
        this.idNumberIndex = idNumber.blindIndex();
        this.createdAt = createdAt;
        this.skills = ",";
        this.employment = Employment.OTHER;
    }

    void rename(String name, String gender) {
        this.name = name;
        this.gender = gender;
    }

    void changeIdNumber(Sealed idNumber) {
        this.idNumberCipher = idNumber.cipherText();
        this.idNumberIndex = idNumber.blindIndex();
    }

    void changePhone(Sealed phone) {
        this.phoneCipher = phone.cipherText();
        this.phoneIndex = phone.blindIndex();
    }

    /** Lives in the community, optionally in one of its buildings; the row's path follows the smaller place. */
    void liveIn(AreaRef community, AreaRef building, String address) {
        if (!"COMMUNITY".equals(community.level())) {
            throw new InvalidInputException("communityId", "member.community.wrong-level");
        }
        if (building != null && (!"BUILDING".equals(building.level()) || !building.path().startsWith(community.path()))) {
            throw new InvalidInputException("buildingId", "member.building.outside-community");
        }
        this.communityId = community.id();
        this.buildingId = building == null ? null : building.id();
        this.areaPath = building == null ? community.path() : building.path();
        this.address = address;
    }

    void work(String ownOrganization, Employment employment, LocalDate joinedOn, Collection<String> skills) {
        this.ownOrganization = ownOrganization;
        this.employment = employment;
        this.joinedOn = joinedOn;
        this.skills = "," + String.join(",", skills.stream().distinct().sorted().toList()) + (skills.isEmpty() ? "" : ",");
    }

    void facts(Facts facts) {
        this.factAddress = facts.address();
        this.factContact = facts.contact();
        this.factThinking = facts.thinking();
        this.factWishes = facts.wishes();
    }

    /** Records that the member agreed to keep health and care data; kept once given. */
    void recordConsent(Instant at, String recordedBy) {
        if (consentAt == null) {
            this.consentAt = at;
            this.consentRecordedBy = recordedBy;
        }
    }

    /** Health and care category: refused without recorded consent unless both are empty. */
    void sensitive(String health, CareCategory careCategory) {
        if ((health != null || careCategory != null) && consentAt == null) {
            throw new InvalidInputException("consent", "member.consent.required");
        }
        this.factHealth = health;
        this.careCategory = careCategory;
    }

    void linkAccount(Long accountId, String username) {
        this.accountId = accountId;
        this.username = accountId == null ? null : username;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String gender() {
        return gender;
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

    Long communityId() {
        return communityId;
    }

    Long buildingId() {
        return buildingId;
    }

    String areaPath() {
        return areaPath;
    }

    String address() {
        return address;
    }

    String ownOrganization() {
        return ownOrganization;
    }

    Employment employment() {
        return employment;
    }

    LocalDate joinedOn() {
        return joinedOn;
    }

    List<String> skills() {
        return Arrays.stream(skills.split(",")).filter(s -> !s.isBlank()).toList();
    }

    Facts facts() {
        return new Facts(factAddress, factContact, factThinking, factWishes);
    }

    String health() {
        return factHealth;
    }

    CareCategory careCategory() {
        return careCategory;
    }

    Instant consentAt() {
        return consentAt;
    }

    String consentRecordedBy() {
        return consentRecordedBy;
    }

    Long accountId() {
        return accountId;
    }

    String username() {
        return username;
    }

    Long version() {
        return version;
    }
}
