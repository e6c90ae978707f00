package org.lianxin.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PersonalDataCipher.Sealed;

/**
 * A partner unit (共建单位: an organ, enterprise, school, hospital…) recorded by a subdistrict or
 * community, with its contact people and its pairings with communities (结对共建).
 */
@Entity
@Table(name = "partner_unit")
class PartnerUnit {

    enum Kind { ORGAN, ENTERPRISE, SCHOOL, HOSPITAL, SOCIAL_ORGANIZATION, OTHER }

    @Id
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String address;
    private String description;
    @Column(name = "area_id")
    private Long areaId;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private Long version;

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PartnerContact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PartnerPairing> pairings = new ArrayList<>();

    protected PartnerUnit() {
    }

    PartnerUnit(long id, String name, Kind kind, String address, String description, Area area, Instant now) {
        this.id = id;
        this.areaId = area.id();
        this.areaPath = area.path();
        this.createdAt = now;
        update(name, kind, address, description);
    }

    void update(String name, Kind kind, String address, String description) {
        this.name = name;
        this.kind = kind;
        this.address = address;
        this.description = description;
    }

    PartnerContact addContact(long contactId, String name, String position, Sealed phone, Long accountId, String username) {
        if (accountId != null && contacts.stream().anyMatch(c -> accountId.equals(c.accountId()))) {
            throw new ConflictException("conflict", "partner-unit.contact.account-taken", username);
        }
        PartnerContact contact = new PartnerContact(contactId, this, name, position, phone, accountId, username);
        contacts.add(contact);
        return contact;
    }

    PartnerContact removeContact(long contactId) {
        PartnerContact contact = contacts.stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new NotFoundException("PartnerContact"));
        contacts.remove(contact);
        return contact;
    }

    /** Pairs the unit with a community; one active pairing per community. */
    PartnerPairing pair(long pairingId, Area community, LocalDate since, String note) {
        if (!"COMMUNITY".equals(community.level())) {
            throw new InvalidInputException("communityId", "partner-unit.pairing.not-community");
        }
        if (pairings.stream().anyMatch(p -> p.active() && p.communityId() == community.id())) {
            throw new ConflictException("conflict", "partner-unit.pairing.exists", community.name());
        }
        PartnerPairing pairing = new PartnerPairing(pairingId, this, community, since, note);
        pairings.add(pairing);
        return pairing;
    }

    PartnerPairing endPairing(long pairingId, LocalDate until) {
        PartnerPairing pairing = pairings.stream().filter(p -> p.id() == pairingId).findFirst()
                .orElseThrow(() -> new NotFoundException("PartnerPairing"));
        pairing.end(until);
        return pairing;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    String address() {
        return address;
    }

    String description() {
        return description;
    }

    Long areaId() {
        return areaId;
    }

    String areaPath() {
        return areaPath;
    }

    Long version() {
        return version;
    }

    List<PartnerContact> contacts() {
        return List.copyOf(contacts);
    }

    List<PartnerPairing> pairings() {
        return List.copyOf(pairings);
    }
}
