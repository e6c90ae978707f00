package org.lianxin.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.matching.MatchingEvents.NeedChanged;
import org.lianxin.matching.MatchingEvents.NeedFulfilled;
import org.lianxin.matching.MatchingPermissions.Taker;
import org.lianxin.organization.Areas;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.organization.PartnerUnits.PartnerUnitRef;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.ImageFiles;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.Notice;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Needs (需求清单) and their matching: a resident submits his own need (or a building leader or staff on his behalf,
 * or for a place); staff see proposals ranked with reasons and dispatch (发单) to units or to the community's open
 * pool; a unit's contact takes (接单, first wins) or declines with a reason; the helper fulfils with a note and a
 * photo; the requester confirms and rates (or the leader or staff on his behalf) and the need closes.
 */
@Tag(name = "需求清单 Needs")
@RestController
@RequestMapping("/api/v1")
@Transactional
class NeedController {

    record SubmitForm(@Size(max = 200) String title, @Size(max = 2000) String description, String category,
                      Need.Urgency urgency, Long residentId, Long areaId, @Size(max = 400) String place,
                      Need.IdentityVisibility identityVisibility) {
    }

    record DispatchForm(List<Long> unitIds, Boolean pool, Long offerId) {
    }

    record ReasonForm(@Size(max = 1000) String reason) {
    }

    record FulfilForm(@Size(max = 2000) String note, String photo) {
    }

    record ConfirmForm(Integer rating, @Size(max = 1000) String comment) {
    }

    record Category(String code, String label) {
    }

    record StepView(String action, String by, Instant at, String note) {
    }

    record UnitView(long id, String name, boolean declined) {
    }

    record PartView(String factor, int points, String reason) {
    }

    record ProposalView(long offerId, String title, String ownerKind, Long unitId, String ownerName, String category,
                        String categoryLabel, int remaining, int capacityPerMonth, int score, List<PartView> parts) {
    }

    /**
     * One need as the caller may see it. The requester's name, door and masked phone are null unless the caller is
     * staff, the requester, or (when the need says so) the unit that took it; {@code place} names the compound.
     */
    record NeedView(long id, String title, String description, String category, String categoryLabel, String urgency,
                    String place, String requesterName, String doorNumber, String phone, String identityVisibility,
                    String source, String state, Instant submittedAt, String submittedBy, Boolean submittedOnBehalf,
                    Boolean pool, List<UnitView> units, String dispatchedBy, Instant dispatchedAt, Instant takeDueAt,
                    String takerName, Instant takenAt, String fulfilNote, Instant fulfilledAt, boolean hasPhoto,
                    String confirmedBy, Boolean confirmedOnBehalf, Instant confirmedAt, Integer rating, String comment,
                    List<StepView> steps, String mine, List<String> actions, long version) {
    }

    private final NeedRepository needs;
    private final NeedPhotoRepository photos;
    private final OfferRepository offers;
    private final MatchingPermissions permissions;
    private final MatchingProperties properties;
    private final Residents residents;
    private final PartnerUnits units;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    NeedController(NeedRepository needs, NeedPhotoRepository photos, OfferRepository offers,
                   MatchingPermissions permissions, MatchingProperties properties, Residents residents,
                   PartnerUnits units, Areas areas, Ids ids, ApplicationEventPublisher events, MessageSource messages,
                   JdbcTemplate jdbc, Clock clock) {
        this.needs = needs;
        this.photos = photos;
        this.offers = offers;
        this.permissions = permissions;
        this.properties = properties;
        this.residents = residents;
        this.units = units;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Operation(summary = "The configured need and offer categories, labelled")
    @GetMapping("/need-categories")
    @Transactional(readOnly = true)
    List<Category> categories() {
        Locale locale = LocaleContextHolder.getLocale();
        return properties.categories().stream().map(c -> new Category(c.code(), c.label(locale))).toList();
    }

    @Operation(summary = "Needs in the caller's area (staff and building leaders); filter by state, category, urgency, text")
    @GetMapping("/needs")
    @Transactional(readOnly = true)
    PageView<NeedView> list(@CurrentUser Actor actor, @RequestParam(required = false) NeedState state,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) Need.Urgency urgency,
                            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        Scope scope = permissions.staffScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(MatchingPermissions.NEED_READ);
        }
        Specification<Need> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            if (category != null && !category.isBlank()) {
                all.add(cb.equal(root.get("category"), category));
            }
            if (urgency != null) {
                all.add(cb.equal(root.get("urgency"), urgency));
            }
            if (q != null && !q.isBlank()) {
                all.add(cb.like(root.get("title"), "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%", '\\'));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return page(actor, spec, page, size);
    }

