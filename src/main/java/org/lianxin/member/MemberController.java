package org.lianxin.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.MemberEvents.MemberChanged;
import org.lianxin.member.MemberEvents.MemberNumberRevealed;
import org.lianxin.member.MemberEvents.MembersExported;
import org.lianxin.member.MemberViews.Label;
import org.lianxin.member.MemberViews.MemberView;
import org.lianxin.member.MemberViews.RegistrationView;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.lianxin.shared.Spreadsheets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * Party members' records (五清). Numbers are answered masked; a reveal needs its own permission and is
 * audited. Health and the care category are answered only with {@code member:sensitive:read}.
 */
@Tag(name = "党员 Members")
@RestController
@RequestMapping("/api/v1/members")
@Transactional
class MemberController {

    static final String MOBILE = "1[3-9]\\d{9}";

    record MemberForm(@NotBlank @Size(max = 100) String name, @Size(max = 18) String idNumber,
                      @Pattern(regexp = "(" + MOBILE + ")?", message = "{member.phone.invalid}") String phone,
                      @NotNull Long communityId, Long buildingId, @Size(max = 300) String address,
                      @Size(max = 200) String ownOrganization, @NotNull Employment employment, LocalDate joinedOn,
                      List<String> skills, @Size(max = 1000) String factAddress, @Size(max = 1000) String factContact,
                      @Size(max = 1000) String factHealth, @Size(max = 1000) String factThinking,
                      @Size(max = 1000) String factWishes, CareCategory careCategory, Boolean consent,
                      @Size(max = 64) String username, Long version) {
    }

    record SearchForm(@Size(max = 18) String idNumber, @Size(max = 11) String phone) {
    }

    record RevealForm(@NotBlank @Pattern(regexp = "idNumber|phone") String field) {
    }

    record Revealed(String field, String value) {
    }

    record Options(List<Label> skills, List<Label> employments, List<Label> careCategories, List<Label> availabilities) {
    }

    record GridChoice(long id, String name) {
    }

    /** The caller as a member: his record, his registrations, his community's grids and the one his building lies in. */
    record Me(MemberView member, List<RegistrationView> registrations, List<GridChoice> grids, Long suggestedGridId) {
    }

    private final MemberRepository members;
    private final RegistrationRepository registrations;
    private final MemberViews views;
    private final MemberPermissions permissions;
    private final MemberProperties properties;
    private final Areas areas;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final MemberRecords records;
    private final jakarta.persistence.EntityManager entities;

    MemberController(MemberRepository members, RegistrationRepository registrations, MemberViews views,
                     MemberPermissions permissions, MemberProperties properties, Areas areas, PersonalDataCipher cipher,
                     ApplicationEventPublisher events, MemberRecords records,
                     jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.records = records;
        this.members = members;
        this.registrations = registrations;
        this.views = views;
        this.permissions = permissions;
        this.properties = properties;
        this.areas = areas;
        this.cipher = cipher;
        this.events = events;
    }

    @Operation(summary = "The configured skills, employments, care categories and availabilities, labelled")
    @GetMapping("/options")
    Options options(@CurrentUser Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Options(properties.skills().stream().map(s -> new Label(s.code(), s.label(locale))).toList(),
                Arrays.stream(Employment.values()).map(e -> new Label(e.name(), views.label("member.employment." + e.name(), locale))).toList(),
                Arrays.stream(CareCategory.values()).map(e -> new Label(e.name(), views.label("member.care." + e.name(), locale))).toList(),
                Arrays.stream(Availability.values()).map(e -> new Label(e.name(), views.label("registration.availability." + e.name(), locale))).toList());
    }

