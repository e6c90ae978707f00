package org.lianxin.member;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.MemberEvents.UnitRegistrationChanged;
import org.lianxin.member.MemberViews.UnitRegistrationView;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.organization.PartnerUnits.PartnerUnitRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Ids;
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
 * Unit registration (双报到): a partner unit's Party organisation registers with a community, applied for
 * by the unit's contact (or recorded by the community's reviewers); approved or rejected with a reason.
 */
@Tag(name = "双报到 Unit registrations")
@RestController
@RequestMapping("/api/v1/unit-registrations")
@Transactional
class UnitRegistrationController {

    record UnitApplyForm(@NotNull Long partnerUnitId, @NotNull Long communityId,
                         @NotBlank @Size(max = 200) String partyOrganization, @Size(max = 1000) String offer) {
    }

    record RejectForm(@NotBlank @Size(max = 500) String reason) {
    }

    private final UnitRegistrationRepository registrations;
    private final MemberViews views;
    private final MemberPermissions permissions;
    private final Areas areas;
    private final PartnerUnits partnerUnits;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final MemberNotices notices;
    private final Clock clock;

    UnitRegistrationController(UnitRegistrationRepository registrations, MemberViews views, MemberPermissions permissions,
                               Areas areas, PartnerUnits partnerUnits, Ids ids, ApplicationEventPublisher events, MemberNotices notices,
                               Clock clock) {
        this.registrations = registrations;
        this.views = views;
        this.permissions = permissions;
        this.areas = areas;
        this.partnerUnits = partnerUnits;
        this.ids = ids;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
    }

    @Operation(summary = "Unit registrations with the communities in the caller's scope")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<UnitRegistrationView> list(@CurrentUser Actor actor, @RequestParam(required = false) RegistrationState state,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        Scope visible = permissions.registrationScope(actor);
        Specification<UnitRegistration> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("communityPath"), visible));
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = registrations.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "appliedAt")));
        return new PageView<>(views.unitRegistrations(result.getContent()), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "The unit registrations of the units whose contact the caller is")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<UnitRegistrationView> mine(@CurrentUser Actor actor) {
        List<Long> units = partnerUnits.ofContact(actor.accountId()).stream().map(PartnerUnitRef::id).toList();
        return units.isEmpty() ? List.of() : views.unitRegistrations(registrations.findByPartnerUnitIdIn(units));
    }

    @Operation(summary = "One unit registration")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    UnitRegistrationView get(@CurrentUser Actor actor, @PathVariable long id) {
        return views.unitRegistrations(List.of(visible(actor, id))).get(0);
    }

    @Operation(summary = "Apply (the unit's contact) or record (a reviewer of the community) a unit registration")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UnitRegistrationView apply(@CurrentUser Actor actor, @Valid @RequestBody UnitApplyForm form) {
        AreaRef community = areas.find(form.communityId()).orElseThrow(() -> new NotFoundException("Area"));
        PartnerUnitRef unit = partnerUnits.find(form.partnerUnitId()).orElseThrow(() -> new NotFoundException("PartnerUnit"));
        boolean reviewer = actor.scopeFor(MemberPermissions.REVIEW).contains(community.path());
        boolean contact = actor.has(MemberPermissions.UNIT_APPLY) && unit.contactAccountIds().contains(actor.accountId())
                && actor.scopeFor(MemberPermissions.UNIT_APPLY).contains(community.path());
        if (!reviewer && !contact) {
            throw new NotFoundException("Area");
        }
        if (registrations.existsByActiveKey(unit.id() + ":" + community.id())) {
            throw new ConflictException("conflict", "unit-registration.active.exists", unit.name(), community.name());
        }
        UnitRegistration registration = new UnitRegistration(ids.next("unit_registration_seq"), unit,
                form.partyOrganization().strip(), community, form.offer() == null ? null : form.offer().strip(),
                actor.displayName(), clock.instant());
        registrations.saveAndFlush(registration);
        events.publishEvent(new UnitRegistrationChanged("unit-registration.apply", registration.id(),
                unit.name() + " -> " + community.name()));
        return views.unitRegistrations(List.of(registration)).get(0);
    }

    @Operation(summary = "Approve a unit registration")
    @PostMapping("/{id}/approve")
    UnitRegistrationView approve(@CurrentUser Actor actor, @PathVariable long id) {
        UnitRegistration registration = visible(actor, id);
        permissions.checkReview(actor, registration.communityPath());
        registration.approve(actor.displayName(), clock.instant());
        registrations.saveAndFlush(registration);
        events.publishEvent(new UnitRegistrationChanged("unit-registration.approve", registration.id(), registration.unitName()));
        tellContacts(registration, "unit-registration.approved", "");
        return views.unitRegistrations(List.of(registration)).get(0);
    }

    @Operation(summary = "Reject a unit registration with a reason")
    @PostMapping("/{id}/reject")
    UnitRegistrationView reject(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody RejectForm form) {
        UnitRegistration registration = visible(actor, id);
        permissions.checkReview(actor, registration.communityPath());
        registration.reject(form.reason(), actor.displayName(), clock.instant());
        registrations.saveAndFlush(registration);
        events.publishEvent(new UnitRegistrationChanged("unit-registration.reject", registration.id(), form.reason().strip()));
        tellContacts(registration, "unit-registration.rejected", form.reason().strip());
        return views.unitRegistrations(List.of(registration)).get(0);
    }

    @Operation(summary = "Withdraw a unit registration (the unit's contact or a reviewer)")
    @PostMapping("/{id}/withdraw")
    UnitRegistrationView withdraw(@CurrentUser Actor actor, @PathVariable long id) {
        UnitRegistration registration = visible(actor, id);
        if (!isContact(actor, registration)) {
            permissions.checkReview(actor, registration.communityPath());
        }
        registration.withdraw(clock.instant());
        registrations.saveAndFlush(registration);
        events.publishEvent(new UnitRegistrationChanged("unit-registration.withdraw", registration.id(), registration.unitName()));
        return views.unitRegistrations(List.of(registration)).get(0);
    }

    private boolean isContact(Actor actor, UnitRegistration registration) {
        return partnerUnits.find(registration.partnerUnitId())
                .map(u -> u.contactAccountIds().contains(actor.accountId())).orElse(false);
    }

    /** The unit's contacts hear of the decision in their inbox. */
    private void tellContacts(UnitRegistration registration, String kind, String detail) {
        String community = areas.find(registration.communityId()).map(AreaRef::name).orElse("");
        partnerUnits.find(registration.partnerUnitId()).ifPresent(unit -> notices.tell(unit.contactAccountIds(), kind,
                "/admin/my-partner-units", "UnitRegistration", registration.id(), community, registration.unitName(), detail));
    }

    private UnitRegistration visible(Actor actor, long id) {
        UnitRegistration registration = registrations.findById(id).orElseThrow(() -> new NotFoundException("UnitRegistration"));
        if (!permissions.seesRegistrations(actor, registration.communityPath()) && !isContact(actor, registration)) {
            throw new NotFoundException("UnitRegistration");
        }
        return registration;
    }
}
