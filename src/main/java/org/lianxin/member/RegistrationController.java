package org.lianxin.member;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.MemberEvents.RegistrationApproved;
import org.lianxin.member.MemberEvents.RegistrationChanged;
import org.lianxin.member.MemberViews.RegistrationView;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.OrgUnits;
import org.lianxin.organization.OrgUnits.OrgUnitRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
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
 * Registration with a community (报到): a member applies (or staff record it for him), the community
 * approves with a placement or rejects with a reason; the member may withdraw.
 */
@Tag(name = "报到 Registrations")
@RestController
@RequestMapping("/api/v1/registrations")
@Transactional
class RegistrationController {

    record ApplyForm(@NotNull Long communityId, @NotNull Long gridId, List<String> skills,
                     @NotEmpty List<Availability> availability, @Size(max = 500) String note, Long memberId) {
    }

    record ApproveForm(@NotNull Long branchId, Long groupId, Long zoneId) {
    }

    /** What the placed member leads; empty: he steps down. */
    record LeadForm(Leadership role) {
    }

    record RejectForm(@NotBlank @Size(max = 500) String reason) {
    }

    record GridOverview(long gridId, String gridName, long registered, long pending, Instant latest, long activitiesSince) {
    }

    private final RegistrationRepository registrations;
    private final MemberRepository members;
    private final MemberViews views;
    private final MemberPermissions permissions;
    private final MemberProperties properties;
    private final Areas areas;
    private final OrgUnits orgUnits;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final MemberNotices notices;
    private final Clock clock;

    RegistrationController(RegistrationRepository registrations, MemberRepository members, MemberViews views,
                           MemberPermissions permissions, MemberProperties properties, Areas areas, OrgUnits orgUnits,
                           Ids ids, ApplicationEventPublisher events, MemberNotices notices, Clock clock) {
        this.registrations = registrations;
        this.members = members;
        this.views = views;
        this.permissions = permissions;
        this.properties = properties;
        this.areas = areas;
        this.orgUnits = orgUnits;
        this.ids = ids;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
    }