    @Operation(summary = "Members in the caller's scope: area subtree, employment, skill, care category, name")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<MemberView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                              @RequestParam(required = false) Employment employment,
                              @RequestParam(required = false) String skill,
                              @RequestParam(required = false) CareCategory careCategory,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        permissions.require(actor, MemberPermissions.READ);
        Specification<Member> spec = filter(actor, actor.scopeFor(MemberPermissions.READ), areaId, employment, skill,
                careCategory, q);
        var result = members.findAll(spec, Paging.of(page, size, Sort.by("name", "id")));
        List<MemberView> content = views.members(result.getContent(), actor);
        return new PageView<>(content, result.getNumber(), result.getSize(), result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "Members in the caller's scope as an .xlsx file, with the list's filters; numbers masked unless "
            + "unmasked=true with member:export:unmasked; every export is audited")
    @GetMapping("/export")
    void export(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                @RequestParam(required = false) Employment employment, @RequestParam(required = false) String skill,
                @RequestParam(required = false) CareCategory careCategory, @RequestParam(required = false) String q,
                @RequestParam(required = false) Boolean unmasked, HttpServletResponse response) throws java.io.IOException {
        permissions.require(actor, MemberPermissions.READ);
        boolean full = Boolean.TRUE.equals(unmasked);
        Scope scope = actor.scopeFor(MemberPermissions.READ);
        if (full) {
            permissions.require(actor, MemberPermissions.EXPORT_UNMASKED);
            scope = actor.scopeFor(MemberPermissions.EXPORT_UNMASKED);
        }
        Specification<Member> spec = filter(actor, scope, areaId, employment, skill, careCategory, q);
        Locale locale = LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        boolean sensitive = !actor.scopeFor(MemberPermissions.SENSITIVE).isEmpty();
        List<String> headers = new ArrayList<>(en
                ? List.of("Name", "Gender", "ID number", "Mobile phone", "Community", "Building", "Address",
                "Own Party organisation", "Employment", "Joined the Party on", "Skills")
                : List.of("姓名", "性别", "身份证号", "手机号", "所在社区", "楼栋", "居住地址", "所在单位党组织", "就业状态", "入党日期", "技能特长"));
        if (sensitive) {
            headers.addAll(en ? List.of("Health", "Care category") : List.of("健康状况", "关爱类别"));
        }
        Spreadsheets.attachment(response, (en ? "members-" : "党员名册-") + java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)) + ".xlsx");
        int rows;
        try (Spreadsheets.Writer writer = new Spreadsheets.Writer(response.getOutputStream(), en ? "Members" : "党员", headers)) {
            int page = 0;
            while (true) {
                var result = members.findAll(spec, org.springframework.data.domain.PageRequest.of(page++, 500, Sort.by("areaPath", "name", "id")));
                for (MemberView v : views.members(result.getContent(), actor)) {
                    Member m = result.getContent().stream().filter(x -> x.id() == v.id()).findFirst().orElseThrow();
                    String id = full ? cipher.open(m.idNumberCipher()) : v.idNumber();
                    String phone = full ? cipher.open(m.phoneCipher()) : v.phone();
                    List<Object> row = new ArrayList<>(List.of(v.name(), "M".equals(v.gender()) ? (en ? "male" : "男") : (en ? "female" : "女"),
                            nz(id), nz(phone), nz(v.communityName()), nz(v.buildingName()), nz(v.address()), nz(v.ownOrganization()),
                            nz(v.employmentLabel()), v.joinedOn() == null ? "" : v.joinedOn().toString(),
                            String.join(en ? ", " : "、", v.skills().stream().map(Label::label).toList())));
                    if (sensitive) {
                        row.add(nz(v.facts().health()));
                        row.add(nz(v.careCategoryLabel()));
                    }
                    writer.row(row);
                }
                entities.clear();
                if (!result.hasNext()) {
                    break;
                }
            }
            rows = writer.rows();
        }
        String filter = java.util.stream.Stream.of(areaId == null ? null : "areaId=" + areaId,
                employment == null ? null : "employment=" + employment, skill == null ? null : "skill=" + skill,
                careCategory == null ? null : "careCategory=" + careCategory, q == null || q.isBlank() ? null : "q=" + q)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("&"));
        events.publishEvent(new MembersExported(filter, rows, !full));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** The list's filters as a specification, inside the given scope; shared by the list and the export. */
    private Specification<Member> filter(Actor actor, Scope scope, Long areaId, Employment employment, String skill,
                                         CareCategory careCategory, String q) {
        String under = null;
        if (areaId != null) {
            AreaRef area = areas.find(areaId).filter(a -> scope.contains(a.path()) || a.path().length() > 0
                    && scope.prefixes().stream().anyMatch(p -> p.startsWith(a.path())))
                    .orElseThrow(() -> new NotFoundException("Area"));
            under = area.path();
        }
        if (careCategory != null) {
            Scope sensitive = actor.scopeFor(MemberPermissions.SENSITIVE);
            if (sensitive.isEmpty()) {
                throw new ForbiddenException(MemberPermissions.SENSITIVE);
            }
        }
        String prefix = under;
        Specification<Member> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (prefix != null) {
                all.add(cb.like(root.get("areaPath"), prefix + "%"));
            }
            if (employment != null) {
                all.add(cb.equal(root.get("employment"), employment));
            }
            if (skill != null && !skill.isBlank()) {
                all.add(cb.like(root.get("skills"), "%," + skill.strip().replace("%", "").replace("_", "") + ",%"));
            }
            if (careCategory != null) {
                all.add(cb.equal(root.get("careCategory"), careCategory));
                all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), actor.scopeFor(MemberPermissions.SENSITIVE)));
            }
            if (q != null && !q.isBlank()) {
                all.add(cb.like(root.get("name"), "%" + q.strip().replace("%", "") + "%"));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return spec;
    }

    @Operation(summary = "Exact lookup by ID number or phone (in the body, never in the URL)")
    @PostMapping("/search")
    @Transactional(readOnly = true)
    List<MemberView> search(@CurrentUser Actor actor, @Valid @RequestBody SearchForm form) {
        permissions.require(actor, MemberPermissions.READ);
        List<Member> found = new ArrayList<>();
        if (form.idNumber() != null && !form.idNumber().isBlank()) {
            if (!IdNumber.isValid(form.idNumber())) {
                throw new InvalidInputException("idNumber", "member.id-number.invalid");
            }
            members.findByIdNumberIndex(cipher.blindIndex(IdNumber.normalize(form.idNumber()))).ifPresent(found::add);
        } else if (form.phone() != null && !form.phone().isBlank()) {
            if (!form.phone().strip().matches(MOBILE)) {
                throw new InvalidInputException("phone", "member.phone.invalid");
            }
            found.addAll(members.findByPhoneIndex(cipher.blindIndex(form.phone().strip())));
        } else {
            throw new InvalidInputException("idNumber", "validation.required");
        }
        return views.members(found.stream().filter(m -> permissions.canSee(actor, m.areaPath())).toList(), actor);
    }

    @Operation(summary = "The caller's own member record (if his account is linked to one) and his registrations")
    @GetMapping("/me")
    @Transactional(readOnly = true)
    Me me(@CurrentUser Actor actor) {
        Optional<Member> mine = members.findByAccountId(actor.accountId());
        if (mine.isEmpty()) {
            return new Me(null, List.of(), List.of(), null);
        }
        Member m = mine.get();
        // in the order they were set up (第一, 第二, 第三网格), not by the characters' code points
        List<GridChoice> grids = areas.children(m.communityId(), "GRID").stream()
                .sorted(java.util.Comparator.comparingLong(AreaRef::id)).map(g -> new GridChoice(g.id(), g.name())).toList();
        Long suggested = areas.children(m.communityId(), "GRID").stream().filter(g -> m.areaPath().startsWith(g.path()))
                .map(AreaRef::id).findFirst().orElse(null);
        return new Me(views.member(m, null), views.registrations(registrations.findByMemberIdOrderByAppliedAtDesc(m.id())),
                grids, suggested);
    }

    @Operation(summary = "One member")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    MemberView get(@CurrentUser Actor actor, @PathVariable long id) {
        return views.member(visible(actor, id), actor);
    }

    @Operation(summary = "Record a member")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MemberView create(@CurrentUser Actor actor, @Valid @RequestBody MemberForm form) {
        AreaRef community = areas.find(form.communityId()).filter(a -> permissions.canSee(actor, a.path())
                || actor.scopeFor(MemberPermissions.WRITE).contains(a.path())).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkWritable(actor, community.path());
        Member member = records.create(actor, form, community);
        members.flush();
        events.publishEvent(new MemberChanged("member.create", member.id(), member.name()));
        return views.member(member, actor);
    }

    @Operation(summary = "Change a member's record")
    @PutMapping("/{id}")
    MemberView update(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody MemberForm form) {
        Member member = visible(actor, id);
        permissions.checkWritable(actor, member.areaPath());
        if (form.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        if (!form.version().equals(member.version())) {
            throw new OptimisticLockingFailureException("member " + id + " changed meanwhile");
        }
        AreaRef community = areas.find(form.communityId()).filter(a -> actor.scopeFor(MemberPermissions.WRITE).contains(a.path()))
                .orElseThrow(() -> new NotFoundException("Area"));
        // a blank number keeps the stored one: the client only ever saw it masked
        String gender = member.gender();
        if (form.idNumber() != null && !form.idNumber().isBlank()) {
            IdNumber idNumber = MemberRecords.idNumber(form.idNumber());
            String index = cipher.blindIndex(idNumber.value());
            if (!index.equals(member.idNumberIndex())) {
                if (members.existsByIdNumberIndex(index)) {
                    throw new ConflictException("conflict", "member.id-number.taken");
                }
                member.changeIdNumber(cipher.seal(idNumber.value()));
            }
            gender = idNumber.gender();
        }
        if (form.phone() != null && !form.phone().isBlank()) {
            member.changePhone(cipher.seal(form.phone().strip()));
        }
        member.rename(form.name().strip(), gender);
        records.apply(member, form, community, actor);
        members.saveAndFlush(member);
        events.publishEvent(new MemberChanged("member.update", member.id(), member.name()));
        return views.member(member, actor);
    }

    @Operation(summary = "Show one number in full (needs member:pii:reveal; audited)")
    @PostMapping("/{id}/reveal")
    Revealed reveal(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody RevealForm form) {
        Member member = visible(actor, id);
        if (!actor.scopeFor(MemberPermissions.REVEAL).contains(member.areaPath())) {
            throw new ForbiddenException(MemberPermissions.REVEAL);
        }
        String value = "idNumber".equals(form.field()) ? cipher.open(member.idNumberCipher()) : cipher.open(member.phoneCipher());
        events.publishEvent(new MemberNumberRevealed(member.id(), form.field()));
        return new Revealed(form.field(), value);
    }

    private Member visible(Actor actor, long id) {
        Member member = members.findById(id).orElseThrow(() -> new NotFoundException("Member"));
        permissions.checkVisible(actor, member.areaPath(), "Member");
        return member;
    }
}
