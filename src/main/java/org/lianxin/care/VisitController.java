package org.lianxin.care;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.care.CareEvents.VisitLogged;
import org.lianxin.care.CareEvents.VisitRaisedCase;
import org.lianxin.care.CareEvents.VisitRaisedNeed;
import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.resident.Households;
import org.lianxin.resident.Households.Located;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.ImageFiles;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Visits (走访): a member logs a visit to a household of his community, staff and grid workers to one in
 * their scope; when, what was seen, whether the resident was in, an optional photo, and in the same step a
 * need or a case raised from it. Care visits (kind CARE) go to members in a care category, with the
 * 一看二谈三送 checklist.
 */
@Tag(name = "走访 Visits")
@RestController
@RequestMapping("/api/v1/visits")
@Transactional
class VisitController {

    /** A visit's photo: JPEG, PNG or WebP by its first bytes ({@link ImageFiles}), at most 2 MB. */
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    /**
     * A visit as logged: {@code visitedAt} defaults to now and may not be in the future; {@code householdId} for a
     * household visit, {@code caredMemberId} for a care visit (kind CARE) with {@code checklist} items of
     * {@link CareItem}; {@code photo} is base64 of a JPEG, PNG or WebP (a data URL is accepted).
     */
    record VisitForm(Visit.Kind kind, Long householdId, Long caredMemberId, Instant visitedAt,
                     @Size(max = Visit.MAX_SEEN) String seen, Boolean residentPresent,
                     @Size(max = 6) List<String> checklist, @Size(max = Visit.MAX_RAISED) String raiseNeed,
                     @Size(max = Visit.MAX_RAISED) String raiseCase, String photo) {
    }

    record ChecklistItem(String code, String label) {
    }

    record VisitView(long id, String kind, Long householdId, String household, String householder, Long caredMemberId,
                     String caredMemberName, String visitorName, Instant visitedAt, String seen, boolean residentPresent,
                     List<ChecklistItem> checklist, String raisedNeed, String raisedCase, boolean hasPhoto,
                     Instant createdAt) {
    }

    /** A member of a community who is due care visits: id and name only, never the category or health. */
    record CareMember(long memberId, String name, Instant lastCareVisitAt) {
    }

