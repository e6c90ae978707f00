package org.lianxin.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.casework.CaseworkEvents.CaseChanged;
import org.lianxin.casework.CaseworkEvents.ReporterPhoneRevealed;
import org.lianxin.resident.Residents;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return visits (回访): the community's staff call (or visit, or text) the reporter of a sampled closed case and
 * record each attempt; a dissatisfied reporter's case may be reopened in the same step. Each attempt notes a
 * history row on the case that the reporter sees ("社区已回访", the way and the outcome); what he said stays with
 * the visit, for staff only. His phone is masked; showing it is audited.
 */
@Tag(name = "回访 Return visits")
@RestController
@RequestMapping("/api/v1")
@Transactional
class ReturnVisitController {

    /** The 待回访 list's tabs: due (overdue included), overdue only, done (reached or given up). */
    enum Filter { DUE, OVERDUE, DONE }

    record AttemptForm(ReturnVisit.Way way, Boolean reached, ReturnVisit.Satisfaction satisfaction,
                       @Size(max = 2000) String remark, Boolean reopen, @Size(max = 1000) String reason, Long version) {
    }

    record VersionForm(Long version) {
    }

    record AttemptView(String way, boolean reached, String satisfaction, String remark, String by, Instant at) {
    }

    record VisitView(long id, long caseId, String categoryLabel, String description, String gridName,
                     String caseState, String reporterName, String maskedPhone, Integer rating, String reason,
                     Instant closedAt, Instant dueAt, boolean overdue, String status, int attempts,
                     String satisfaction, boolean reopened, Instant doneAt, String doneBy, boolean mayGiveUp,
                     List<AttemptView> history, long version) {
    }

    /** The scope's return visits in figures: satisfaction rate = (satisfied + basically satisfied) / reached. */
    record Summary(long sampled, long due, long overdue, long done, long unreachable, long satisfied,
                   long basicallySatisfied, long dissatisfied, long reopened, Double satisfactionRate) {
    }

    record PhoneView(long caseId, String phone) {
    }