    @Operation(summary = "How many needs are in each state, in the caller's area (staff)")
    @GetMapping("/needs/counts")
    @Transactional(readOnly = true)
    Map<String, Long> counts(@CurrentUser Actor actor) {
        Scope scope = permissions.staffScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(MatchingPermissions.NEED_READ);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (NeedState state : NeedState.values()) {
            counts.put(state.name(), needs.count((root, query, cb) -> cb.and(
                    ScopeSpecification.predicate(cb, root.get("areaPath"), scope), cb.equal(root.get("state"), state))));
        }
        return counts;
    }

    @Operation(summary = "Orders for the caller's partner units: dispatched to them or to their communities' open pool, "
            + "and those they took (empty for anyone who is no unit's contact)")
    @GetMapping("/needs/orders")
    @Transactional(readOnly = true)
    PageView<NeedView> orders(@CurrentUser Actor actor, @RequestParam(required = false) Boolean open,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        List<Taker> takers = actor.has(MatchingPermissions.NEED_TAKE) ? permissions.takers(actor) : List.of();
        if (takers.isEmpty()) {
            return new PageView<>(List.of(), 0, size == null ? 20 : Math.min(Math.max(size, 1), 100), 0, 0);
        }
        Specification<Need> spec = (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            for (Taker t : takers) {
                Predicate dispatched = cb.equal(root.get("state"), NeedState.DISPATCHED);
                any.add(cb.and(dispatched, cb.like(root.get("dispatchUnits"), "%," + t.unit().id() + ",%")));
                if (!t.pool().isEmpty()) {
                    any.add(cb.and(dispatched, cb.isTrue(root.get("pool")),
                            ScopeSpecification.predicate(cb, root.get("areaPath"), t.pool())));
                }
                if (!Boolean.TRUE.equals(open)) {
                    any.add(cb.equal(root.get("takerUnitId"), t.unit().id()));
                }
            }
            return cb.or(any.toArray(Predicate[]::new));
        };
        return page(actor, spec, page, size);
    }