    private final VisitRepository visits;
    private final Households households;
    private final PartyMembers members;
    private final org.lianxin.organization.Areas areas;
    private final CarePermissions permissions;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    VisitController(VisitRepository visits, Households households, PartyMembers members, org.lianxin.organization.Areas areas,
                    CarePermissions permissions, Ids ids,
                    ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.visits = visits;
        this.households = households;
        this.members = members;
        this.areas = areas;
        this.permissions = permissions;
        this.ids = ids;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "Visits staff may see in their scope, and the caller's own; filter by household, cared member, "
            + "kind, visitor name, period, and whether a need or case was raised")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<VisitView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long householdId,
                             @RequestParam(required = false) Long caredMemberId,
                             @RequestParam(required = false) Visit.Kind kind,
                             @RequestParam(required = false) String visitor,
                             @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                             @RequestParam(required = false) Boolean raised,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        List<String> paths = new ArrayList<>(actor.scopeFor(CarePermissions.VISIT_READ).prefixes());
        paths.addAll(actor.scopeFor(CarePermissions.VISIT_LOG).prefixes());
        Scope scope = Scope.of(paths);
        Specification<Visit> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(cb.or(ScopeSpecification.predicate(cb, root.get("areaPath"), scope),
                    cb.equal(root.get("visitorAccountId"), actor.accountId())));
            if (householdId != null) {
                all.add(cb.equal(root.get("householdId"), householdId));
            }
            if (caredMemberId != null) {
                all.add(cb.equal(root.get("caredMemberId"), caredMemberId));
            }
            if (kind != null) {
                all.add(cb.equal(root.get("kind"), kind));
            }
            if (visitor != null && !visitor.isBlank()) {
                all.add(cb.like(root.get("visitorName"), "%" + visitor.strip() + "%"));
            }
            if (from != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("visitedAt"), from));
            }
            if (to != null) {
                all.add(cb.lessThan(root.get("visitedAt"), to));
            }
            if (Boolean.TRUE.equals(raised)) {
                all.add(cb.or(cb.isNotNull(root.get("raisedNeed")), cb.isNotNull(root.get("raisedCase"))));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = visits.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "visitedAt").and(Sort.by("id"))));
        return new PageView<>(views(result.getContent()), result.getNumber(), result.getSize(), result.getTotalElements(),
                result.getTotalPages());
    }

    @Operation(summary = "The photo of a visit (as an image)")
    @GetMapping("/{id}/photo")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> photo(@CurrentUser Actor actor, @PathVariable long id) {
        Visit visit = visits.findById(id)
                .filter(v -> permissions.seesVisits(actor, v.areaPath()) || v.visitorAccountId().equals(actor.accountId()))
                .orElseThrow(() -> new NotFoundException("Visit"));
        if (visit.photo() == null) {
            throw new NotFoundException("VisitPhoto");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(visit.photoType()))
                .cacheControl(CacheControl.noStore()).body(visit.photo());
    }

    @Operation(summary = "PartyMembers due care visits (四类党员) in the caller's community, or in a given community in scope: "
            + "ids and names only")
    @GetMapping("/care-members")
    @Transactional(readOnly = true)
    List<CareMember> careMembers(@CurrentUser Actor actor, @RequestParam(required = false) Long communityId) {
        Set<Long> communities = new HashSet<>();
        if (communityId != null) {
            var community = areas.find(communityId).filter(c -> "COMMUNITY".equals(c.level()))
                    .filter(c -> permissions.seesVisits(actor, c.path()) || members.ofAccount(actor.accountId())
                            .filter(m -> m.communityId() == communityId).isPresent())
                    .orElseThrow(() -> new NotFoundException("Area"));
            communities.add(community.id());
        } else {
            members.ofAccount(actor.accountId()).filter(m -> actor.has(CarePermissions.VISIT_USE))
                    .ifPresent(m -> communities.add(m.communityId()));
            actor.grants().stream().filter(g -> "COMMUNITY".equals(g.areaLevel()))
                    .filter(g -> actor.scopeFor(CarePermissions.VISIT_LOG).contains(g.areaPath())
                            || permissions.seesVisits(actor, g.areaPath()))
                    .forEach(g -> communities.add(g.areaId()));
        }
        List<MemberRef> cared = communities.stream().flatMap(c -> members.needingCareIn(c).stream())
                .map(members::find).flatMap(java.util.Optional::stream)
                .filter(m -> mayCareVisit(actor, m) || permissions.seesVisits(actor, m.communityPath())).toList();
        Map<Long, Instant> last = new HashMap<>();
        if (!cared.isEmpty()) {
            for (Object[] row : visits.lastCareVisits(cared.stream().map(MemberRef::id).toList())) {
                last.put((Long) row[0], (Instant) row[1]);
            }
        }
        return cared.stream().map(m -> new CareMember(m.id(), m.name(), last.get(m.id()))).toList();
    }

    @Operation(summary = "Log a visit (a member in his community, staff and grid workers in their scope), raising a need "
            + "or a case in the same step")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    VisitView log(@CurrentUser Actor actor, @Valid @RequestBody VisitForm form) {
        if (!actor.has(CarePermissions.VISIT_LOG) && !actor.has(CarePermissions.VISIT_USE)) {
            throw new ForbiddenException(CarePermissions.VISIT_LOG);
        }
        Visit.Kind kind = form.kind() == null ? Visit.Kind.HOUSEHOLD : form.kind();
        MemberRef self = actor.has(CarePermissions.VISIT_USE) ? members.ofAccount(actor.accountId()).orElse(null) : null;
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        List<CareItem> items = new ArrayList<>();
        List<String> asked = form.checklist() == null ? List.of() : form.checklist();
        for (int i = 0; i < asked.size(); i++) {
            try {
                items.add(CareItem.valueOf(String.valueOf(asked.get(i))));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem("checklist[" + i + "]", "care.checklist.unknown"));
            }
        }
        if (kind == Visit.Kind.HOUSEHOLD && !items.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("checklist", "care.checklist.care-only"));
        }
        if (form.seen() == null || form.seen().isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("seen", "validation.required"));
        }
        Instant now = clock.instant();
        Instant at = form.visitedAt() == null ? now : form.visitedAt();
        if (at.isAfter(now.plus(Visit.CLOCK_SKEW))) {
            problems.add(new InvalidInputException.FieldProblem("visitedAt", "care.visit.in-future"));
        }
        Long householdId = null;
        Long caredId = null;
        String path;
        if (kind == Visit.Kind.HOUSEHOLD) {
            if (form.householdId() == null) {
                throw withProblem(problems, "householdId", "validation.required");
            }
            Located home = households.find(List.of(form.householdId())).stream().findFirst().orElse(null);
            path = home == null ? null : home.areaPath();
            householdId = form.householdId();
            if (home == null || !permissions.logsIn(actor, path)) {
                if (self == null) {
                    throw new NotFoundException("Household");
                }
                if (home == null || !path.startsWith(self.communityPath())) {
                    throw withProblem(problems, "householdId", "care.household.outside-community");
                }
            }
        } else {
            if (form.caredMemberId() == null) {
                throw withProblem(problems, "caredMemberId", "validation.required");
            }
            MemberRef cared = members.find(form.caredMemberId()).orElse(null);
            if (cared == null || !mayCareVisit(actor, cared)) {
                if (self == null) {
                    throw new NotFoundException("Member");
                }
                throw withProblem(problems, "caredMemberId", "care.member.outside-community");
            }
            if (!members.needingCareIn(cared.communityId()).contains(cared.id())) {
                throw withProblem(problems, "caredMemberId", "care.member.not-in-care");
            }
            caredId = cared.id();
            path = cared.communityPath();
        }
        byte[] photo = null;
        String photoType = null;
        if (form.photo() != null && !form.photo().isBlank()) {
            try {
                photo = Base64.getMimeDecoder().decode(stripDataUrl(form.photo()));
            } catch (IllegalArgumentException e) {
                photo = new byte[0];
            }
            photoType = ImageFiles.typeOf(photo);
            if (photoType == null) {
                problems.add(new InvalidInputException.FieldProblem("photo", "care.photo.not-image"));
            } else if (photo.length > MAX_PHOTO_BYTES) {
                problems.add(new InvalidInputException.FieldProblem("photo", "care.photo.too-large",
                        MAX_PHOTO_BYTES / 1024 / 1024));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        Visit visit = new Visit(ids.next("care_seq"), kind, householdId, caredId, path,
                new Visit.Visitor(actor.accountId(), self == null ? null : self.id(), actor.displayName()), at, now,
                form.seen(), Boolean.TRUE.equals(form.residentPresent()), items, form.raiseNeed(), form.raiseCase());
        if (photo != null) {
            visit.attachPhoto(photoType, photo);
        }
        visits.saveAndFlush(visit);
        events.publishEvent(new VisitLogged(visit.id(), kind.name(), householdId, caredId, path, actor.displayName(), at));
        if (visit.raisedNeed() != null) {
            events.publishEvent(new VisitRaisedNeed(visit.id(), householdId, path, visit.raisedNeed(), actor.displayName()));
        }
        if (visit.raisedCase() != null) {
            events.publishEvent(new VisitRaisedCase(visit.id(), householdId, path, visit.raisedCase(), actor.displayName()));
        }
        return views(List.of(visit)).get(0);
    }

    /** A care visit: staff or grid workers with the log permission there, or a member of the same community. */
    private boolean mayCareVisit(Actor actor, MemberRef cared) {
        if (permissions.logsIn(actor, cared.communityPath())) {
            return true;
        }
        return actor.has(CarePermissions.VISIT_USE) && members.ofAccount(actor.accountId())
                .filter(m -> m.communityId() == cared.communityId()).isPresent();
    }

    private static InvalidInputException withProblem(List<InvalidInputException.FieldProblem> problems, String field,
                                                     String key) {
        List<InvalidInputException.FieldProblem> all = new ArrayList<>(problems);
        all.add(new InvalidInputException.FieldProblem(field, key));
        return new InvalidInputException("validation", all);
    }

    private List<VisitView> views(List<Visit> list) {
        Set<Long> homeIds = list.stream().map(Visit::householdId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Located> homes = households.find(homeIds).stream()
                .collect(Collectors.toMap(l -> l.household().id(), Function.identity()));
        var locale = LocaleContextHolder.getLocale();
        return list.stream().map(v -> {
            Located home = v.householdId() == null ? null : homes.get(v.householdId());
            String caredName = v.caredMemberId() == null ? null
                    : members.find(v.caredMemberId()).map(MemberRef::name).orElse(null);
            List<ChecklistItem> checklist = v.checklist().stream().map(item -> new ChecklistItem(item.name(),
                    messages.getMessage("care.item." + item.name(), null, item.name(), locale))).toList();
            return new VisitView(v.id(), v.kind().name(), v.householdId(), home == null ? null
                    : ContactAssignmentController.label(home), home == null ? null : home.householder(), v.caredMemberId(),
                    caredName, v.visitorName(), v.visitedAt(), v.seen(), v.residentPresent(), checklist, v.raisedNeed(),
                    v.raisedCase(), v.photo() != null, v.createdAt());
        }).toList();
    }

    private static String stripDataUrl(String data) {
        int comma = data.indexOf(',');
        return data.startsWith("data:") && comma > 0 ? data.substring(comma + 1) : data;
    }
}
