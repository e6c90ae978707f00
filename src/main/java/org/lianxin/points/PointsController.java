package org.lianxin.points;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.points.PointsEvents.PointsRulesChanged;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.PrintedDocuments;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Points (积分): a member's balance and history and his service-hours certificate; rankings per community, the
 * ledger and corrections for staff; the rules per subdistrict. The ledger is written only by {@link PointsLedger}.
 */
@Tag(name = "积分 Points")
@RestController
@RequestMapping("/api/v1/points")
@Transactional
class PointsController {

    record ReverseForm(@NotBlank @Size(max = 200) String reason) {
    }

    record RulesForm(@NotNull @Min(0) @Max(PointsRule.MAX) Integer perActivityHour,
                     @NotNull @Min(0) @Max(PointsRule.MAX) Integer perWish,
                     @NotNull @Min(0) @Max(PointsRule.MAX) Integer perNeed,
                     @NotNull @Min(0) @Max(PointsRule.MAX) Integer perServiceTask,
                     @NotNull @Min(0) @Max(PointsRule.MAX) Integer perMailboxAnswer, Long version) {
    }

    record EntryView(long id, long memberId, String memberName, int amount, String kind, String reason, int minutes,
                     Instant at, String recordedBy, Long reversesEntryId, Long reversedByEntryId, boolean canReverse) {
    }

    record MineView(Long memberId, String name, String communityName, long balance, long minutes,
                    PageView<EntryView> entries) {
    }

    record RankView(int rank, long memberId, String name, String communityName, long points, long minutes) {
    }

    record RuleView(long subdistrictId, String subdistrictName, int perActivityHour, int perWish, int perNeed,
                    int perServiceTask, int perMailboxAnswer, boolean own, String updatedBy, Instant updatedAt,
                    Long version, boolean editable) {
    }

    record RulesView(PointsProperties.Rates defaults, List<RuleView> subdistricts) {
    }

