package org.lianxin.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.PhoneNumber;

/**
 * An offer (资源清单): what a partner unit or a member offers, in which category, how many times a month, in which
 * areas (a subdistrict serves all its communities), whom to contact and from when until when. A unit's contact keeps
 * his unit's offers, a member his own; the community keeps those of the units in its area.
 */
@Entity
@Table(name = "offer")
class Offer {

    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 1000;
    static final int MAX_CAPACITY = 10_000;

    enum OwnerKind { UNIT, MEMBER }

    /** Who offers: a unit (its id) or a member (his id), with the name shown. */
    record Owner(OwnerKind kind, Long unitId, Long memberId, Long accountId, String name) {
    }

    /** An area served, with its path (for matching and scope) and name (for display). */
    @Embeddable
    static class Served {
        @Column(name = "area_id")
        private Long areaId;
        @Column(name = "area_name")
        private String areaName;
        private String path;

        protected Served() {
        }

        Served(long areaId, String areaName, String path) {
            this.areaId = areaId;
            this.areaName = areaName;
            this.path = path;
        }

        Long areaId() { return areaId; }
        String areaName() { return areaName; }
        String path() { return path; }
    }

    /** What a client may set on an offer. */
    record Terms(String title, String description, String category, Integer capacityPerMonth, String contactName,
                 String contactPhone, LocalDate validFrom, LocalDate validUntil) {
    }

    @Id
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind")
    private OwnerKind ownerKind;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "owner_account_id")
    private Long ownerAccountId;
    @Column(name = "owner_name")
    private String ownerName;
    private String title;
    private String description;
    private String category;
    @Column(name = "capacity_per_month")
    private int capacityPerMonth;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    private boolean withdrawn;
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.BatchSize(size = 100) // a page of rows loads its collections in one query, not one each
    @CollectionTable(name = "offer_area", joinColumns = @JoinColumn(name = "offer_id"))
    private List<Served> served = new ArrayList<>();
    @Version
    private Long version;

    protected Offer() {
    }

    Offer(long id, Owner owner, Terms terms, List<Served> served, Instant at) {
        this.id = id;
        this.ownerKind = owner.kind();
        this.unitId = owner.unitId();
        this.memberId = owner.memberId();
        this.ownerAccountId = owner.accountId();
        this.ownerName = owner.name();
        this.createdAt = at;
        change(terms, served);
    }

    /** Checks every field at once (400 naming each) and then sets them all; nothing half-changed. */
    void change(Terms terms, List<Served> served) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String title = text(terms.title(), MAX_TITLE, "title", problems);
        String description = text(terms.description(), MAX_TEXT, "description", problems);
        String contactName = text(terms.contactName(), 50, "contactName", problems);
        if (terms.category() == null || terms.category().isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("category", "validation.required"));
        }
        if (terms.capacityPerMonth() == null) {
            problems.add(new InvalidInputException.FieldProblem("capacityPerMonth", "validation.required"));
        } else if (terms.capacityPerMonth() < 1 || terms.capacityPerMonth() > MAX_CAPACITY) {
            problems.add(new InvalidInputException.FieldProblem("capacityPerMonth", "offer.capacity.range", MAX_CAPACITY));
        }
        if (terms.contactPhone() == null || terms.contactPhone().isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("contactPhone", "validation.required"));
        } else if (!PhoneNumber.isValid(terms.contactPhone().strip())) {
            problems.add(new InvalidInputException.FieldProblem("contactPhone", "offer.phone.invalid"));
        }
        if (terms.validFrom() == null) {
            problems.add(new InvalidInputException.FieldProblem("validFrom", "validation.required"));
        }
        if (terms.validUntil() == null) {
            problems.add(new InvalidInputException.FieldProblem("validUntil", "validation.required"));
        } else if (terms.validFrom() != null && terms.validUntil().isBefore(terms.validFrom())) {
            problems.add(new InvalidInputException.FieldProblem("validUntil", "offer.validity.order"));
        }
        if (served.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("areaIds", "offer.areas.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.title = title;
        this.description = description;
        this.category = terms.category();
        this.capacityPerMonth = terms.capacityPerMonth();
        this.contactName = contactName;
        this.contactPhone = terms.contactPhone().strip();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.served.clear();
        this.served.addAll(served);
    }

    void withdraw() {
        this.withdrawn = true;
    }

    private static String text(String value, int max, String field, List<InvalidInputException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem(field, "validation.required"));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new InvalidInputException.FieldProblem(field, "need.text.too-long", max));
            return null;
        }
        return value.strip();
    }

    boolean validOn(LocalDate day) {
        return !withdrawn && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** Whether one of the served areas contains the path (the need's place lies in it). */
    boolean serves(String path) {
        return served.stream().anyMatch(s -> path.startsWith(s.path()));
    }

    Long id() { return id; }
    OwnerKind ownerKind() { return ownerKind; }
    Long unitId() { return unitId; }
    Long memberId() { return memberId; }
    Long ownerAccountId() { return ownerAccountId; }
    String ownerName() { return ownerName; }
    String title() { return title; }
    String description() { return description; }
    String category() { return category; }
    int capacityPerMonth() { return capacityPerMonth; }
    String contactName() { return contactName; }
    String contactPhone() { return contactPhone; }
    LocalDate validFrom() { return validFrom; }
    LocalDate validUntil() { return validUntil; }
    boolean withdrawn() { return withdrawn; }
    Instant createdAt() { return createdAt; }
    List<Served> served() { return List.copyOf(served); }
    Long version() { return version; }
}
