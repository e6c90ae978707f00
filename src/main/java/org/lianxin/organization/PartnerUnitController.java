package org.lianxin.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.organization.PartnerUnitEvents.PartnerUnitChanged;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Partner units. A unit is visible where it was recorded and in every community it is actively
 * paired with; it is changed where it was recorded; a pairing is made by whoever may write at the
 * community.
 */
@Tag(name = "共建单位 Partner units")
@RestController
@RequestMapping("/api/v1/partner-units")
@Transactional
class PartnerUnitController {

    record UnitForm(@NotBlank @Size(max = 200) String name, @NotNull PartnerUnit.Kind kind,
                    @Size(max = 300) String address, @Size(max = 2000) String description, Long areaId) {
    }

    record UpdateForm(@NotBlank @Size(max = 200) String name, @NotNull PartnerUnit.Kind kind,
                      @Size(max = 300) String address, @Size(max = 2000) String description, @NotNull Long version) {
    }

    record ContactForm(@NotBlank @Size(max = 100) String name,
                       @NotBlank @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{validation.phone}") String phone,
                       @Size(max = 100) String position, @Size(max = 64) String username) {
    }

    record PairingForm(@NotNull Long communityId, @NotNull LocalDate since, @Size(max = 500) String note) {
    }

    record EndForm(LocalDate until) {
    }

    record ContactView(long id, String name, String position, String phone, String username) {
    }

    record PairingView(long id, long communityId, String communityName, LocalDate since, LocalDate until, String note,
                       boolean active) {
    }

    record PartnerUnitView(long id, String name, String kind, String kindLabel, String address, String description,
                           long areaId, String areaName, List<ContactView> contacts, List<PairingView> pairings,
                           long version) {
    }

    record KindView(String code, String label) {
    }

    private final PartnerUnitRepository units;
    private final AreaRepository areas;
    private final OrganizationPermissions permissions;
    private final PersonalDataCipher cipher;
    private final AccountDirectory accounts;
    private final Ids ids;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartnerUnitController(PartnerUnitRepository units, AreaRepository areas, OrganizationPermissions permissions,
                          PersonalDataCipher cipher, AccountDirectory accounts, Ids ids, MessageSource messages,
                          ApplicationEventPublisher events, Clock clock) {
        this.units = units;
        this.areas = areas;
        this.permissions = permissions;
        this.cipher = cipher;
        this.accounts = accounts;
        this.ids = ids;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "The kinds of partner units")
    @GetMapping("/kinds")
    List<KindView> kinds(@CurrentUser Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        return Arrays.stream(PartnerUnit.Kind.values()).map(k -> new KindView(k.name(), kindLabel(k, locale))).toList();
    }