    private final PointsEntryRepository entries;
    private final PointsRuleRepository rules;
    private final PointsRules pointsRules;
    private final PointsLedger ledger;
    private final PointsCertificates certificates;
    private final PointsPermissions permissions;
    private final PartyMembers members;
    private final Areas areas;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PointsController(PointsEntryRepository entries, PointsRuleRepository rules, PointsRules pointsRules,
                     PointsLedger ledger, PointsCertificates certificates, PointsPermissions permissions,
                     PartyMembers members, Areas areas, JdbcTemplate jdbc, ApplicationEventPublisher events,
                     Clock clock) {
        this.entries = entries;
        this.rules = rules;
        this.pointsRules = pointsRules;
        this.ledger = ledger;
        this.certificates = certificates;
        this.permissions = permissions;
        this.members = members;
        this.areas = areas;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "The caller's own points: balance, hours of service and paged history (newest first)")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    MineView mine(@CurrentUser Actor actor, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size) {
        var pageable = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "id")));
        Optional<MemberRef> member = members.ofAccount(actor.accountId());
        if (member.isEmpty()) {
            return new MineView(null, actor.displayName(), null, 0, 0,
                    new PageView<>(List.of(), pageable.getPageNumber(), pageable.getPageSize(), 0, 0));
        }
        MemberRef m = member.get();
        Specification<PointsEntry> spec = (root, query, cb) -> cb.equal(root.get("holderMemberId"), m.id());
        Page<PointsEntry> result = entries.findAll(spec, pageable);
        return new MineView(m.id(), m.name(), communityName(m), entries.balanceOf(m.id()), entries.minutesOf(m.id()),
                views(actor, result));
    }

    @Operation(summary = "The caller's service-hours certificate (志愿服务时长证明) as a PDF")
    @GetMapping("/certificate/mine")
    ResponseEntity<byte[]> myCertificate(@CurrentUser Actor actor) {
        MemberRef m = members.ofAccount(actor.accountId()).orElseThrow(() -> new NotFoundException("Member"));
        return PrintedDocuments.inline("志愿服务时长证明-" + m.name() + ".pdf",
                certificates.print(m, communityName(m), actor.displayName()));
    }

    @Operation(summary = "A member's service-hours certificate as a PDF (staff, in scope)")
    @GetMapping("/certificates/{memberId}")
    ResponseEntity<byte[]> certificate(@CurrentUser Actor actor, @PathVariable long memberId) {
        permissions.requireReadScope(actor);
        MemberRef m = members.find(memberId).orElseThrow(() -> new NotFoundException("Member"));
        permissions.checkSees(actor, m.communityPath(), "Member");
        return PrintedDocuments.inline("志愿服务时长证明-" + m.name() + ".pdf",
                certificates.print(m, communityName(m), actor.displayName()));
    }

    @Operation(summary = "Ranking of members by points within an area (a community, or any area in scope), paged; "
            + "names only, no numbers")
    @GetMapping("/ranking")
    @Transactional(readOnly = true)
    PageView<RankView> ranking(@CurrentUser Actor actor, @RequestParam long areaId,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        Scope scope = permissions.requireReadScope(actor);
        var pageable = Paging.of(page, size, Sort.unsorted());
        AreaRef area = areas.find(areaId).orElseThrow(() -> new NotFoundException("Area"));
        List<String> prefixes = new ArrayList<>();
        if (scope.contains(area.path())) {
            prefixes.add(area.path());
        } else {
            // an area above the caller's scope (e.g. the subdistrict for a community secretary): his part of it
            scope.prefixes().stream().filter(p -> p.startsWith(area.path())).forEach(prefixes::add);
        }
        if (prefixes.isEmpty()) {
            throw new NotFoundException("Area");
        }
        String where = String.join(" or ", prefixes.stream().map(p -> "area_path like ?").toList());
        Object[] likes = prefixes.stream().map(p -> p + "%").toArray();
        long total = jdbc.queryForObject("select count(distinct holder_member_id) from points_entry where " + where,
                Long.class, likes);
        List<Object> args = new ArrayList<>(List.of(likes));
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<long[]> rows = jdbc.query("select holder_member_id, sum(amount) as points, sum(minutes) as minutes "
                        + "from points_entry where " + where + " group by holder_member_id "
                        + "order by sum(amount) desc, sum(minutes) desc, holder_member_id limit ? offset ?",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}, args.toArray());
        Map<Long, String> communities = new HashMap<>();
        List<RankView> ranked = new ArrayList<>();
        int rank = (int) pageable.getOffset();
        for (long[] row : rows) {
            rank++;
            Optional<MemberRef> m = members.find(row[0]);
            ranked.add(new RankView(rank, row[0], m.map(MemberRef::name).orElse("—"),
                    m.map(r -> communities.computeIfAbsent(r.communityId(), id -> communityName(r))).orElse(null),
                    row[1], row[2]));
        }
        return new PageView<>(ranked, pageable.getPageNumber(), pageable.getPageSize(), total,
                (int) ((total + pageable.getPageSize() - 1) / pageable.getPageSize()));
    }

    @Operation(summary = "Ledger entries in the caller's scope (staff), newest first; filter by area, member, kind")
    @GetMapping("/entries")
    @Transactional(readOnly = true)
    PageView<EntryView> list(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                             @RequestParam(required = false) Long memberId,
                             @RequestParam(required = false) PointsEntry.Kind kind,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope scope = permissions.requireReadScope(actor);
        String within = areaId == null ? null : areas.find(areaId).map(AreaRef::path).filter(scope::contains)
                .orElseThrow(() -> new NotFoundException("Area"));
        Specification<PointsEntry> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (within != null) {
                all.add(cb.like(root.get("areaPath"), within + "%"));
            }
            if (memberId != null) {
                all.add(cb.equal(root.get("holderMemberId"), memberId));
            }
            if (kind != null) {
                all.add(cb.equal(root.get("kind"), kind));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return views(actor, entries.findAll(spec, Paging.of(page, size,
                Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "id")))));
    }

    @Operation(summary = "Reverse an entry with a reason (staff): a new entry with the opposite amount; the original stays")
    @PostMapping("/entries/{id}/reverse")
    EntryView reverse(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReverseForm form) {
        PointsEntry entry = entries.findById(id).orElseThrow(() -> new NotFoundException("PointsEntry"));
        permissions.checkCorrect(actor, entry);
        PointsEntry reversal = ledger.reverse(entry, form.reason(), actor.displayName());
        return views(actor, List.of(reversal)).get(0);
    }

    @Operation(summary = "The points rules: the defaults and each subdistrict in the caller's scope (own or default)")
    @GetMapping("/rules")
    @Transactional(readOnly = true)
    RulesView rules(@CurrentUser Actor actor) {
        Scope scope = permissions.ruleScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(PointsPermissions.RULE_READ);
        }
        Map<Long, AreaRef> subdistricts = new LinkedHashMap<>();
        for (String prefix : scope.prefixes()) {
            Optional<AreaRef> within = pointsRules.subdistrictOf(prefix);
            if (within.isPresent()) {
                subdistricts.put(within.get().id(), within.get());
            } else {
                long id = Long.parseLong(prefix.substring(0, prefix.length() - 1)
                        .substring(prefix.substring(0, prefix.length() - 1).lastIndexOf('/') + 1));
                areas.children(id, PointsRules.SUBDISTRICT).forEach(a -> subdistricts.put(a.id(), a));
            }
        }
        return new RulesView(pointsRules.defaults(), subdistricts.values().stream().map(s -> ruleView(actor, s)).toList());
    }

    @Operation(summary = "Set a subdistrict's own points rules (the subdistrict officer)")
    @PutMapping("/rules/{subdistrictId}")
    RuleView setRules(@CurrentUser Actor actor, @PathVariable long subdistrictId, @Valid @RequestBody RulesForm form) {
        AreaRef subdistrict = areas.find(subdistrictId).filter(a -> PointsRules.SUBDISTRICT.equals(a.level()))
                .filter(a -> permissions.seesRules(actor, a.path())).orElseThrow(() -> new NotFoundException("Area"));
        if (!actor.scopeFor(PointsPermissions.RULE_WRITE).contains(subdistrict.path())) {
            throw new ForbiddenException(PointsPermissions.RULE_WRITE);
        }
        PointsRule rule = rules.findById(subdistrictId).orElseGet(() -> new PointsRule(subdistrictId, subdistrict.path()));
        if (form.version() != null && rule.version() != null && !form.version().equals(rule.version())) {
            throw new OptimisticLockingFailureException("points rule " + subdistrictId + " changed meanwhile");
        }
        PointsProperties.Rates rates = new PointsProperties.Rates(form.perActivityHour(), form.perWish(),
                form.perNeed(), form.perServiceTask(), form.perMailboxAnswer());
        rule.change(rates, actor.displayName(), clock.instant());
        rules.saveAndFlush(rule);
        events.publishEvent(new PointsRulesChanged(subdistrictId, "per hour " + rates.perActivityHour() + ", wish "
                + rates.perWish() + ", need " + rates.perNeed() + ", task " + rates.perServiceTask() + ", mailbox "
                + rates.perMailboxAnswer()));
        return ruleView(actor, subdistrict);
    }

    private RuleView ruleView(Actor actor, AreaRef subdistrict) {
        Optional<PointsRule> own = rules.findById(subdistrict.id());
        PointsProperties.Rates r = own.map(PointsRule::rates).orElseGet(pointsRules::defaults);
        return new RuleView(subdistrict.id(), subdistrict.name(), r.perActivityHour(), r.perWish(), r.perNeed(),
                r.perServiceTask(), r.perMailboxAnswer(), own.isPresent(), own.map(PointsRule::updatedBy).orElse(null),
                own.map(PointsRule::updatedAt).orElse(null), own.map(PointsRule::version).orElse(null),
                actor.scopeFor(PointsPermissions.RULE_WRITE).contains(subdistrict.path()));
    }

    private String communityName(MemberRef m) {
        return areas.find(m.communityId()).map(AreaRef::name).orElse("");
    }

    private PageView<EntryView> views(Actor actor, Page<PointsEntry> page) {
        return new PageView<>(views(actor, page.getContent()), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    private List<EntryView> views(Actor actor, List<PointsEntry> list) {
        Map<Long, String> names = new HashMap<>();
        Scope correct = actor.scopeFor(PointsPermissions.ENTRY_CORRECT);
        return list.stream().map(e -> {
            Long reversedBy = e.kind() == PointsEntry.Kind.REVERSAL ? null
                    : entries.findByReversesEntryId(e.id()).map(PointsEntry::id).orElse(null);
            return new EntryView(e.id(), e.holderMemberId(), names.computeIfAbsent(e.holderMemberId(),
                    id -> members.find(id).map(MemberRef::name).orElse("—")), e.amount(), e.kind().name(), e.reason(),
                    e.minutes(), e.at(), e.recordedBy(), e.reversesEntryId(), reversedBy,
                    reversedBy == null && e.kind() != PointsEntry.Kind.REVERSAL && correct.contains(e.areaPath()));
        }).toList();
    }
}
