package org.lianxin.care;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.care.CareEvents.ContactAssignmentChanged;
import org.lianxin.care.DueVisits.Due;
import org.lianxin.care.DueVisits.Status;
import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.resident.Households;
import org.lianxin.resident.Households.Located;
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
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * 1+n contact (联系户): community staff put a Party member in contact with households of his community
 * (above {@link #ADVISED_MAX} the answer carries a warning, not a refusal); a household has one contact
 * at a time (409 naming him); ending keeps the history. Lists show when each household is due a visit.
 */
@Tag(name = "联系户 1+n contact")
@RestController
@RequestMapping("/api/v1/contact-assignments")
@Transactional
class ContactAssignmentController {

    /** The seed's rule: one member for every 5–7 households. */
    static final int ADVISED_MAX = 7;

    record AssignForm(@NotNull Long memberId, @NotEmpty @Size(max = 50) List<Long> householdIds) {
    }

    /** One contact household as staff and the member see it; {@code status}: OVERDUE, DUE, OK, ENDED. */
    record AssignmentView(long id, long memberId, String memberName, long householdId, String household,
                          String householder, int residentCount, List<String> tags, boolean weekly, int everyDays,
                          Instant startedAt, String startedBy, Instant endedAt, String endedBy, Instant lastVisitAt,
                          Instant dueAt, String status, boolean canEnd) {
    }

    /** What assigning answers: the new assignments, how many households the member now has, a warning above seven. */
    record AssignResult(List<AssignmentView> assignments, long households, String warning) {
    }

    /** A member's contact households at a glance. */
    record MemberSummary(long memberId, String memberName, long households, long overdue, long due, boolean overAdvised,
                         String warning) {
    }

    private final ContactAssignmentRepository assignments;
    private final DueVisits due;
    private final PartyMembers members;
    private final Households households;
    private final CarePermissions permissions;
    private final CareNotices notices;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    ContactAssignmentController(ContactAssignmentRepository assignments, DueVisits due, PartyMembers members,
                                Households households, CarePermissions permissions, CareNotices notices, Ids ids,
                                ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.assignments = assignments;
        this.due = due;
        this.members = members;
        this.households = households;
        this.permissions = permissions;
        this.notices = notices;
        this.ids = ids;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "Contact households in the caller's scope with their due dates, most urgent first; filter by "
            + "member, status (OVERDUE, DUE, OK), and whether ended ones are included")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<AssignmentView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long memberId,
                                  @RequestParam(required = false) Status status,
                                  @RequestParam(required = false) Boolean includeEnded,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        List<Due> all = filtered(actor, memberId, Boolean.TRUE.equals(includeEnded) || status == Status.ENDED);
        List<Due> chosen = all.stream().filter(d -> status == null || d.status() == status)
                .sorted(Comparator.comparing((Due d) -> d.status().ordinal()).thenComparing(Due::dueAt)).toList();
        var paging = Paging.of(page, size, org.springframework.data.domain.Sort.unsorted());
        int from = (int) Math.min(paging.getOffset(), chosen.size());
        int to = Math.min(from + paging.getPageSize(), chosen.size());
        int pages = (chosen.size() + paging.getPageSize() - 1) / paging.getPageSize();
        return new PageView<>(chosen.subList(from, to).stream().map(d -> view(actor, d)).toList(), paging.getPageNumber(),
                paging.getPageSize(), chosen.size(), pages);
    }

    @Operation(summary = "PartyMembers with contact households in the caller's scope: how many, how many due or overdue, "
            + "and the warning above seven")
    @GetMapping("/by-member")
    @Transactional(readOnly = true)
    List<MemberSummary> byMember(@CurrentUser Actor actor) {
        Map<Long, List<Due>> byMember = new LinkedHashMap<>();
        filtered(actor, null, false).stream().sorted(Comparator.comparing((Due d) -> d.assignment().memberName())
                        .thenComparing(d -> d.assignment().memberId()))
                .forEach(d -> byMember.computeIfAbsent(d.assignment().memberId(), k -> new ArrayList<>()).add(d));
        return byMember.values().stream().map(list -> {
            long n = list.size();
            return new MemberSummary(list.get(0).assignment().memberId(), list.get(0).assignment().memberName(), n,
                    list.stream().filter(d -> d.status() == Status.OVERDUE).count(),
                    list.stream().filter(d -> d.status() == Status.DUE).count(), n > ADVISED_MAX, warning(n));
        }).toList();
    }

    @Operation(summary = "The caller's own contact households (a Party member), overdue and due first")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<AssignmentView> mine(@CurrentUser Actor actor) {
        return members.ofAccount(actor.accountId())
                .map(m -> due.of(assignments.findByMemberIdAndActiveKeyIsNotNullOrderById(m.id())).stream()
                        .sorted(Comparator.comparing((Due d) -> d.status().ordinal()).thenComparing(Due::dueAt))
                        .map(d -> view(actor, d)).toList())
                .orElse(List.of());
    }

    @Operation(summary = "Put a member in contact with households of his community; a warning above seven households; "
            + "409 naming the current contact if a household already has one")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AssignResult assign(@CurrentUser Actor actor, @Valid @RequestBody AssignForm form) {
        if (!actor.has(CarePermissions.CONTACT_WRITE)) {
            throw new org.lianxin.shared.ForbiddenException(CarePermissions.CONTACT_WRITE);
        }
        MemberRef member = members.find(form.memberId())
                .filter(m -> permissions.seesContacts(actor, m.communityPath()))
                .orElseThrow(() -> new NotFoundException("Member"));
        permissions.checkAssign(actor, member.communityPath());
        Set<Long> wanted = new LinkedHashSet<>(form.householdIds());
        Map<Long, Located> found = new LinkedHashMap<>();
        households.find(wanted).forEach(l -> found.put(l.household().id(), l));
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        int i = 0;
        for (Long id : form.householdIds()) {
            Located home = found.get(id);
            if (home == null || !home.areaPath().startsWith(member.communityPath())) {
                problems.add(new InvalidInputException.FieldProblem("householdIds[" + i + "]",
                        "care.household.outside-community"));
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        for (ContactAssignment current : assignments.findByActiveKeyIn(wanted)) {
            throw new ConflictException("contact-taken", "care.assignment.taken", label(found.get(current.householdId())),
                    current.memberName());
        }
        Instant now = clock.instant();
        List<ContactAssignment> made = wanted.stream().map(h -> new ContactAssignment(ids.next("care_seq"), member, h,
                found.get(h).areaPath(), actor.displayName(), now)).toList();
        assignments.saveAllAndFlush(made);
        made.forEach(a -> events.publishEvent(new ContactAssignmentChanged("contact.assign", a.id(), a.memberId(),
                a.householdId(), member.name())));
        long n = assignments.countByMemberIdAndActiveKeyIsNotNull(member.id());
        notices.tell(member.accountId(), "contact.assigned", String.valueOf(made.get(0).id()), String.valueOf(made.size()),
                String.valueOf(n));
        return new AssignResult(due.of(made).stream().map(d -> view(actor, d)).toList(), n, warning(n));
    }

    @Operation(summary = "End a contact (the history stays)")
    @PostMapping("/{id}/end")
    AssignmentView end(@CurrentUser Actor actor, @PathVariable long id) {
        ContactAssignment assignment = assignments.findById(id)
                .filter(a -> permissions.seesContacts(actor, a.areaPath()))
                .orElseThrow(() -> new NotFoundException("ContactAssignment"));
        permissions.checkAssign(actor, assignment.areaPath());
        assignment.end(actor.displayName(), clock.instant());
        assignments.saveAndFlush(assignment);
        events.publishEvent(new ContactAssignmentChanged("contact.end", assignment.id(), assignment.memberId(),
                assignment.householdId(), assignment.memberName()));
        return view(actor, due.of(List.of(assignment)).get(0));
    }

    private List<Due> filtered(Actor actor, Long memberId, boolean includeEnded) {
        List<String> paths = new ArrayList<>(actor.scopeFor(CarePermissions.CONTACT_READ).prefixes());
        paths.addAll(actor.scopeFor(CarePermissions.CONTACT_WRITE).prefixes());
        Scope scope = Scope.of(paths);
        Specification<ContactAssignment> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (memberId != null) {
                all.add(cb.equal(root.get("memberId"), memberId));
            }
            if (!includeEnded) {
                all.add(cb.isNotNull(root.get("activeKey")));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return due.of(assignments.findAll(spec));
    }

    private String warning(long households) {
        return households > ADVISED_MAX ? messages.getMessage("care.assignment.over-advised",
                new Object[] {households, ADVISED_MAX}, LocaleContextHolder.getLocale()) : null;
    }

    static String label(Located home) {
        if (home == null) {
            return "-";
        }
        var h = home.household();
        return (h.compoundName() == null ? "" : h.compoundName() + " ") + h.doorNumber();
    }

    private AssignmentView view(Actor actor, Due d) {
        ContactAssignment a = d.assignment();
        Located home = d.household();
        return new AssignmentView(a.id(), a.memberId(), a.memberName(), a.householdId(), label(home),
                home == null ? null : home.householder(), home == null ? 0 : home.household().residentCount(),
                home == null ? List.of() : List.copyOf(home.household().tagCounts().keySet()), d.weekly(), d.everyDays(),
                a.startedAt(), a.startedBy(), a.endedAt(), a.endedBy(), d.lastVisitAt(), d.dueAt(), d.status().name(),
                a.active() && actor.scopeFor(CarePermissions.CONTACT_WRITE).contains(a.areaPath()));
    }
}