    @Operation(summary = "Partner units recorded in or paired with the caller's areas")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<PartnerUnitView> list(@CurrentUser Actor actor, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) PartnerUnit.Kind kind,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        Scope scope = actor.scopeFor(OrganizationPermissions.PARTNER_READ);
        Specification<PartnerUnit> spec = (root, query, cb) -> {
            // an uncorrelated IN (not a correlated EXISTS), so the database computes the paired units once
            Subquery<Long> paired = query.subquery(Long.class);
            Root<PartnerPairing> pairing = paired.from(PartnerPairing.class);
            paired.select(pairing.get("unit").get("id")).where(cb.isTrue(pairing.get("active")),
                    ScopeSpecification.predicate(cb, pairing.get("communityPath"), scope));
            Predicate visible = cb.or(ScopeSpecification.predicate(cb, root.get("areaPath"), scope),
                    root.get("id").in(paired));
            if (q != null && !q.isBlank()) {
                visible = cb.and(visible, cb.like(root.get("name"), "%" + q.strip().replace("%", "") + "%"));
            }
            if (kind != null) {
                visible = cb.and(visible, cb.equal(root.get("kind"), kind));
            }
            return visible;
        };
        var result = units.findAll(spec, Paging.of(page, size, Sort.by("name")));
        Map<Long, String> names = areaNames(result.getContent());
        return PageView.of(result, u -> view(u, names));
    }

    @Operation(summary = "The units whose contact the caller is, with their pairings")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<PartnerUnitView> mine(@CurrentUser Actor actor) {
        permissions.require(actor, OrganizationPermissions.PARTNER_OWN);
        List<PartnerUnit> mine = units.findByContactAccount(actor.accountId());
        Map<Long, String> names = areaNames(mine);
        return mine.stream().map(u -> view(u, names)).toList();
    }

    @Operation(summary = "One partner unit with contacts and pairings")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    PartnerUnitView get(@CurrentUser Actor actor, @PathVariable long id) {
        PartnerUnit unit = visible(actor, id);
        return view(unit, areaNames(List.of(unit)));
    }

    @Operation(summary = "Record a partner unit at a subdistrict or community")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartnerUnitView create(@CurrentUser Actor actor, @Valid @RequestBody UnitForm form) {
        if (form.areaId() == null) {
            throw new InvalidInputException("areaId", "validation.required");
        }
        Area area = areas.findById(form.areaId()).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkChange(actor, OrganizationPermissions.PARTNER_READ, OrganizationPermissions.PARTNER_WRITE,
                area.path(), "Area");
        String name = form.name().strip();
        if (units.existsByName(name)) {
            throw new ConflictException("conflict", "partner-unit.name.taken", name);
        }
        PartnerUnit unit = units.save(new PartnerUnit(ids.next("partner_unit_seq"), name, form.kind(),
                trim(form.address()), trim(form.description()), area, clock.instant()));
        events.publishEvent(new PartnerUnitChanged("partner-unit.create", unit.id(), unit.name()));
        return view(unit, areaNames(List.of(unit)));
    }

    @Operation(summary = "Change a partner unit's record")
    @PutMapping("/{id}")
    PartnerUnitView update(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody UpdateForm form) {
        PartnerUnit unit = writable(actor, id);
        if (!form.version().equals(unit.version())) {
            throw new OptimisticLockingFailureException("partner unit " + id + " changed meanwhile");
        }
        String name = form.name().strip();
        if (!name.equals(unit.name()) && units.existsByName(name)) {
            throw new ConflictException("conflict", "partner-unit.name.taken", name);
        }
        unit.update(name, form.kind(), trim(form.address()), trim(form.description()));
        units.saveAndFlush(unit);
        events.publishEvent(new PartnerUnitChanged("partner-unit.update", unit.id(), unit.name()));
        return view(unit, areaNames(List.of(unit)));
    }

    @Operation(summary = "Add a contact person; a username links the person's login to the unit")
    @PostMapping("/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    PartnerUnitView addContact(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ContactForm form) {
        PartnerUnit unit = writable(actor, id);
        String username = trim(form.username());
        Long accountId = null;
        if (username != null) {
            accountId = accounts.idOf(username)
                    .orElseThrow(() -> new InvalidInputException("username", "partner-unit.contact.no-account", username));
        }
        unit.addContact(ids.next("partner_contact_seq"), form.name().strip(), trim(form.position()),
                cipher.seal(new PhoneNumber(form.phone().strip()).value()), accountId, username);
        units.saveAndFlush(unit);
        events.publishEvent(new PartnerUnitChanged("partner-unit.contact.add", unit.id(), form.name().strip()));
        return view(unit, areaNames(List.of(unit)));
    }

    @Operation(summary = "Remove a contact person")
    @DeleteMapping("/{id}/contacts/{contactId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeContact(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long contactId) {
        PartnerUnit unit = writable(actor, id);
        PartnerContact removed = unit.removeContact(contactId);
        units.saveAndFlush(unit);
        events.publishEvent(new PartnerUnitChanged("partner-unit.contact.remove", unit.id(), removed.name()));
    }

    @Operation(summary = "Pair the unit with a community")
    @PostMapping("/{id}/pairings")
    @ResponseStatus(HttpStatus.CREATED)
    PartnerUnitView pair(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody PairingForm form) {
        PartnerUnit unit = visible(actor, id);
        Area community = areas.findById(form.communityId()).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkChange(actor, OrganizationPermissions.PARTNER_READ, OrganizationPermissions.PARTNER_WRITE,
                community.path(), "Area");
        PartnerPairing pairing = unit.pair(ids.next("partner_pairing_seq"), community, form.since(), trim(form.note()));
        units.saveAndFlush(unit);
        events.publishEvent(new PartnerUnitChanged("partner-unit.pair", unit.id(),
                unit.name() + " + " + community.name() + " #" + pairing.id()));
        return view(unit, areaNames(List.of(unit)));
    }

    @Operation(summary = "End a pairing")
    @PostMapping("/{id}/pairings/{pairingId}/end")
    PartnerUnitView endPairing(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long pairingId,
                               @RequestBody(required = false) EndForm form) {
        PartnerUnit unit = visible(actor, id);
        PartnerPairing pairing = unit.pairings().stream().filter(p -> p.id() == pairingId).findFirst()
                .orElseThrow(() -> new NotFoundException("PartnerPairing"));
        Scope write = actor.scopeFor(OrganizationPermissions.PARTNER_WRITE);
        if (!write.contains(pairing.communityPath()) && !write.contains(unit.areaPath())) {
            throw new org.lianxin.shared.ForbiddenException(OrganizationPermissions.PARTNER_WRITE);
        }
        LocalDate until = form == null || form.until() == null ? LocalDate.now(clock) : form.until();
        if (until.isBefore(pairing.since())) {
            throw new InvalidInputException("until", "partner-unit.pairing.until-before-since");
        }
        unit.endPairing(pairingId, until);
        units.saveAndFlush(unit);
        events.publishEvent(new PartnerUnitChanged("partner-unit.unpair", unit.id(), unit.name() + " #" + pairingId));
        return view(unit, areaNames(List.of(unit)));
    }

    private PartnerUnit visible(Actor actor, long id) {
        PartnerUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("PartnerUnit"));
        Scope read = actor.scopeFor(OrganizationPermissions.PARTNER_READ);
        boolean visible = read.contains(unit.areaPath())
                || unit.pairings().stream().anyMatch(p -> p.active() && read.contains(p.communityPath()))
                || actor.scopeFor(OrganizationPermissions.PARTNER_WRITE).contains(unit.areaPath());
        if (!visible) {
            throw new NotFoundException("PartnerUnit");
        }
        return unit;
    }

    private PartnerUnit writable(Actor actor, long id) {
        PartnerUnit unit = visible(actor, id);
        permissions.checkWritable(actor, OrganizationPermissions.PARTNER_WRITE, unit.areaPath());
        return unit;
    }

    private Map<Long, String> areaNames(List<PartnerUnit> list) {
        var ids = list.stream().flatMap(u -> java.util.stream.Stream.concat(java.util.stream.Stream.of(u.areaId()),
                u.pairings().stream().map(PartnerPairing::communityId))).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : areas.findAllById(ids).stream().collect(Collectors.toMap(Area::id, Area::name));
    }

    private PartnerUnitView view(PartnerUnit unit, Map<Long, String> names) {
        Locale locale = LocaleContextHolder.getLocale();
        return new PartnerUnitView(unit.id(), unit.name(), unit.kind().name(), kindLabel(unit.kind(), locale),
                unit.address(), unit.description(), unit.areaId(), names.get(unit.areaId()),
                unit.contacts().stream().map(c -> new ContactView(c.id(), c.name(), c.position(),
                        PhoneNumber.mask(cipher.open(c.phoneCipher())), c.username())).toList(),
                unit.pairings().stream().map(p -> new PairingView(p.id(), p.communityId(), names.get(p.communityId()),
                        p.since(), p.until(), p.note(), p.active())).toList(),
                unit.version());
    }

    private String kindLabel(PartnerUnit.Kind kind, Locale locale) {
        return messages.getMessage("partner-unit.kind." + kind.name(), null, kind.name(), locale);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
