package org.lianxin.resident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.ResidentEvents.ResidentChanged;
import org.lianxin.resident.ResidentEvents.ResidentNumberRevealed;
import org.lianxin.resident.ResidentViews.ResidentView;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PersonalDataCipher.Sealed;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
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
 * Residents of households. Numbers are answered masked; an exact lookup by ID or phone number goes
 * through the blind index in a POST body (never a URL); revealing a number is its own permission and
 * is audited.
 */
@Tag(name = "居民台账 Residents")
@RestController
@RequestMapping("/api/v1/residents")
@Transactional
class ResidentController {

    static final String MOBILE = "1[3-9]\\d{9}";

    record ResidentForm(@NotNull Long householdId, @NotBlank @Size(max = 100) String name,
                        @NotBlank @Size(max = 18) String idNumber,
                        @Pattern(regexp = MOBILE, message = "{validation.mobile}") String phone,
                        @NotNull Relation relation, Set<ResidentTag> tags) {
    }

    record UpdateForm(@NotBlank @Size(max = 100) String name, @Size(max = 18) String idNumber,
                      @Pattern(regexp = MOBILE, message = "{validation.mobile}") String phone,
                      @NotNull Relation relation, Set<ResidentTag> tags, @NotNull Long version) {
    }

    record SearchForm(@Size(max = 18) String idNumber,
                      @Pattern(regexp = MOBILE, message = "{validation.mobile}") String phone) {
    }

    record RevealForm(@NotNull @Pattern(regexp = "idNumber|phone", message = "{validation.reveal-field}") String field) {
    }

    record RevealView(long id, String field, String value) {
    }

    private final ResidentRepository residents;
    private final HouseholdRepository households;
    private final ResidentPermissions permissions;
    private final ResidentViews views;
    private final PersonalDataCipher cipher;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ResidentRecords records;
    private final jakarta.persistence.EntityManager entities;
    private final org.springframework.context.MessageSource messages;

    ResidentController(ResidentRepository residents, HouseholdRepository households, ResidentPermissions permissions,
                       ResidentViews views, PersonalDataCipher cipher, Areas areas, Ids ids,
                       ApplicationEventPublisher events, Clock clock, ResidentRecords records,
                       jakarta.persistence.EntityManager entities, org.springframework.context.MessageSource messages) {
        this.entities = entities;
        this.messages = messages;
        this.records = records;
        this.residents = residents;
        this.households = households;
        this.permissions = permissions;
        this.views = views;
        this.cipher = cipher;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Residents in the caller's areas, by building, household, any area above, tag or name")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<ResidentView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long buildingId,
                                @RequestParam(required = false) Long householdId,
                                @RequestParam(required = false) Long areaId,
                                @RequestParam(required = false) ResidentTag tag,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        permissions.require(actor, ResidentPermissions.RESIDENT_READ);
        Specification<Resident> spec = filter(actor.scopeFor(ResidentPermissions.RESIDENT_READ), buildingId, householdId,
                areaId, tag, q);
        Page<Resident> result = residents.findAll(spec, Paging.of(page, size, Sort.by("areaPath", "householdId", "id")));
        return views(actor, result);
    }