    @Operation(summary = "Registrations with the communities in the caller's scope (queue: state=PENDING)")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<RegistrationView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long communityId,
                                    @RequestParam(required = false) Long gridId,
                                    @RequestParam(required = false) Long branchId,
                                    @RequestParam(required = false) RegistrationState state,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        Scope visible = permissions.registrationScope(actor);
        Specification<Registration> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("communityPath"), visible));
            if (communityId != null) {
                all.add(cb.equal(root.get("communityId"), communityId));
            }
            if (gridId != null) {
                all.add(cb.equal(root.get("gridId"), gridId));
            }
            if (branchId != null) {
                all.add(cb.equal(root.get("branchId"), branchId));
            }
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = registrations.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "appliedAt")
                .and(Sort.by("id"))));
        return new PageView<>(views.registrations(result.getContent()), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "The caller's own registrations (as a member)")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<RegistrationView> mine(@CurrentUser Actor actor) {
        return members.findByAccountId(actor.accountId())
                .map(m -> views.registrations(registrations.findByMemberIdOrderByAppliedAtDesc(m.id())))
                .orElse(List.of());
    }

    @Operation(summary = "Per grid of a community (or of the community holding the given area): approved registrations, "
            + "pending ones, the latest approval, and activity since (0 until later modules report it)")
    @GetMapping("/by-grid")
    @Transactional(readOnly = true)
    List<GridOverview> byGrid(@CurrentUser Actor actor, @RequestParam long communityId) {
        AreaRef area = areas.find(communityId).orElseThrow(() -> new NotFoundException("Area"));
        AreaRef community = communityOf(area).orElseThrow(() -> new NotFoundException("Area"));
        if (!permissions.seesRegistrations(actor, community.path())) {
            throw new NotFoundException("Area");
        }
        List<Registration> approved = registrations.findByCommunityIdAndState(community.id(), RegistrationState.APPROVED);
        List<Registration> pending = registrations.findByCommunityIdAndState(community.id(), RegistrationState.PENDING);
        Map<Long, List<Registration>> byGrid = approved.stream().collect(Collectors.groupingBy(Registration::gridId));
        Map<Long, Long> pendingByGrid = pending.stream().collect(Collectors.groupingBy(Registration::gridId, Collectors.counting()));
        return areas.children(community.id(), "GRID").stream().sorted(Comparator.comparingLong(AreaRef::id)).map(grid -> {
            List<Registration> list = byGrid.getOrDefault(grid.id(), List.of());
            Instant latest = list.stream().map(Registration::decidedAt).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            return new GridOverview(grid.id(), grid.name(), list.size(), pendingByGrid.getOrDefault(grid.id(), 0L), latest, 0);
        }).toList();
    }

    @Operation(summary = "One registration")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    RegistrationView get(@CurrentUser Actor actor, @PathVariable long id) {
        return views.registrations(List.of(visible(actor, id))).get(0);
    }

    @Operation(summary = "Apply to register with a community (the member himself, or staff on his behalf with memberId)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationView apply(@CurrentUser Actor actor, @Valid @RequestBody ApplyForm form) {
        AreaRef community = areas.find(form.communityId()).orElseThrow(() -> new NotFoundException("Area"));
        Member member;
        if (form.memberId() != null) {
            if (!actor.scopeFor(MemberPermissions.REVIEW).contains(community.path())) {
                throw new NotFoundException("Area");
            }
            member = members.findById(form.memberId()).filter(m -> permissions.canSee(actor, m.areaPath()))
                    .orElseThrow(() -> new NotFoundException("Member"));
        } else {
            if (!actor.scopeFor(MemberPermissions.APPLY).contains(community.path())) {
                throw new NotFoundException("Area");
            }
            member = members.findByAccountId(actor.accountId())
                    .orElseThrow(() -> new InvalidInputException("memberId", "registration.no-member"));
        }
        AreaRef grid = areas.find(form.gridId())
                .orElseThrow(() -> new InvalidInputException("gridId", "registration.grid.outside-community"));
        List<String> skills = form.skills() == null ? List.of() : form.skills();
        for (String skill : skills) {
            if (!properties.knows(skill)) {
                throw new InvalidInputException("skills", "member.skill.unknown", skill);
            }
        }
        Registration registration = new Registration(ids.next("registration_seq"), member, community, grid, skills,
                form.availability(), trim(form.note()), clock.instant());
        if (registrations.existsByActiveKey(member.id() + ":" + community.id())) {
            throw new ConflictException("conflict", "registration.active.exists", community.name());
        }
        registrations.saveAndFlush(registration);
        events.publishEvent(new RegistrationChanged("registration.apply", registration.id(),
                member.name() + " -> " + community.name() + " / " + grid.name()));
        return views.registrations(List.of(registration)).get(0);
    }

    @Operation(summary = "Approve with a placement: a grid branch of the community, optionally a group and a zone")
    @PostMapping("/{id}/approve")
    RegistrationView approve(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ApproveForm form) {
        Registration registration = visible(actor, id);
        permissions.checkReview(actor, registration.communityPath());
        OrgUnitRef branch = orgUnits.find(form.branchId()).orElseThrow(() -> new NotFoundException("OrgUnit"));
        OrgUnitRef group = form.groupId() == null ? null
                : orgUnits.find(form.groupId()).orElseThrow(() -> new NotFoundException("OrgUnit"));
        OrgUnitRef zone = form.zoneId() == null ? null
                : orgUnits.find(form.zoneId()).orElseThrow(() -> new NotFoundException("OrgUnit"));
        registration.approve(branch, group, zone, actor.displayName(), clock.instant());
        registrations.saveAndFlush(registration);
        events.publishEvent(new RegistrationApproved(registration.id(), registration.memberId(), registration.communityId(),
                registration.gridId(), branch.id(), registration.groupId(), registration.zoneId()));
        tellMember(registration, "registration.approved", branch.name());
        return views.registrations(List.of(registration)).get(0);
    }

    @Operation(summary = "Mark an approved member as the secretary of his branch, the leader of his group or of his "
            + "responsibility zone (one per organisation); an empty role steps him down")
    @PostMapping("/{id}/lead")
    RegistrationView lead(@CurrentUser Actor actor, @PathVariable long id, @RequestBody LeadForm form) {
        Registration registration = visible(actor, id);
        permissions.checkReview(actor, registration.communityPath());
        String key = registration.leadKeyFor(form.role());
        if (key != null) {
            registrations.findByLeadKey(key).filter(other -> !other.id().equals(registration.id()))
                    .ifPresent(other -> {
                        String holder = members.findById(other.memberId()).map(Member::name).orElse("?");
                        throw new ConflictException("conflict", "registration.lead.taken", holder);
                    });
        }
        registration.lead(form.role());
        registrations.saveAndFlush(registration);
        events.publishEvent(new RegistrationChanged("registration.lead", registration.id(),
                form.role() == null ? "steps down" : form.role().name()));
        return views.registrations(List.of(registration)).get(0);
    }

    @Operation(summary = "Reject with a reason the member sees")
    @PostMapping("/{id}/reject")
    RegistrationView reject(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody RejectForm form) {
        Registration registration = visible(actor, id);
        permissions.checkReview(actor, registration.communityPath());
        registration.reject(form.reason(), actor.displayName(), clock.instant());
        registrations.saveAndFlush(registration);
        events.publishEvent(new RegistrationChanged("registration.reject", registration.id(), form.reason().strip()));
        tellMember(registration, "registration.rejected", form.reason().strip());
        return views.registrations(List.of(registration)).get(0);
    }

    @Operation(summary = "Withdraw a pending or approved registration (the member himself, or a reviewer)")
    @PostMapping("/{id}/withdraw")
    RegistrationView withdraw(@CurrentUser Actor actor, @PathVariable long id) {
        Registration registration = visible(actor, id);
        boolean own = members.findByAccountId(actor.accountId()).map(m -> m.id().equals(registration.memberId())).orElse(false);
        if (!own) {
            permissions.checkReview(actor, registration.communityPath());
        }
        registration.withdraw(clock.instant());
        registrations.saveAndFlush(registration);
        events.publishEvent(new RegistrationChanged("registration.withdraw", registration.id(), "withdrawn"));
        return views.registrations(List.of(registration)).get(0);
    }

    /** The member hears of the decision in his inbox (when he has an account). */
    private void tellMember(Registration registration, String kind, String detail) {
        String community = areas.find(registration.communityId()).map(AreaRef::name).orElse("");
        notices.tell(java.util.Collections.singletonList(members.findById(registration.memberId()).map(Member::accountId)
                .orElse(null)), kind, "/m/registration", "Registration", registration.id(), community, detail);
    }

    /** Staff of the community, or the member himself. */
    private Registration visible(Actor actor, long id) {
        Registration registration = registrations.findById(id).orElseThrow(() -> new NotFoundException("Registration"));
        boolean own = members.findByAccountId(actor.accountId()).map(m -> m.id().equals(registration.memberId())).orElse(false);
        if (!own && !permissions.seesRegistrations(actor, registration.communityPath())) {
            throw new NotFoundException("Registration");
        }
        return registration;
    }

    private Optional<AreaRef> communityOf(AreaRef area) {
        if ("COMMUNITY".equals(area.level())) {
            return Optional.of(area);
        }
        List<Long> ancestors = java.util.Arrays.stream(area.path().split("/")).filter(s -> !s.isEmpty())
                .map(Long::valueOf).toList();
        return areas.findAll(ancestors).stream().filter(a -> "COMMUNITY".equals(a.level())).findFirst();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