    @Operation(summary = "The caller's own needs (as the resident), newest first")
    @GetMapping("/needs/mine")
    @Transactional(readOnly = true)
    List<NeedView> mine(@CurrentUser Actor actor) {
        Optional<Long> resident = permissions.residentOf(actor).map(ResidentRef::id);
        Specification<Need> spec = (root, query, cb) -> {
            Predicate submitted = cb.and(cb.equal(root.get("submittedByAccountId"), actor.accountId()),
                    cb.equal(root.get("source"), Need.Source.RESIDENT));
            return resident.isPresent() ? cb.or(cb.equal(root.get("residentId"), resident.get()), submitted) : submitted;
        };
        return views(actor, needs.findAll(spec, Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("id"))));
    }

    @Operation(summary = "One need")
    @GetMapping("/needs/{id}")
    @Transactional(readOnly = true)
    NeedView get(@CurrentUser Actor actor, @PathVariable long id) {
        return view(actor, visible(actor, id));
    }

    @Operation(summary = "The helper's photo of the need fulfilled (as an image)")
    @GetMapping("/needs/{id}/photo")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> photo(@CurrentUser Actor actor, @PathVariable long id) {
        Need need = visible(actor, id);
        NeedPhoto photo = photos.findById(need.id()).orElseThrow(() -> new NotFoundException("NeedPhoto"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).body(photo.data());
    }

    @Operation(summary = "Offers proposed for a need, best first, each with the score parts that explain it (staff)")
    @GetMapping("/needs/{id}/proposals")
    @Transactional(readOnly = true)
    List<ProposalView> proposals(@CurrentUser Actor actor, @PathVariable long id) {
        Need need = visible(actor, id);
        if (!permissions.staffSees(actor, need)) {
            throw new ForbiddenException(MatchingPermissions.NEED_READ);
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<Offer> candidates = offers.candidates(need.category(), need.areaPath());
        List<Long> unitIds = candidates.stream().map(Offer::unitId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Matching.Record> records = new HashMap<>();
        if (!unitIds.isEmpty()) {
            for (Object[] row : needs.recordOf(unitIds)) {
                records.put((Long) row[0], new Matching.Record(((Number) row[1]).longValue(),
                        row[2] == null ? 0 : ((Number) row[2]).longValue()));
            }
        }
        Map<Long, Long> used = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (!candidates.isEmpty()) {
            Instant monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
            for (Object[] row : needs.takenSince(candidates.stream().map(Offer::id).toList(), monthStart)) {
                used.put((Long) row[0], ((Number) row[1]).longValue());
            }
        }
        return Matching.rank(need.category(), need.areaPath(), candidates, records, used, today, 10).stream()
                .map(p -> new ProposalView(p.offer().id(), p.offer().title(), p.offer().ownerKind().name(),
                        p.offer().unitId(), p.offer().ownerName(), p.offer().category(),
                        properties.label(p.offer().category(), locale), p.remaining(), p.offer().capacityPerMonth(),
                        p.score(), p.parts().stream().map(part -> new PartView(part.factor(), part.points(),
                        messages.getMessage(part.reason(), part.args().toArray(), part.reason(), locale))).toList()))
                .toList();
    }

    @Operation(summary = "The partner units paired with the need's community: its open pool, to dispatch to (staff)")
    @GetMapping("/needs/{id}/units")
    @Transactional(readOnly = true)
    List<UnitView> poolUnits(@CurrentUser Actor actor, @PathVariable long id) {
        Need need = visible(actor, id);
        if (!permissions.staffSees(actor, need)) {
            throw new ForbiddenException(MatchingPermissions.NEED_READ);
        }
        return units.pairedAt(need.areaPath()).stream().map(u -> new UnitView(u.id(), u.name(), need.declinedBy(u.id())))
                .toList();
    }

    @Operation(summary = "Submit a need: a resident his own; staff or a building leader for a resident (residentId) "
            + "or a place (areaId and place)")
    @PostMapping("/needs")
    @ResponseStatus(HttpStatus.CREATED)
    NeedView submit(@CurrentUser Actor actor, @Valid @RequestBody SubmitForm form) {
        Long residentId = null;
        Long householdId = null;
        String path;
        Need.Source source;
        boolean onBehalf;
        if (form.residentId() != null) {
            ResidentRef resident = residents.find(form.residentId())
                    .filter(r -> permissions.staffScope(actor).contains(r.areaPath()))
                    .orElseThrow(() -> new NotFoundException("Resident"));
            if (!actor.scopeFor(MatchingPermissions.NEED_WRITE).contains(resident.areaPath())) {
                throw new ForbiddenException(MatchingPermissions.NEED_WRITE);
            }
            residentId = resident.id();
            householdId = resident.householdId();
            path = resident.areaPath();
            source = leaderOnly(actor, path) ? Need.Source.LEADER : Need.Source.STAFF;
            onBehalf = true;
        } else if (form.areaId() != null) {
            Areas.AreaRef area = areas.find(form.areaId()).filter(a -> permissions.staffScope(actor).contains(a.path()))
                    .orElseThrow(() -> new NotFoundException("Area"));
            if (!actor.scopeFor(MatchingPermissions.NEED_WRITE).contains(area.path())) {
                throw new ForbiddenException(MatchingPermissions.NEED_WRITE);
            }
            path = area.path();
            source = leaderOnly(actor, path) ? Need.Source.LEADER : Need.Source.STAFF;
            onBehalf = false;
            if (form.place() == null || form.place().isBlank()) {
                throw new InvalidInputException("place", "need.place.required");
            }
        } else {
            if (!actor.has(MatchingPermissions.NEED_SUBMIT)) {
                throw new ForbiddenException(MatchingPermissions.NEED_SUBMIT);
            }
            ResidentRef resident = residents.ofAccount(actor.accountId())
                    .orElseThrow(() -> new InvalidInputException("title", "need.no-resident"));
            residentId = resident.id();
            householdId = resident.householdId();
            path = resident.areaPath();
            source = Need.Source.RESIDENT;
            onBehalf = false;
        }
        if (form.category() != null && !form.category().isBlank() && !properties.knows(form.category())) {
            throw new InvalidInputException("category", "need.category.unknown");
        }
        Need need = new Need(ids.next("need_seq"), form.title(), form.description(), form.category(), form.urgency(),
                residentId, householdId, form.place(), path, form.identityVisibility(), source, null,
                actor.displayName(), actor.accountId(), onBehalf, clock.instant());
        needs.saveAndFlush(need);
        events.publishEvent(new NeedChanged("need.submit", need.id(), "source " + source.name().toLowerCase()
                + ", category " + need.category() + ", urgency " + need.urgency()));
        return view(actor, need);
    }

    /** Whether the caller writes here only as a building leader (not as community staff): the need is his report. */
    private boolean leaderOnly(Actor actor, String path) {
        return actor.grants().stream().filter(g -> path.startsWith(g.areaPath()))
                .noneMatch(g -> g.role().startsWith("COMMUNITY") || g.role().startsWith("SUBDISTRICT"));
    }

    @Operation(summary = "Dispatch (发单) to one or several partner units, or to the open pool of the community's units")
    @PostMapping("/needs/{id}/dispatch")
    NeedView dispatch(@CurrentUser Actor actor, @PathVariable long id, @RequestBody DispatchForm form) {
        Need need = visible(actor, id);
        permissions.checkWrite(actor, need);
        boolean pool = Boolean.TRUE.equals(form.pool());
        List<PartnerUnitRef> targets = new ArrayList<>();
        if (!pool) {
            for (Long unitId : form.unitIds() == null ? List.<Long>of() : form.unitIds()) {
                targets.add(unitId == null ? null : units.find(unitId)
                        .orElseThrow(() -> new InvalidInputException("unitIds", "need.dispatch.unknown-unit")));
            }
        } else {
            targets.addAll(units.pairedAt(need.areaPath()));
            if (targets.isEmpty()) {
                throw new InvalidInputException("pool", "need.dispatch.empty-pool");
            }
        }
        if (form.offerId() != null) {
            Offer offer = offers.findById(form.offerId())
                    .orElseThrow(() -> new InvalidInputException("offerId", "need.dispatch.unknown-offer"));
            if (offer.unitId() == null || pool || targets.stream().noneMatch(u -> u.id() == offer.unitId())) {
                throw new InvalidInputException("offerId", "need.dispatch.offer-unit");
            }
        }
        need.dispatch(pool ? List.of() : targets.stream().map(u -> new Need.Unit(u.id(), u.name())).toList(), pool,
                form.offerId(), actor.displayName(), actor.accountId(), clock.instant());
        save(need);
        Set<Long> contacts = new HashSet<>();
        targets.forEach(u -> contacts.addAll(u.contactAccountIds()));
        if (!contacts.isEmpty()) {
            events.publishEvent(new Notice(contacts, "need.dispatched", List.of(need.title(),
                    properties.label(need.category(), Locale.SIMPLIFIED_CHINESE)), "/m/orders", "Need",
                    need.id() + ":dispatch:" + need.dispatchedAt().toEpochMilli()));
        }
        events.publishEvent(new NeedChanged("need.dispatch", need.id(), pool ? "to the open pool ("
                + targets.size() + " units)" : "to units " + need.dispatchUnitIds()));
        return view(actor, need);
    }

    @Operation(summary = "Take the order (接单) for the caller's unit; the first wins, the others hear who took it (409)")
    @PostMapping("/needs/{id}/take")
    NeedView take(@CurrentUser Actor actor, @PathVariable long id) {
        Need need = needs.findById(id).orElseThrow(() -> new NotFoundException("Need"));
        Optional<Taker> taker = permissions.takerFor(actor, need);
        if (taker.isEmpty()) {
            if (need.state() != NeedState.DISPATCHED && actor.has(MatchingPermissions.NEED_TAKE)
                    && wasOffered(actor, need)) {
                taken(need.id());
            }
            visible(actor, id);
            throw new ForbiddenException(MatchingPermissions.NEED_TAKE);
        }
        need.take(new Need.Unit(taker.get().unit().id(), taker.get().unit().name()), actor.accountId(),
                personOf(actor), clock.instant());
        try {
            needs.saveAndFlush(need);
        } catch (ObjectOptimisticLockingFailureException e) {
            taken(id);
        }
        if (need.residentId() != null) {
            tellResident(need, "need.taken", need.title(), need.takerName());
        }
        if (need.dispatchedByAccountId() != null) {
            events.publishEvent(Notice.to(need.dispatchedByAccountId(), "need.taken", "/admin/needs", "Need",
                    need.id() + ":taken", need.title(), need.takerName()));
        }
        events.publishEvent(new NeedChanged("need.take", need.id(), "taken by unit " + need.takerUnitId()));
        return view(actor, need);
    }

    /** Whether the need was once offered to one of the caller's units (to it, or to a pool it was in). */
    private boolean wasOffered(Actor actor, Need need) {
        return permissions.takers(actor).stream().anyMatch(t -> need.dispatchUnitIds().contains(t.unit().id())
                || need.pool() && t.pool().contains(need.areaPath()) || need.takenBy(t.unit().id()));
    }

    /** 409 naming who took the need (read fresh: the winner may have committed a moment ago), or its state. */
    private void taken(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select state, taker_name from need where id = ?", id);
        String state = rows.isEmpty() ? NeedState.TAKEN.name() : (String) rows.get(0).get("state");
        Object taker = rows.isEmpty() ? null : rows.get(0).get("taker_name");
        if (taker != null) {
            throw new ConflictException("need-taken", "need.taken-by", taker, state);
        }
        NeedState.valueOf(state).require("take");
    }

    @Operation(summary = "Decline the order for the caller's unit, with a reason")
    @PostMapping("/needs/{id}/decline")
    NeedView decline(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReasonForm form) {
        Need need = needs.findById(id).orElseThrow(() -> new NotFoundException("Need"));
        Optional<Taker> taker = permissions.takerFor(actor, need);
        if (taker.isEmpty()) {
            if (need.state() != NeedState.DISPATCHED && actor.has(MatchingPermissions.NEED_TAKE) && wasOffered(actor, need)) {
                need.state().require("decline");
            }
            visible(actor, id);
            throw new ForbiddenException(MatchingPermissions.NEED_TAKE);
        }
        if (need.declinedBy(taker.get().unit().id())) {
            throw new ConflictException("invalid-state", "need.already-declined", need.title());
        }
        boolean back = need.decline(new Need.Unit(taker.get().unit().id(), taker.get().unit().name()), form.reason(),
                personOf(actor), clock.instant());
        save(need);
        if (back) {
            tellDispatcher(need, "need.returned", need.title());
        }
        events.publishEvent(new NeedChanged("need.decline", need.id(), "declined by unit " + taker.get().unit().id()
                + (back ? ", back to the community" : "")));
        return view(actor, need);
    }

    @Operation(summary = "Cancel a need not yet taken, with a reason (staff or the building leader)")
    @PostMapping("/needs/{id}/cancel")
    NeedView cancel(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReasonForm form) {
        Need need = visible(actor, id);
        permissions.checkWrite(actor, need);
        need.cancel(form.reason(), actor.displayName(), clock.instant());
        save(need);
        tellResident(need, "need.cancelled", need.title(), form.reason() == null ? "" : form.reason().strip());
        events.publishEvent(new NeedChanged("need.cancel", need.id(), "cancelled"));
        return view(actor, need);
    }

    @Operation(summary = "Mark the need fulfilled with a note and optionally a photo (the unit that took it)")
    @PostMapping("/needs/{id}/fulfil")
    NeedView fulfil(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody FulfilForm form) {
        Need need = visible(actor, id);
        if (permissions.helperOf(actor, need).isEmpty()) {
            if (need.state() != NeedState.TAKEN) {
                need.state().require("fulfil");
            }
            throw new ForbiddenException(MatchingPermissions.NEED_TAKE);
        }
        ImageFiles.Image image = form.photo() == null || form.photo().isBlank() ? null
                : ImageFiles.decode(form.photo(), NeedPhoto.MAX_BYTES, "photo");
        need.fulfil(form.note(), need.takerName() + "（" + personOf(actor) + "）", clock.instant());
        save(need);
        if (image != null) {
            photos.saveAndFlush(new NeedPhoto(need.id(), image));
        }
        tellResident(need, "need.fulfilled", need.title(), need.takerName());
        tellDispatcher(need, "need.fulfilled", need.title(), need.takerName());
        events.publishEvent(new NeedChanged("need.fulfil", need.id(), image != null ? "with a photo" : "without a photo"));
        return view(actor, need);
    }

    @Operation(summary = "Confirm and rate (1–5) the help: the requester, or the building leader or staff on his behalf")
    @PostMapping("/needs/{id}/confirm")
    NeedView confirm(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ConfirmForm form) {
        Need need = visible(actor, id);
        boolean own = permissions.own(actor, need);
        if (!own && !permissions.canWrite(actor, need)) {
            if (need.state() != NeedState.FULFILLED && permissions.helperOf(actor, need).isPresent()) {
                need.state().require("confirm");
            }
            throw new ForbiddenException(MatchingPermissions.NEED_WRITE);
        }
        need.confirm(form.rating(), form.comment(), actor.displayName(), !own, clock.instant());
        save(need);
        if (need.takerAccountId() != null) {
            events.publishEvent(Notice.to(need.takerAccountId(), "need.confirmed", "/m/orders", "Need",
                    need.id() + ":confirmed", need.title(), String.valueOf(need.rating())));
        }
        events.publishEvent(new NeedFulfilled(need.id(), need.areaPath(), need.takerUnitId(), null,
                need.takerAccountId(), !own, need.confirmedAt()));
        return view(actor, need);
    }

    /** The person's name without the role in brackets ("黄涛（中国电信联系人）" → "黄涛"), beside his unit's name. */
    private static String personOf(Actor actor) {
        String name = actor.displayName();
        int bracket = name.indexOf('（');
        return bracket > 0 ? name.substring(0, bracket) : name;
    }

    private void save(Need need) {
        try {
            needs.saveAndFlush(need);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("stale-version", "need.stale");
        }
    }

    private void tellResident(Need need, String kind, String... args) {
        if (need.residentId() != null) {
            residents.accountOf(need.residentId()).ifPresent(account -> events.publishEvent(
                    Notice.to(account, kind, "/m/needs", "Need", need.id() + ":" + kind, args)));
        }
    }

    private void tellDispatcher(Need need, String kind, String... args) {
        Long to = need.dispatchedByAccountId() != null ? need.dispatchedByAccountId() : need.submittedByAccountId();
        if (to != null) {
            events.publishEvent(Notice.to(to, kind, "/admin/needs", "Need",
                    need.id() + ":" + kind + ":" + clock.instant().toEpochMilli(), args));
        }
    }

    /** Staff in scope, the requester, a unit it is dispatched to, or the unit that took it; else 404. */
    private Need visible(Actor actor, long id) {
        Need need = needs.findById(id).orElseThrow(() -> new NotFoundException("Need"));
        if (!permissions.sees(actor, need)) {
            throw new NotFoundException("Need");
        }
        return need;
    }

    private PageView<NeedView> page(Actor actor, Specification<Need> spec, Integer page, Integer size) {
        Page<Need> result = needs.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")
                .and(Sort.by("id"))));
        return new PageView<>(views(actor, result.getContent()), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    private NeedView view(Actor actor, Need need) {
        return views(actor, List.of(need)).get(0);
    }

    private List<NeedView> views(Actor actor, List<Need> list) {
        Locale locale = LocaleContextHolder.getLocale();
        Optional<Long> myResident = permissions.residentOf(actor).map(ResidentRef::id);
        List<Taker> takers = permissions.takers(actor);
        Map<Long, String> unitNames = new HashMap<>();
        Map<String, String> places = new HashMap<>();
        Set<Long> withPhoto = new HashSet<>();
        if (!list.isEmpty()) {
            photos.findAllById(list.stream().map(Need::id).toList()).forEach(p -> withPhoto.add(photoId(p)));
            // the places' names in one query, not one per need (a page of needs spans many buildings)
            Map<Long, String> names = new HashMap<>();
            areas.findAll(list.stream().map(NeedController::placeAreaId).filter(java.util.Objects::nonNull).distinct()
                    .toList()).forEach(a -> names.put(a.id(), a.name()));
            list.forEach(n -> {
                Long id = placeAreaId(n);
                places.put(n.areaPath() + "|" + n.householdId(), id == null ? null : names.get(id));
            });
        }
        return list.stream().map(n -> {
            boolean staff = permissions.staffSees(actor, n);
            boolean own = n.residentId() != null && myResident.filter(r -> r.equals(n.residentId())).isPresent()
                    || n.source() == Need.Source.RESIDENT && n.submittedByAccountId() != null
                    && n.submittedByAccountId() == actor.accountId();
            Taker helper = takers.stream().filter(t -> n.takenBy(t.unit().id())).findFirst().orElse(null);
            Taker offered = actor.has(MatchingPermissions.NEED_TAKE) ? takers.stream().filter(t -> n.dispatchedTo(t.unit().id())
                    || n.state() == NeedState.DISPATCHED && n.pool() && t.pool().contains(n.areaPath())).findFirst()
                    .orElse(null) : null;
            boolean identity = staff || own || helper != null && n.identityVisibility() == Need.IdentityVisibility.HELPER;
            ResidentRef resident = identity && n.residentId() != null ? residents.find(n.residentId()).orElse(null) : null;
            boolean write = permissions.canWrite(actor, n);
            List<String> actions = new ArrayList<>();
            for (String step : n.state().allowed()) {
                boolean may = switch (step) {
                    case "dispatch", "cancel" -> write;
                    case "take" -> offered != null;
                    case "decline" -> offered != null && !n.declinedBy(offered.unit().id());
                    case "fulfil" -> helper != null;
                    case "confirm" -> own || write;
                    default -> false;
                };
                if (may) {
                    actions.add(step);
                }
            }
            List<UnitView> targets = staff ? n.dispatchUnitIds().stream().map(u -> new UnitView(u,
                    unitNames.computeIfAbsent(u, k -> units.find(k).map(PartnerUnitRef::name).orElse("#" + k)),
                    n.declinedBy(u))).toList() : null;
            boolean seesProgress = staff || own || helper != null;
            String place = places.computeIfAbsent(n.areaPath() + "|" + n.householdId(), k -> placeOf(n));
            if (n.place() != null) {
                place = place == null ? n.place() : place + " · " + n.place();
            }
            return new NeedView(n.id(), n.title(), n.description(), n.category(), properties.label(n.category(), locale),
                    n.urgency().name(), place, resident == null ? null : resident.name(),
                    resident == null ? null : resident.doorNumber(), resident == null ? null : resident.maskedPhone(),
                    staff || own ? n.identityVisibility().name() : null, n.source().name(), n.state().name(),
                    n.submittedAt(), staff || own ? n.submittedBy() : null, staff || own ? n.submittedOnBehalf() : null,
                    staff ? n.pool() : null, targets, staff ? n.dispatchedBy() : null, n.dispatchedAt(),
                    n.state() == NeedState.DISPATCHED && n.dispatchedAt() != null
                            ? n.dispatchedAt().plusSeconds(3600L * properties.takeWithinHours()) : null,
                    seesProgress || n.state() != NeedState.DISPATCHED ? n.takerName() : null,
                    n.takenAt(), seesProgress ? n.fulfilNote() : null, n.fulfilledAt(),
                    seesProgress && withPhoto.contains(n.id()), staff ? n.confirmedBy() : null,
                    seesProgress ? n.confirmedOnBehalf() : null, n.confirmedAt(), seesProgress ? n.rating() : null,
                    seesProgress ? n.comment() : null,
                    seesProgress ? n.steps().stream().map(s -> new StepView(s.action(), s.byName(), s.at(),
                            s.action().equals("decline") && !staff && helper == null ? null : s.note())).toList() : null,
                    own ? "REQUESTER" : helper != null ? "HELPER" : offered != null ? "OFFERED" : null, actions,
                    n.version());
        }).toList();
    }

    private static long photoId(NeedPhoto photo) {
        return photo.needId();
    }

    /** The compound (for a household's need: the area above its building) or the area of a place. */
    private String placeOf(Need need) {
        Long id = placeAreaId(need);
        return id == null ? null : areas.find(id).map(Areas.AreaRef::name).orElse(null);
    }

    /** The area that names a need's place: the compound above the household's building, or the area itself. */
    private static Long placeAreaId(Need need) {
        String[] parts = need.areaPath().split("/");
        int index = need.householdId() != null ? parts.length - 2 : parts.length - 1;
        return index < 1 ? null : Long.parseLong(parts[index]);
    }
}