    /** The list's filters inside a scope; shared by the list and the export. */
    private Specification<Resident> filter(org.lianxin.shared.Scope scope, Long buildingId, Long householdId, Long areaId,
                                           ResidentTag tag, String q) {
        String under = areaId == null ? null : areas.find(areaId).map(AreaRef::path).orElse("/none/");
        Specification<Resident> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (buildingId != null) {
                Subquery<Long> inBuilding = query.subquery(Long.class);
                Root<Household> h = inBuilding.from(Household.class);
                inBuilding.select(h.get("id")).where(cb.equal(h.get("buildingId"), buildingId));
                all.add(root.get("householdId").in(inBuilding));
            }
            if (householdId != null) {
                all.add(cb.equal(root.get("householdId"), householdId));
            }
            if (under != null) {
                all.add(cb.like(root.get("areaPath"), under + "%"));
            }
            if (tag != null) {
                all.add(cb.like(root.get("tags"), "%," + tag.name() + ",%"));
            }
            if (q != null && !q.isBlank()) {
                all.add(cb.like(root.get("name"), "%" + q.strip().replace("%", "").replace("_", "") + "%"));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return spec;
    }

    @Operation(summary = "Residents in the caller's areas as an .xlsx file, with the list's filters; numbers masked unless "
            + "unmasked=true with resident:export:unmasked; every export is audited")
    @GetMapping("/export")
    void export(@CurrentUser Actor actor, @RequestParam(required = false) Long buildingId,
                @RequestParam(required = false) Long householdId, @RequestParam(required = false) Long areaId,
                @RequestParam(required = false) ResidentTag tag, @RequestParam(required = false) String q,
                @RequestParam(required = false) Boolean unmasked, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        permissions.require(actor, ResidentPermissions.RESIDENT_READ);
        boolean full = Boolean.TRUE.equals(unmasked);
        var scope = actor.scopeFor(ResidentPermissions.RESIDENT_READ);
        if (full) {
            permissions.require(actor, ResidentPermissions.EXPORT_UNMASKED);
            scope = actor.scopeFor(ResidentPermissions.EXPORT_UNMASKED);
        }
        Specification<Resident> spec = filter(scope, buildingId, householdId, areaId, tag, q);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        List<String> headers = en
                ? List.of("Name", "Gender", "Born", "ID number", "Mobile phone", "Compound", "Building", "Door number",
                "Relation to the householder", "Tags")
                : List.of("姓名", "性别", "出生日期", "身份证号", "手机号", "小区", "楼栋", "门牌号", "与户主关系", "居民标签");
        org.lianxin.shared.Spreadsheets.attachment(response, (en ? "residents-" : "居民台账-")
                + java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)) + ".xlsx");
        int rows;
        try (var writer = new org.lianxin.shared.Spreadsheets.Writer(response.getOutputStream(), en ? "Residents" : "居民",
                headers)) {
            int page = 0;
            while (true) {
                Page<Resident> result = residents.findAll(spec, org.springframework.data.domain.PageRequest.of(page++, 500,
                        Sort.by("areaPath", "householdId", "id")));
                Map<Long, Household> byId = households(result.getContent());
                var places = views.places(byId.values().stream().map(Household::areaPath).toList());
                for (Resident r : result.getContent()) {
                    ResidentView v = views.resident(r, byId.get(r.householdId()), places);
                    String id = full ? cipher.open(r.idNumberCipher()) : v.idNumber();
                    String phone = full ? (r.phoneCipher() == null ? null : cipher.open(r.phoneCipher())) : v.phone();
                    writer.row(java.util.Arrays.asList(v.name(), label("resident.gender." + v.gender(), locale),
                            v.birthDate() == null ? "" : v.birthDate().toString(), nz(id), nz(phone), nz(v.compoundName()),
                            nz(v.buildingName()), nz(v.doorNumber()), label("resident.relation." + v.relation(), locale),
                            v.tags().stream().map(t -> label("resident.tag." + t, locale)).collect(Collectors.joining(en ? ", " : "、"))));
                }
                entities.clear();
                if (!result.hasNext()) {
                    break;
                }
            }
            rows = writer.rows();
        }
        String filter = java.util.stream.Stream.of(buildingId == null ? null : "buildingId=" + buildingId,
                householdId == null ? null : "householdId=" + householdId, areaId == null ? null : "areaId=" + areaId,
                tag == null ? null : "tag=" + tag, q == null || q.isBlank() ? null : "q=" + q)
                .filter(java.util.Objects::nonNull).collect(Collectors.joining("&"));
        events.publishEvent(new org.lianxin.resident.ResidentEvents.ResidentsExported(filter, rows, !full));
    }

    private String label(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    @Operation(summary = "Exact lookup by ID number or phone through the blind index (the number stays out of the URL)")
    @PostMapping("/search")
    @Transactional(readOnly = true)
    List<ResidentView> search(@CurrentUser Actor actor, @Valid @RequestBody SearchForm form) {
        permissions.require(actor, ResidentPermissions.RESIDENT_READ);
        List<Resident> found;
        if (form.idNumber() != null && !form.idNumber().isBlank()) {
            found = residents.findByIdNumberIndex(cipher.blindIndex(idNumber(form.idNumber()).value()))
                    .map(List::of).orElse(List.of());
        } else if (form.phone() != null && !form.phone().isBlank()) {
            found = residents.findByPhoneIndex(cipher.blindIndex(form.phone().strip()));
        } else {
            throw new InvalidInputException("idNumber", "resident.search.empty");
        }
        var scope = actor.scopeFor(ResidentPermissions.RESIDENT_READ);
        List<Resident> visible = found.stream().filter(r -> scope.contains(r.areaPath())).toList();
        return views(visible);
    }

    @Operation(summary = "One resident, numbers masked")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ResidentView get(@CurrentUser Actor actor, @PathVariable long id) {
        return views(List.of(visible(actor, id))).get(0);
    }

    @Operation(summary = "Add a resident to a household")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResidentView create(@CurrentUser Actor actor, @Valid @RequestBody ResidentForm form) {
        Household household = households.findById(form.householdId())
                .orElseThrow(() -> new NotFoundException("Household"));
        permissions.checkChange(actor, ResidentPermissions.RESIDENT_READ, ResidentPermissions.RESIDENT_WRITE,
                household.areaPath(), "Household");
        Resident resident = records.create(household, form.name(), form.idNumber(), form.phone(), form.relation(),
                form.tags());
        events.publishEvent(new ResidentChanged("resident.create", resident.id(),
                resident.name() + " -> household " + household.id()));
        return views(List.of(resident)).get(0);
    }

    @Operation(summary = "Change a resident's record; an omitted ID number or phone stays as it is")
    @PutMapping("/{id}")
    ResidentView update(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody UpdateForm form) {
        Resident resident = writable(actor, id);
        if (!form.version().equals(resident.version())) {
            throw new OptimisticLockingFailureException("resident " + id + " changed meanwhile");
        }
        List<String> changed = new ArrayList<>();
        if (form.idNumber() != null && !form.idNumber().isBlank() && !form.idNumber().contains("*")) {
            IdNumber idNumber = idNumber(form.idNumber());
            Sealed sealed = cipher.seal(idNumber.value());
            if (!sealed.blindIndex().equals(resident.idNumberIndex())) {
                if (residents.existsByIdNumberIndex(sealed.blindIndex())) {
                    throw new ConflictException("duplicate-id-number", "resident.id-number.taken");
                }
                resident.changeIdNumber(idNumber, sealed);
                changed.add("idNumber");
            }
        }
        if (form.phone() != null && !form.phone().isBlank()) {
            resident.changePhone(phone(form.phone()));
            changed.add("phone");
        }
        resident.update(form.name().strip(), form.relation(), tags(form.tags()));
        residents.saveAndFlush(resident);
        events.publishEvent(new ResidentChanged("resident.update", resident.id(),
                resident.name() + (changed.isEmpty() ? "" : " (changed " + String.join(", ", changed) + ")")));
        return views(List.of(resident)).get(0);
    }

    @Operation(summary = "Remove a resident from the ledger (moved away, deceased)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@CurrentUser Actor actor, @PathVariable long id) {
        Resident resident = writable(actor, id);
        residents.delete(resident);
        events.publishEvent(new ResidentChanged("resident.remove", resident.id(), resident.name()));
    }

    @Operation(summary = "Show one full number of a resident; needs resident:pii:reveal and is audited")
    @PostMapping("/{id}/reveal")
    RevealView reveal(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody RevealForm form) {
        Resident resident = residents.findById(id).orElseThrow(() -> new NotFoundException("Resident"));
        permissions.checkReveal(actor, resident.areaPath());
        String value = "idNumber".equals(form.field()) ? cipher.open(resident.idNumberCipher())
                : cipher.open(resident.phoneCipher());
        events.publishEvent(new ResidentNumberRevealed(resident.id(), form.field()));
        return new RevealView(resident.id(), form.field(), value);
    }

    private Resident visible(Actor actor, long id) {
        Resident resident = residents.findById(id).orElseThrow(() -> new NotFoundException("Resident"));
        permissions.checkVisible(actor, ResidentPermissions.RESIDENT_READ, ResidentPermissions.RESIDENT_WRITE,
                resident.areaPath(), "Resident");
        return resident;
    }

    private Resident writable(Actor actor, long id) {
        Resident resident = residents.findById(id).orElseThrow(() -> new NotFoundException("Resident"));
        permissions.checkChange(actor, ResidentPermissions.RESIDENT_READ, ResidentPermissions.RESIDENT_WRITE,
                resident.areaPath(), "Resident");
        return resident;
    }

    static IdNumber idNumber(String raw) {
        if (!IdNumber.isValid(raw)) {
            throw new InvalidInputException("idNumber", "validation.id-number");
        }
        return new IdNumber(raw);
    }

    private Sealed phone(String raw) {
        return raw == null || raw.isBlank() ? null : cipher.seal(raw.strip());
    }

    private static Set<ResidentTag> tags(Set<ResidentTag> tags) {
        return tags == null || tags.isEmpty() ? EnumSet.noneOf(ResidentTag.class) : EnumSet.copyOf(tags);
    }

    private PageView<ResidentView> views(Actor actor, Page<Resident> page) {
        Map<Long, Household> byId = households(page.getContent());
        var places = views.places(byId.values().stream().map(Household::areaPath).toList());
        return PageView.of(page, r -> views.resident(r, byId.get(r.householdId()), places));
    }

    private List<ResidentView> views(List<Resident> list) {
        Map<Long, Household> byId = households(list);
        var places = views.places(byId.values().stream().map(Household::areaPath).toList());
        return list.stream().map(r -> views.resident(r, byId.get(r.householdId()), places)).toList();
    }

    private Map<Long, Household> households(List<Resident> list) {
        return households.findByIdIn(list.stream().map(Resident::householdId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Household::id, Function.identity()));
    }
}