    private final ReturnVisitRepository visits;
    private final CaseRepository cases;
    private final CaseCategoryRepository categories;
    private final ReturnVisits sampling;
    private final CaseIntake intake;
    private final Residents residents;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReturnVisitController(ReturnVisitRepository visits, CaseRepository cases, CaseCategoryRepository categories,
                          ReturnVisits sampling, CaseIntake intake, Residents residents, JdbcTemplate jdbc,
                          ApplicationEventPublisher events, Clock clock) {
        this.visits = visits;
        this.cases = cases;
        this.categories = categories;
        this.sampling = sampling;
        this.intake = intake;
        this.residents = residents;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private static Scope scope(Actor actor) {
        Scope scope = actor.scopeFor(CaseworkPermissions.RETURN_VISIT);
        if (scope.isEmpty()) {
            throw new ForbiddenException(CaseworkPermissions.RETURN_VISIT);
        }
        return scope;
    }

    @Operation(summary = "The sampled return visits of the caller's area (待回访): due (overdue first), overdue, or done")
    @GetMapping("/return-visits")
    @Transactional(readOnly = true)
    PageView<VisitView> list(@CurrentUser Actor actor, @RequestParam(required = false) Filter filter,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope scope = scope(actor);
        Filter f = filter == null ? Filter.DUE : filter;
        Instant now = clock.instant();
        Specification<ReturnVisit> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            all.add(cb.isTrue(root.get("sampled")));
            switch (f) {
                case DUE -> all.add(cb.equal(root.get("status"), ReturnVisit.Status.DUE));
                case OVERDUE -> {
                    all.add(cb.equal(root.get("status"), ReturnVisit.Status.DUE));
                    all.add(cb.lessThan(root.get("dueAt"), now));
                }
                case DONE -> all.add(root.get("status").in(ReturnVisit.Status.DONE, ReturnVisit.Status.UNREACHABLE));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Sort sort = f == Filter.DONE ? Sort.by(Sort.Direction.DESC, "doneAt").and(Sort.by(Sort.Direction.DESC, "id"))
                : Sort.by("dueAt").and(Sort.by("id"));
        Page<ReturnVisit> result = visits.findAll(spec, Paging.of(page, size, sort));
        return new PageView<>(views(result.getContent()), result.getNumber(), result.getSize(), result.getTotalElements(),
                result.getTotalPages());
    }

    @Operation(summary = "The return visits of the caller's area in figures: sampled, due, overdue, done, satisfaction")
    @GetMapping("/return-visits/summary")
    @Transactional(readOnly = true)
    Summary summary(@CurrentUser Actor actor) {
        Scope scope = scope(actor);
        List<Object> args = new ArrayList<>();
        args.add(java.sql.Timestamp.from(clock.instant()));
        String within = scope.prefixes().stream().map(p -> {
            args.add(p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            return "area_path like ? escape '\\'";
        }).collect(Collectors.joining(" or "));
        Map<String, Object> row = jdbc.queryForMap("select count(*) as sampled, "
                + "coalesce(sum(case when status = 'DUE' then 1 else 0 end), 0) as due, "
                + "coalesce(sum(case when status = 'DUE' and due_at < ? then 1 else 0 end), 0) as overdue, "
                + "coalesce(sum(case when status = 'DONE' then 1 else 0 end), 0) as done, "
                + "coalesce(sum(case when status = 'UNREACHABLE' then 1 else 0 end), 0) as unreachable, "
                + "coalesce(sum(case when satisfaction = 'SATISFIED' then 1 else 0 end), 0) as satisfied, "
                + "coalesce(sum(case when satisfaction = 'BASICALLY_SATISFIED' then 1 else 0 end), 0) as basically, "
                + "coalesce(sum(case when satisfaction = 'DISSATISFIED' then 1 else 0 end), 0) as dissatisfied, "
                + "coalesce(sum(case when reopened then 1 else 0 end), 0) as reopened "
                + "from return_visit where sampled and status <> 'SUPERSEDED' and (" + within + ")", args.toArray());
        long satisfied = number(row, "satisfied");
        long basically = number(row, "basically");
        long dissatisfied = number(row, "dissatisfied");
        long reached = satisfied + basically + dissatisfied;
        return new Summary(number(row, "sampled"), number(row, "due"), number(row, "overdue"), number(row, "done"),
                number(row, "unreachable"), satisfied, basically, dissatisfied, number(row, "reopened"),
                reached == 0 ? null : (double) (satisfied + basically) / reached);
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            value = row.get(column.toUpperCase(Locale.ROOT));
        }
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Operation(summary = "Record one attempt of a case's return visit: way, reached, satisfaction, what the reporter "
            + "said (≤ 500); dissatisfied may reopen the case at the community with a reason")
    @PostMapping("/cases/{id}/return-visit/attempts")
    VisitView record(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody AttemptForm form) {
        Case caze = inScope(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.way() == null) {
            problems.add(new FieldProblem("way", "validation.required"));
        }
        if (form.reached() == null) {
            problems.add(new FieldProblem("reached", "validation.required"));
        }
        boolean reached = Boolean.TRUE.equals(form.reached());
        if (reached && form.satisfaction() == null) {
            problems.add(new FieldProblem("satisfaction", "validation.required"));
        }
        String remark = form.remark() == null || form.remark().isBlank() ? null : form.remark().strip();
        if (remark != null && remark.length() > ReturnVisit.MAX_REMARK) {
            problems.add(new FieldProblem("remark", "case.text.too-long", ReturnVisit.MAX_REMARK));
        }
        boolean reopen = Boolean.TRUE.equals(form.reopen());
        if (reopen && !(reached && form.satisfaction() == ReturnVisit.Satisfaction.DISSATISFIED)) {
            problems.add(new FieldProblem("reopen", "case.return-visit.reopen-dissatisfied"));
        }
        if (reopen) {
            Case.text(form.reason(), Case.MAX_REASON, "reason", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        ReturnVisit visit = sampled(caze);
        if (form.version() != null && !form.version().equals(visit.version())) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        Instant at = clock.instant();
        Case.Who by = new Case.Who(actor.accountId(), actor.displayName());
        String from = caze.state().name();
        visit.record(form.way(), reached, form.satisfaction(), remark, by, at);
        caze.returnVisit(by, at, publicNote(form.way(), reached, form.satisfaction()));
        if (reopen) {
            Case.Holder community = intake.communityHolder(caze)
                    .orElseThrow(() -> new ConflictException("invalid-state", "case.return-visit.no-community"));
            caze.reopenAfterReturnVisit(community, by, at, form.reason(), intake.deadlines(caze.category()));
            visit.markReopened();
        }
        try {
            visits.saveAndFlush(visit);
            cases.saveAndFlush(caze);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        events.publishEvent(new CaseChanged("case.return-visit", caze.id(), caze.areaPath(), from, from,
                "return visit attempt " + visit.attempts() + " by " + form.way() + (reached ? ", reached, "
                        + form.satisfaction() : ", not reached")));
        if (reopen) {
            events.publishEvent(new CaseChanged("case.reopen", caze.id(), caze.areaPath(), from, caze.state().name(),
                    "after a return visit, level " + caze.level()));
            Set<Long> to = new java.util.LinkedHashSet<>(intake.responsible(caze));
            to.remove(actor.accountId());
            intake.tell(to, "case.reopened", caze, "/admin/cases", CaseIntake.gist(caze), form.reason().strip());
        }
        return views(List.of(visit)).get(0);
    }

    @Operation(summary = "Close a return visit as unreachable (无法联系) after three attempts that did not reach the reporter")
    @PostMapping("/cases/{id}/return-visit/give-up")
    VisitView giveUp(@CurrentUser Actor actor, @PathVariable long id, @RequestBody(required = false) VersionForm form) {
        Case caze = inScope(actor, id);
        ReturnVisit visit = sampled(caze);
        if (form != null && form.version() != null && !form.version().equals(visit.version())) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        visit.giveUp(new Case.Who(actor.accountId(), actor.displayName()), clock.instant());
        try {
            visits.saveAndFlush(visit);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        events.publishEvent(new CaseChanged("case.return-visit.unreachable", caze.id(), caze.areaPath(),
                caze.state().name(), caze.state().name(), "return visit closed as unreachable after " + visit.attempts()
                        + " attempts"));
        return views(List.of(visit)).get(0);
    }

    @Operation(summary = "Show the reporter's full phone number to call him back while the visit is due; audited")
    @PostMapping("/cases/{id}/return-visit/reveal-phone")
    PhoneView revealPhone(@CurrentUser Actor actor, @PathVariable long id) {
        Case caze = inScope(actor, id);
        ReturnVisit visit = sampled(caze);
        // the number is shown to make the visit, not afterwards
        if (visit.status() != ReturnVisit.Status.DUE) {
            throw new ConflictException("invalid-state", "case.return-visit.not-due", visit.status().name());
        }
        String phone = caze.reporterAccountId() == null ? null
                : residents.phoneOfAccount(caze.reporterAccountId()).orElse(null);
        if (phone == null) {
            throw new ConflictException("no-phone", "case.return-visit.no-phone");
        }
        events.publishEvent(new ReporterPhoneRevealed(caze.id(), caze.areaPath(), visit.id()));
        return new PhoneView(caze.id(), phone);
    }

    /** The case, when the caller makes return visits where it lies: 403 without the permission, 404 outside. */
    private Case inScope(Actor actor, long id) {
        Scope scope = scope(actor);
        return cases.findById(id).filter(c -> scope.contains(c.areaPath()))
                .orElseThrow(() -> new NotFoundException("Case"));
    }

    /** The decision of the case's latest closing; 409 when it was not sampled. */
    private ReturnVisit sampled(Case caze) {
        return visits.findFirstByCaseIdOrderByRoundDesc(caze.id()).filter(ReturnVisit::sampled)
                .orElseThrow(() -> new ConflictException("not-sampled", "case.return-visit.not-sampled"));
    }

    /** What the reporter (and everyone who sees the case) reads in the history: the way and the outcome only. */
    static String publicNote(ReturnVisit.Way way, boolean reached, ReturnVisit.Satisfaction satisfaction) {
        String how = switch (way) {
            case PHONE -> "电话回访";
            case VISIT -> "上门回访";
            case SMS -> "短信回访";
        };
        if (!reached) {
            return how + "，未联系上";
        }
        return how + "，" + switch (satisfaction) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
        };
    }

    private List<VisitView> views(List<ReturnVisit> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Case> byId = cases.findAllById(list.stream().map(ReturnVisit::caseId).toList()).stream()
                .collect(Collectors.toMap(Case::id, Function.identity()));
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new HashMap<>();
        categories.findAll().forEach(c -> labels.put(c.code(), c.label(locale)));
        Instant now = clock.instant();
        return list.stream().map(v -> {
            Case c = byId.get(v.caseId());
            boolean due = v.status() == ReturnVisit.Status.DUE;
            return new VisitView(v.id(), v.caseId(), labels.get(c.category()), c.description(), c.gridName(),
                    c.state().name(), c.reporterName(), sampling.maskedPhone(c).orElse(null), c.rating(),
                    v.reason().name(), v.closedAt(), v.dueAt(), due && v.dueAt() != null && now.isAfter(v.dueAt()),
                    v.status().name(), v.attempts(), v.satisfaction() == null ? null : v.satisfaction().name(),
                    v.reopened(), v.doneAt(), v.doneBy(), due && v.attempts() >= ReturnVisit.ATTEMPTS_BEFORE_GIVING_UP,
                    v.history().stream().map(a -> new AttemptView(a.way().name(), a.reached(),
                            a.satisfaction() == null ? null : a.satisfaction().name(), a.remark(), a.byName(), a.at()))
                            .toList(), v.version());
        }).toList();
    }
}
