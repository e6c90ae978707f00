package org.lianxin.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.matching.MatchingEvents.OfferChanged;
import org.lianxin.matching.MatchingPermissions.Taker;
import org.lianxin.member.PartyMembers;
import org.lianxin.organization.Areas;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.PhoneNumber;
import org.lianxin.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offers (资源清单): a partner unit's contact keeps his unit's offers, a member his own, the community those of the
 * units serving its area. Staff see every offer serving an area in (or above) their scope.
 */
@Tag(name = "资源清单 Offers")
@RestController
@RequestMapping("/api/v1/offers")
@Transactional
class OfferController {

    /** {@code unitId}: staff record an offer for a unit; a unit's contact may leave it out (his unit). */
    record OfferForm(@Size(max = 200) String title, @Size(max = 2000) String description, String category,
                     Integer capacityPerMonth, List<Long> areaIds, @Size(max = 100) String contactName,
                     @Size(max = 40) String contactPhone, LocalDate validFrom, LocalDate validUntil, Long unitId,
                     Long version) {
    }

    record AreaView(long id, String name) {
    }

    record OfferView(long id, String ownerKind, Long unitId, String ownerName, String title, String description,
                     String category, String categoryLabel, int capacityPerMonth, List<AreaView> areas,
                     String contactName, String contactPhone, LocalDate validFrom, LocalDate validUntil, boolean valid,
                     boolean withdrawn, boolean mine, boolean editable, long version) {
    }

    private final OfferRepository offers;
    private final MatchingPermissions permissions;
    private final MatchingProperties properties;
    private final PartnerUnits units;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfferController(OfferRepository offers, MatchingPermissions permissions, MatchingProperties properties,
                    PartnerUnits units, Areas areas, Ids ids, ApplicationEventPublisher events, Clock clock) {
        this.offers = offers;
        this.permissions = permissions;
        this.properties = properties;
        this.units = units;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Offers the caller sees: staff those serving their area (or above it); a unit's contact his "
            + "unit's; a member his own. Filter by category, unit, text; validOnly hides expired and withdrawn ones")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<OfferView> list(@CurrentUser Actor actor, @RequestParam(required = false) String category,
                             @RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
                             @RequestParam(required = false) Boolean validOnly,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope scope = permissions.offerScope(actor);
        List<Long> ownUnits = permissions.takers(actor).stream().map(t -> t.unit().id()).toList();
        Long memberAccount = actor.has(MatchingPermissions.OFFER_OWN) ? actor.accountId() : null;
        if (scope.isEmpty() && ownUnits.isEmpty() && memberAccount == null) {
            throw new ForbiddenException(MatchingPermissions.OFFER_READ);
        }
        LocalDate today = LocalDate.now(clock);
        Specification<Offer> spec = (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            if (!scope.isEmpty()) {
                var sub = query.subquery(Long.class);
                var o = sub.from(Offer.class);
                Join<Offer, Offer.Served> s = o.join("served");
                List<Predicate> areaMatches = new ArrayList<>();
                for (String prefix : scope.prefixes()) {
                    areaMatches.add(cb.like(s.get("path"), prefix + "%"));
                    areaMatches.add(cb.like(cb.literal(prefix), cb.concat(s.get("path"), "%")));
                }
                sub.select(o.get("id")).where(cb.or(areaMatches.toArray(Predicate[]::new)));
                any.add(root.get("id").in(sub));
            }
            if (!ownUnits.isEmpty()) {
                any.add(root.get("unitId").in(ownUnits));
            }
            if (memberAccount != null) {
                any.add(cb.and(cb.equal(root.get("ownerKind"), Offer.OwnerKind.MEMBER),
                        cb.equal(root.get("ownerAccountId"), memberAccount)));
            }
            List<Predicate> all = new ArrayList<>();
            all.add(cb.or(any.toArray(Predicate[]::new)));
            if (category != null && !category.isBlank()) {
                all.add(cb.equal(root.get("category"), category));
            }
            if (unitId != null) {
                all.add(cb.equal(root.get("unitId"), unitId));
            }
            if (q != null && !q.isBlank()) {
                String like = "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%";
                all.add(cb.or(cb.like(root.get("title"), like, '\\'), cb.like(root.get("ownerName"), like, '\\')));
            }
            if (Boolean.TRUE.equals(validOnly)) {
                all.add(cb.isFalse(root.get("withdrawn")));
                all.add(cb.lessThanOrEqualTo(root.get("validFrom"), today));
                all.add(cb.greaterThanOrEqualTo(root.get("validUntil"), today));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Page<Offer> result = offers.findAll(spec, Paging.of(page, size, Sort.by("category").and(Sort.by("id"))));
        return new PageView<>(result.getContent().stream().map(o -> view(actor, o)).toList(), result.getNumber(),
                result.getSize(), result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "The areas the caller may choose as served: his units' paired communities, or his own areas "
            + "and the areas right below them (staff)")
    @GetMapping("/areas")
    @Transactional(readOnly = true)
    List<AreaView> areas(@CurrentUser Actor actor) {
        java.util.LinkedHashMap<Long, AreaView> found = new java.util.LinkedHashMap<>();
        for (Taker taker : permissions.takers(actor)) {
            for (String path : taker.pool().prefixes()) {
                String[] parts = path.split("/");
                areas.find(Long.parseLong(parts[parts.length - 1])).ifPresent(a -> found.put(a.id(), new AreaView(a.id(), a.name())));
            }
        }
        Scope scope = permissions.offerScope(actor);
        actor.grants().stream().filter(g -> scope.contains(g.areaPath())).map(g -> g.areaId()).distinct().forEach(id ->
                areas.find(id).ifPresent(a -> {
                    found.put(a.id(), new AreaView(a.id(), a.name()));
                    areas.children(a.id()).forEach(c -> found.put(c.id(), new AreaView(c.id(), c.name())));
                }));
        return List.copyOf(found.values());
    }

    @Operation(summary = "One offer")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    OfferView get(@CurrentUser Actor actor, @PathVariable long id) {
        return view(actor, visible(actor, id));
    }

    @Operation(summary = "Record an offer: a unit's contact for his unit, a member for himself, staff for a unit (unitId)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OfferView create(@CurrentUser Actor actor, @Valid @RequestBody OfferForm form) {
        Offer.Owner owner = owner(actor, form.unitId());
        List<Offer.Served> served = served(actor, form.areaIds());
        checkCategory(form.category());
        Offer offer = new Offer(ids.next("offer_seq"), owner, terms(form), served, clock.instant());
        if (owner.kind() == Offer.OwnerKind.UNIT && !permissions.keeps(actor, offer)) {
            throw new ForbiddenException(MatchingPermissions.OFFER_WRITE);
        }
        offers.saveAndFlush(offer);
        events.publishEvent(new OfferChanged("offer.create", offer.id(), owner.kind().name().toLowerCase() + " "
                + (owner.unitId() != null ? owner.unitId() : owner.memberId()) + ", category " + offer.category()
                + ", " + offer.capacityPerMonth() + " a month"));
        return view(actor, offer);
    }

    @Operation(summary = "Change an offer (its keeper); the version guards concurrent edits")
    @PutMapping("/{id}")
    OfferView change(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody OfferForm form) {
        Offer offer = kept(actor, id);
        if (form.version() != null && !form.version().equals(offer.version())) {
            throw new org.lianxin.shared.ConflictException("stale-version", "need.stale");
        }
        checkCategory(form.category());
        offer.change(terms(form), served(actor, form.areaIds()));
        offers.saveAndFlush(offer);
        events.publishEvent(new OfferChanged("offer.change", offer.id(), "category " + offer.category()));
        return view(actor, offer);
    }

    @Operation(summary = "Withdraw an offer (its keeper): no longer proposed")
    @PostMapping("/{id}/withdraw")
    OfferView withdraw(@CurrentUser Actor actor, @PathVariable long id) {
        Offer offer = kept(actor, id);
        offer.withdraw();
        offers.saveAndFlush(offer);
        events.publishEvent(new OfferChanged("offer.withdraw", offer.id(), "withdrawn"));
        return view(actor, offer);
    }

    private Offer visible(Actor actor, long id) {
        return offers.findById(id).filter(o -> permissions.seesOffer(actor, o))
                .orElseThrow(() -> new NotFoundException("Offer"));
    }

    private Offer kept(Actor actor, long id) {
        Offer offer = visible(actor, id);
        if (!permissions.keeps(actor, offer)) {
            throw new ForbiddenException(MatchingPermissions.OFFER_WRITE);
        }
        return offer;
    }

    private void checkCategory(String category) {
        if (category != null && !category.isBlank() && !properties.knows(category)) {
            throw new InvalidInputException("category", "need.category.unknown");
        }
    }

    private Offer.Owner owner(Actor actor, Long unitId) {
        List<Taker> mine = permissions.takers(actor);
        if (unitId != null) {
            Optional<Taker> own = mine.stream().filter(t -> t.unit().id() == unitId).findFirst();
            if (own.isPresent()) {
                return new Offer.Owner(Offer.OwnerKind.UNIT, unitId, null, actor.accountId(), own.get().unit().name());
            }
            if (actor.scopeFor(MatchingPermissions.OFFER_WRITE).isEmpty()) {
                throw new ForbiddenException(MatchingPermissions.OFFER_WRITE);
            }
            var unit = units.find(unitId).orElseThrow(() -> new InvalidInputException("unitId", "need.dispatch.unknown-unit"));
            return new Offer.Owner(Offer.OwnerKind.UNIT, unit.id(), null, null, unit.name());
        }
        if (!mine.isEmpty() && actor.has(MatchingPermissions.OFFER_OWN)) {
            return new Offer.Owner(Offer.OwnerKind.UNIT, mine.get(0).unit().id(), null, actor.accountId(),
                    mine.get(0).unit().name());
        }
        Optional<PartyMembers.MemberRef> member = actor.has(MatchingPermissions.OFFER_OWN) ? permissions.memberOf(actor)
                : Optional.empty();
        if (member.isPresent()) {
            return new Offer.Owner(Offer.OwnerKind.MEMBER, null, member.get().id(), actor.accountId(), member.get().name());
        }
        if (!actor.scopeFor(MatchingPermissions.OFFER_WRITE).isEmpty()) {
            throw new InvalidInputException("unitId", "validation.required");
        }
        throw new ForbiddenException(MatchingPermissions.OFFER_OWN);
    }

    /** The areas served, by id; unknown ids are named in a 400. */
    private List<Offer.Served> served(Actor actor, List<Long> areaIds) {
        List<Offer.Served> served = new ArrayList<>();
        for (Long id : areaIds == null ? List.<Long>of() : areaIds.stream().distinct().toList()) {
            Areas.AreaRef area = id == null ? null : areas.find(id).orElse(null);
            if (area == null) {
                throw new InvalidInputException("areaIds", "offer.areas.unknown");
            }
            served.add(new Offer.Served(area.id(), area.name(), area.path()));
        }
        return served;
    }

    private static Offer.Terms terms(OfferForm form) {
        return new Offer.Terms(form.title(), form.description(), form.category(), form.capacityPerMonth(),
                form.contactName(), form.contactPhone(), form.validFrom(), form.validUntil());
    }

    private OfferView view(Actor actor, Offer o) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean keeps = permissions.keeps(actor, o);
        // the contact's number in full only to the unit's own contact or the member himself; masked for the community
        boolean mine = o.ownerAccountId() != null && o.ownerAccountId() == actor.accountId()
                || o.unitId() != null && permissions.takers(actor).stream().anyMatch(t -> t.unit().id() == o.unitId());
        return new OfferView(o.id(), o.ownerKind().name(), o.unitId(), o.ownerName(), o.title(), o.description(),
                o.category(), properties.label(o.category(), locale), o.capacityPerMonth(),
                o.served().stream().map(s -> new AreaView(s.areaId(), s.areaName())).toList(), o.contactName(),
                mine ? o.contactPhone() : PhoneNumber.mask(o.contactPhone()), o.validFrom(), o.validUntil(),
                o.validOn(LocalDate.now(clock)), o.withdrawn(), mine, keeps, o.version());
    }
}
