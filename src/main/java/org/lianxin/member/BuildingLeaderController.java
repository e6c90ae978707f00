package org.lianxin.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.MemberEvents.BuildingLeaderAppointed;
import org.lianxin.member.MemberEvents.BuildingLeaderChanged;
import org.lianxin.member.MemberEvents.BuildingLeaderLeft;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.lianxin.shared.PrintedDocuments;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * Building leaders (党员楼长): staff open a recruitment (招募令) for a compound, members nominate
 * themselves and residents recommend members, the community committee approves (creating a leader
 * with a term and a letter, 聘书) or declines with a reason; a leader steps down or is dismissed.
 */
@Tag(name = "党员楼长 Building leaders")
@RestController
@RequestMapping("/api/v1")
@Transactional
class BuildingLeaderController {

    record Place(long id, String name) {
    }

    record RecruitmentView(long id, long communityId, long compoundId, String compoundName, String title, String body,
                           List<Place> buildings, LocalDate closesOn, String state, String createdBy,
                           java.time.Instant createdAt, long pendingNominations, long version) {
    }

    record NominationView(long id, long recruitmentId, String recruitmentTitle, String compoundName, long memberId,
                          String memberName, String kind, List<Place> buildings, String statement,
                          String recommenderName, String state, String reason, java.time.Instant createdAt,
                          java.time.Instant decidedAt, String decidedBy, long version) {
    }

    record LeaderView(long id, long memberId, String memberName, String phone, long compoundId, String compoundName,
                      List<Place> buildings, LocalDate termStart, LocalDate termEnd, String letterNumber, String state,
                      String reason, String appointedBy, java.time.Instant appointedAt, java.time.Instant endedAt,
                      long version) {
    }

    record Candidate(long memberId, String name, String phone, String building) {
    }

    record RecruitmentForm(@NotNull Long compoundId, @NotBlank @Size(max = 200) String title,
                           @NotBlank @Size(max = 4000) String body, @NotEmpty List<Long> buildingIds,
                           @NotNull LocalDate closesOn) {
    }

    enum NominationKind { SELF, RECOMMENDATION }

    /**
     * SELF: the calling member nominates himself with a statement. RECOMMENDATION: the calling resident
     * names a member (memberId from the candidates, or name + phone) with a reason in statement.
     */
    record NominationForm(@NotNull NominationKind kind, @NotEmpty List<Long> buildingIds,
                          @Size(max = 1000) String statement, Long memberId, @Size(max = 100) String name,
                          @Size(max = 30) String phone) {
    }

    record ApproveForm(List<Long> buildingIds, LocalDate termStart) {
    }

    record ReasonForm(@NotBlank @Size(max = 500) String reason) {
    }

    private final BuildingLeaderRecruitmentRepository recruitments;
    private final BuildingLeaderNominationRepository nominations;
    private final BuildingLeaderRepository leaders;
    private final MemberRepository members;
    private final MemberPermissions permissions;
    private final Areas areas;
    private final Residents residents;
    private final PersonalDataCipher cipher;
    private final PrintedDocuments documents;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final MemberNotices notices;
    private final Clock clock;
    private final int termYears;

    BuildingLeaderController(BuildingLeaderRecruitmentRepository recruitments, BuildingLeaderNominationRepository nominations,
                             BuildingLeaderRepository leaders, MemberRepository members, MemberPermissions permissions,
                             Areas areas, Residents residents, PersonalDataCipher cipher, PrintedDocuments documents,
                             Ids ids, ApplicationEventPublisher events, MemberNotices notices, Clock clock,
                             @Value("${lianxin.building-leader.term-years:3}") int termYears) {
        this.recruitments = recruitments;
        this.nominations = nominations;
        this.leaders = leaders;
        this.members = members;
        this.permissions = permissions;
        this.areas = areas;
        this.residents = residents;
        this.cipher = cipher;
        this.documents = documents;
        this.ids = ids;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
        this.termYears = termYears;
    }

    // ---- recruitments -------------------------------------------------------------------------

    @Operation(summary = "Recruitments: staff see those in their scope; members and residents the open ones of their community")
    @GetMapping("/building-leader-recruitments")
    @Transactional(readOnly = true)
    PageView<RecruitmentView> recruitments(@CurrentUser Actor actor, @RequestParam(required = false) Long compoundId,
                                           @RequestParam(required = false) Boolean open,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        Scope staff = actor.scopeFor(MemberPermissions.LEADER_READ).or(actor.scopeFor(MemberPermissions.LEADER_MANAGE));
        Long community = ownCommunity(actor).orElse(null);
        LocalDate today = today();
        Specification<BuildingLeaderRecruitment> spec = (root, query, cb) -> {
            List<Predicate> visible = new ArrayList<>();
            visible.add(ScopeSpecification.predicate(cb, root.get("areaPath"), staff));
            if (community != null) {
                visible.add(cb.and(cb.equal(root.get("communityId"), community),
                        cb.equal(root.get("state"), BuildingLeaderRecruitment.State.OPEN),
                        cb.greaterThanOrEqualTo(root.get("closesOn"), today)));
            }
            List<Predicate> all = new ArrayList<>();
            all.add(cb.or(visible.toArray(Predicate[]::new)));
            if (compoundId != null) {
                all.add(cb.equal(root.get("compoundId"), compoundId));
            }
            if (Boolean.TRUE.equals(open)) {
                all.add(cb.equal(root.get("state"), BuildingLeaderRecruitment.State.OPEN));
                all.add(cb.greaterThanOrEqualTo(root.get("closesOn"), today));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = recruitments.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"))));
        return new PageView<>(recruitmentViews(result.getContent()), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "One recruitment")
    @GetMapping("/building-leader-recruitments/{id}")
    @Transactional(readOnly = true)
    RecruitmentView recruitment(@CurrentUser Actor actor, @PathVariable long id) {
        return recruitmentViews(List.of(visibleRecruitment(actor, id))).get(0);
    }

    @Operation(summary = "Open a recruitment for a compound: the buildings that need a leader and a closing date")
    @PostMapping("/building-leader-recruitments")
    @ResponseStatus(HttpStatus.CREATED)
    RecruitmentView open(@CurrentUser Actor actor, @Valid @RequestBody RecruitmentForm form) {
        AreaRef compound = areas.find(form.compoundId()).orElseThrow(() -> new NotFoundException("Area"));
        if (!permissions.seesLeaders(actor, compound.path())) {
            throw new NotFoundException("Area");
        }
        permissions.checkScoped(actor, MemberPermissions.LEADER_MANAGE, compound.path());
        AreaRef community = communityOf(compound).orElseThrow(() -> new InvalidInputException("compoundId",
                "leader.compound.wrong-level"));
        List<AreaRef> buildings = areas.findAll(new HashSet<>(form.buildingIds()));
        if (buildings.size() != new HashSet<>(form.buildingIds()).size()) {
            throw new InvalidInputException("buildingIds", "leader.building.outside-compound");
        }
        BuildingLeaderRecruitment recruitment = new BuildingLeaderRecruitment(ids.next("building_leader_seq"), community,
                compound, buildings, form.title(), form.body(), form.closesOn(), actor.displayName(), clock.instant(), today());
        recruitments.saveAndFlush(recruitment);
        events.publishEvent(new BuildingLeaderChanged("building-leader.recruitment.open", "BuildingLeaderRecruitment",
                recruitment.id(), compound.name() + ": " + recruitment.title()));
        return recruitmentViews(List.of(recruitment)).get(0);
    }

    @Operation(summary = "Close a recruitment before its date")
    @PostMapping("/building-leader-recruitments/{id}/close")
    RecruitmentView close(@CurrentUser Actor actor, @PathVariable long id) {
        BuildingLeaderRecruitment recruitment = visibleRecruitment(actor, id);
        permissions.checkScoped(actor, MemberPermissions.LEADER_MANAGE, recruitment.areaPath());
        recruitment.close(clock.instant(), today());
        recruitments.saveAndFlush(recruitment);
        events.publishEvent(new BuildingLeaderChanged("building-leader.recruitment.close", "BuildingLeaderRecruitment",
                recruitment.id(), recruitment.title()));
        return recruitmentViews(List.of(recruitment)).get(0);
    }

    @Operation(summary = "Members who live in the recruitment's compound, to recommend one: names and masked phones only")
    @GetMapping("/building-leader-recruitments/{id}/candidates")
    @Transactional(readOnly = true)
    List<Candidate> candidates(@CurrentUser Actor actor, @PathVariable long id) {
        BuildingLeaderRecruitment recruitment = visibleRecruitment(actor, id);
        Specification<Member> spec = (root, query, cb) -> cb.and(cb.like(root.get("areaPath"), recruitment.areaPath() + "%"),
                cb.equal(root.get("communityId"), recruitment.communityId()));
        List<Member> found = members.findAll(spec, Sort.by("name").and(Sort.by("id")));
        Map<Long, String> names = names(found.stream().map(Member::buildingId).filter(Objects::nonNull).toList());
        return found.stream().map(m -> new Candidate(m.id(), m.name(), maskedPhone(m),
                m.buildingId() == null ? null : names.get(m.buildingId()))).toList();
    }

    @Operation(summary = "Nominate: a member nominates himself (SELF), or a resident recommends a member (RECOMMENDATION)")
    @PostMapping("/building-leader-recruitments/{id}/nominations")
    @ResponseStatus(HttpStatus.CREATED)
    NominationView nominate(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody NominationForm form) {
        BuildingLeaderRecruitment recruitment = visibleRecruitment(actor, id);
        permissions.require(actor, MemberPermissions.LEADER_NOMINATE);
        if (!recruitment.open(today())) {
            throw new ConflictException("conflict", "leader.recruitment.closed");
        }
        Member nominee;
        BuildingLeaderNomination.Recommender recommender = null;
        if (form.kind() == NominationKind.SELF) {
            nominee = members.findByAccountId(actor.accountId())
                    .orElseThrow(() -> new InvalidInputException("kind", "leader.no-member"));
        } else {
            ResidentRef resident = residents.ofAccount(actor.accountId())
                    .orElseThrow(() -> new InvalidInputException("kind", "leader.no-resident"));
            recommender = new BuildingLeaderNomination.Recommender(resident.id(), actor.accountId(), resident.name());
            nominee = recommended(form, recruitment);
        }
        List<Long> buildings = form.buildingIds().stream().distinct().toList();
        BuildingLeaderNomination nomination = new BuildingLeaderNomination(ids.next("building_leader_seq"), recruitment,
                nominee, buildings, trim(form.statement()), recommender, clock.instant());
        if (nominations.existsByActiveKey(BuildingLeaderNomination.activeKey(nominee.id(), recruitment.id()))) {
            throw new ConflictException("conflict", "leader.nomination.pending-exists", nominee.name());
        }
        nominations.saveAndFlush(nomination);
        events.publishEvent(new BuildingLeaderChanged("building-leader.nominate", "BuildingLeaderNomination",
                nomination.id(), nomination.kind() + " member " + nominee.id() + " for recruitment " + recruitment.id()));
        return nominationViews(actor, List.of(nomination)).get(0);
    }

    /** The member a resident names: by id from the candidates, or by name and phone (blind index). */
    private Member recommended(NominationForm form, BuildingLeaderRecruitment recruitment) {
        if (form.memberId() != null) {
            return members.findById(form.memberId()).filter(m -> m.communityId().equals(recruitment.communityId()))
                    .orElseThrow(() -> new InvalidInputException("memberId", "leader.nominee.not-member"));
        }
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (form.phone() == null || !PhoneNumber.isValid(form.phone().strip())) {
            throw new InvalidInputException("phone", "leader.nominee.not-member");
        }
        return members.findByPhoneIndex(cipher.blindIndex(form.phone().strip())).stream()
                .filter(m -> m.name().equals(form.name().strip()) && m.communityId().equals(recruitment.communityId()))
                .findFirst().orElseThrow(() -> new InvalidInputException("name", "leader.nominee.not-member"));
    }

    // ---- nominations --------------------------------------------------------------------------

    @Operation(summary = "Nominations in the caller's scope (queue: state=PENDING)")
    @GetMapping("/building-leader-nominations")
    @Transactional(readOnly = true)
    PageView<NominationView> nominations(@CurrentUser Actor actor, @RequestParam(required = false) Long recruitmentId,
                                         @RequestParam(required = false) BuildingLeaderNomination.State state,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        Scope visible = permissions.leaderScope(actor);
        Specification<BuildingLeaderNomination> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), visible));
            if (recruitmentId != null) {
                all.add(cb.equal(root.get("recruitmentId"), recruitmentId));
            }
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = nominations.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"))));
        return new PageView<>(nominationViews(actor, result.getContent()), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "The caller's nominations: as the nominee, or as the resident who recommended")
    @GetMapping("/building-leader-nominations/mine")
    @Transactional(readOnly = true)
    List<NominationView> myNominations(@CurrentUser Actor actor) {
        long member = members.findByAccountId(actor.accountId()).map(Member::id).orElse(-1L);
        return nominationViews(actor, nominations.findByMemberIdOrRecommenderAccountIdOrderByCreatedAtDesc(member,
                actor.accountId()));
    }

    @Operation(summary = "One nomination")
    @GetMapping("/building-leader-nominations/{id}")
    @Transactional(readOnly = true)
    NominationView nomination(@CurrentUser Actor actor, @PathVariable long id) {
        return nominationViews(actor, List.of(visibleNomination(actor, id))).get(0);
    }

    @Operation(summary = "Approve (community committee): appoints the member leader of the chosen buildings (default: all "
            + "nominated) for the configured term from termStart (default today)")
    @PostMapping("/building-leader-nominations/{id}/approve")
    LeaderView approve(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ApproveForm form) {
        BuildingLeaderNomination nomination = visibleNomination(actor, id);
        permissions.checkScoped(actor, MemberPermissions.LEADER_APPROVE, nomination.areaPath());
        List<Long> buildings = form.buildingIds() == null || form.buildingIds().isEmpty() ? nomination.buildingIds()
                : form.buildingIds().stream().distinct().toList();
        nomination.approve(buildings, actor.displayName(), clock.instant());
        checkFree(buildings);
        BuildingLeaderRecruitment recruitment = recruitments.findById(nomination.recruitmentId()).orElseThrow();
        Member member = members.findById(nomination.memberId()).orElseThrow();
        LocalDate start = form.termStart() == null ? today() : form.termStart();
        BuildingLeader leader = new BuildingLeader(ids.next("building_leader_seq"), member, recruitment, nomination.id(),
                buildings, start, start.plusYears(termYears).minusDays(1), letterNumber(recruitment, start),
                actor.displayName(), clock.instant());
        nominations.saveAndFlush(nomination);
        leaders.saveAndFlush(leader);
        events.publishEvent(new BuildingLeaderChanged("building-leader.nomination.approve", "BuildingLeaderNomination",
                nomination.id(), "leader " + leader.id()));
        events.publishEvent(new BuildingLeaderAppointed(leader.id(), member.id(), leader.accountId(), leader.buildingIds(),
                leader.letterNumber()));
        notices.tell(java.util.Arrays.asList(member.accountId(), nomination.recommenderAccountId()),
                "leader-nomination.approved", "/m/leaders", "BuildingLeaderNomination", nomination.id(), member.name(),
                String.join("、", names(buildings).values()));
        return leaderViews(List.of(leader)).get(0);
    }

    /** 409 naming the building and its current leader when one of the buildings has an active leader. */
    private void checkFree(Collection<Long> buildings) {
        List<BuildingLeader> current = leaders.findActiveCovering(buildings);
        if (!current.isEmpty()) {
            BuildingLeader other = current.get(0);
            long building = other.buildingIds().stream().filter(buildings::contains).findFirst().orElseThrow();
            Map<Long, String> names = names(List.of(building));
            String name = members.findById(other.memberId()).map(Member::name).orElse("-");
            throw new ConflictException("conflict", "leader.building.taken", names.get(building), name);
        }
    }

    private String letterNumber(BuildingLeaderRecruitment recruitment, LocalDate start) {
        String prefix = "楼长聘〔" + start.getYear() + "〕";
        long n = leaders.countByCommunityIdAndLetterNumberLike(recruitment.communityId(), prefix + "%") + 1;
        return prefix + String.format("%03d", n) + "号";
    }

    @Operation(summary = "Decline with a reason the nominee and the recommender see")
    @PostMapping("/building-leader-nominations/{id}/decline")
    NominationView decline(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReasonForm form) {
        BuildingLeaderNomination nomination = visibleNomination(actor, id);
        permissions.checkScoped(actor, MemberPermissions.LEADER_APPROVE, nomination.areaPath());
        nomination.decline(form.reason(), actor.displayName(), clock.instant());
        nominations.saveAndFlush(nomination);
        events.publishEvent(new BuildingLeaderChanged("building-leader.nomination.decline", "BuildingLeaderNomination",
                nomination.id(), form.reason().strip()));
        notices.tell(java.util.Arrays.asList(members.findById(nomination.memberId()).map(Member::accountId).orElse(null),
                nomination.recommenderAccountId()), "leader-nomination.declined", "/m/leaders",
                "BuildingLeaderNomination", nomination.id(), members.findById(nomination.memberId()).map(Member::name)
                        .orElse(""), form.reason().strip());
        return nominationViews(actor, List.of(nomination)).get(0);
    }

    @Operation(summary = "Withdraw a pending nomination (the nominee, the recommender, or staff)")
    @PostMapping("/building-leader-nominations/{id}/withdraw")
    NominationView withdraw(@CurrentUser Actor actor, @PathVariable long id) {
        BuildingLeaderNomination nomination = visibleNomination(actor, id);
        if (!ownNomination(actor, nomination)) {
            permissions.checkScoped(actor, MemberPermissions.LEADER_MANAGE, nomination.areaPath());
        }
        nomination.withdraw(clock.instant());
        nominations.saveAndFlush(nomination);
        events.publishEvent(new BuildingLeaderChanged("building-leader.nomination.withdraw", "BuildingLeaderNomination",
                nomination.id(), "withdrawn"));
        return nominationViews(actor, List.of(nomination)).get(0);
    }

    // ---- leaders ------------------------------------------------------------------------------

    @Operation(summary = "Building leaders, present and past (history), by compound, building, member or state")
    @GetMapping("/building-leaders")
    @Transactional(readOnly = true)
    PageView<LeaderView> leaders(@CurrentUser Actor actor, @RequestParam(required = false) Long compoundId,
                                 @RequestParam(required = false) Long buildingId,
                                 @RequestParam(required = false) Long memberId,
                                 @RequestParam(required = false) BuildingLeader.State state,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        Scope visible = permissions.leaderScope(actor);
        Specification<BuildingLeader> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), visible));
            if (compoundId != null) {
                all.add(cb.equal(root.get("compoundId"), compoundId));
            }
            if (buildingId != null) {
                var sub = query.subquery(Long.class);
                var other = sub.from(BuildingLeader.class);
                var covered = other.join("buildings");
                sub.select(other.get("id")).where(cb.equal(covered.get("buildingId"), buildingId));
                all.add(root.get("id").in(sub));
            }
            if (memberId != null) {
                all.add(cb.equal(root.get("memberId"), memberId));
            }
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = leaders.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "appointedAt").and(Sort.by("id"))));
        return new PageView<>(leaderViews(result.getContent()), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "The caller's own terms as building leader, newest first")
    @GetMapping("/building-leaders/mine")
    @Transactional(readOnly = true)
    List<LeaderView> myTerms(@CurrentUser Actor actor) {
        return members.findByAccountId(actor.accountId())
                .map(m -> leaderViews(leaders.findByMemberIdOrderByAppointedAtDesc(m.id()))).orElse(List.of());
    }

    @Operation(summary = "One building leader's term")
    @GetMapping("/building-leaders/{id}")
    @Transactional(readOnly = true)
    LeaderView leader(@CurrentUser Actor actor, @PathVariable long id) {
        return leaderViews(List.of(visibleLeader(actor, id))).get(0);
    }

    @Operation(summary = "The appointment letter (聘书) as PDF: the leader himself, or staff")
    @GetMapping("/building-leaders/{id}/letter")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> letter(@CurrentUser Actor actor, @PathVariable long id) {
        BuildingLeader leader = visibleLeader(actor, id);
        Member member = members.findById(leader.memberId()).orElseThrow();
        String compound = areas.find(leader.compoundId()).map(AreaRef::name).orElse("");
        String community = areas.find(leader.communityId()).map(AreaRef::name).orElse("");
        Map<Long, String> names = names(leader.buildingIds());
        String buildings = leader.buildingIds().stream().map(names::get).collect(Collectors.joining("、"));
        DateTimeFormatter chinese = DateTimeFormatter.ofPattern("yyyy年M月d日");
        LocalDate issued = leader.appointedAt().atZone(clock.getZone()).toLocalDate();
        byte[] pdf = documents.render("聘书 " + leader.letterNumber(), sheet -> sheet
                .heading("聘  书")
                .paragraph(leader.letterNumber())
                .statement("兹聘请 " + member.name() + " 同志为 " + compound + " " + buildings + " 党员楼长，聘期自"
                        + chinese.format(leader.termStart()) + "至" + chinese.format(leader.termEnd()) + "。")
                .paragraph("望亮明党员身份，联系服务楼栋居民，收集社情民意，及时回复楼长信箱来信。")
                .signature("中共" + community + "委员会", chinese.format(issued)));
        return PrintedDocuments.inline("聘书-" + member.name() + ".pdf", pdf);
    }

    @Operation(summary = "Step down (the leader himself), with a reason")
    @PostMapping("/building-leaders/{id}/step-down")
    LeaderView stepDown(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReasonForm form) {
        BuildingLeader leader = visibleLeader(actor, id);
        if (!ownLeader(actor, leader)) {
            throw new ForbiddenException("own");
        }
        leader.stepDown(form.reason(), clock.instant());
        return ended(leader);
    }

    @Operation(summary = "Dismiss (staff), with a reason")
    @PostMapping("/building-leaders/{id}/dismiss")
    LeaderView dismiss(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody ReasonForm form) {
        BuildingLeader leader = visibleLeader(actor, id);
        permissions.checkScoped(actor, MemberPermissions.LEADER_MANAGE, leader.areaPath());
        leader.dismiss(form.reason(), clock.instant());
        return ended(leader);
    }

    private LeaderView ended(BuildingLeader leader) {
        leaders.saveAndFlush(leader);
        events.publishEvent(new BuildingLeaderLeft(leader.id(), leader.memberId(), leader.accountId(), leader.buildingIds(),
                leader.state().name()));
        return leaderViews(List.of(leader)).get(0);
    }

    // ---- visibility ---------------------------------------------------------------------------

    private BuildingLeaderRecruitment visibleRecruitment(Actor actor, long id) {
        BuildingLeaderRecruitment recruitment = recruitments.findById(id)
                .orElseThrow(() -> new NotFoundException("BuildingLeaderRecruitment"));
        boolean staff = permissions.seesLeaders(actor, recruitment.areaPath());
        if (!staff && !ownCommunity(actor).map(c -> c.equals(recruitment.communityId())).orElse(false)) {
            throw new NotFoundException("BuildingLeaderRecruitment");
        }
        return recruitment;
    }

    private BuildingLeaderNomination visibleNomination(Actor actor, long id) {
        BuildingLeaderNomination nomination = nominations.findById(id)
                .orElseThrow(() -> new NotFoundException("BuildingLeaderNomination"));
        if (!permissions.seesLeaders(actor, nomination.areaPath()) && !ownNomination(actor, nomination)) {
            throw new NotFoundException("BuildingLeaderNomination");
        }
        return nomination;
    }

    private boolean ownNomination(Actor actor, BuildingLeaderNomination nomination) {
        return Objects.equals(nomination.recommenderAccountId(), actor.accountId())
                || members.findByAccountId(actor.accountId()).map(m -> m.id().equals(nomination.memberId())).orElse(false);
    }

    private BuildingLeader visibleLeader(Actor actor, long id) {
        BuildingLeader leader = leaders.findById(id).orElseThrow(() -> new NotFoundException("BuildingLeader"));
        if (!permissions.seesLeaders(actor, leader.areaPath()) && !ownLeader(actor, leader)) {
            throw new NotFoundException("BuildingLeader");
        }
        return leader;
    }

    private boolean ownLeader(Actor actor, BuildingLeader leader) {
        return members.findByAccountId(actor.accountId()).map(m -> m.id().equals(leader.memberId())).orElse(false);
    }

    /** The community the caller belongs to as a member, or else as a resident. */
    private Optional<Long> ownCommunity(Actor actor) {
        Optional<Long> asMember = members.findByAccountId(actor.accountId()).map(Member::communityId);
        if (asMember.isPresent()) {
            return asMember;
        }
        return residents.ofAccount(actor.accountId()).flatMap(r -> ancestors(r.areaPath()).stream()
                .filter(a -> "COMMUNITY".equals(a.level())).map(AreaRef::id).findFirst());
    }

    private Optional<AreaRef> communityOf(AreaRef area) {
        return ancestors(area.path()).stream().filter(a -> "COMMUNITY".equals(a.level())).findFirst();
    }

    private List<AreaRef> ancestors(String path) {
        return areas.findAll(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList());
    }

    // ---- views --------------------------------------------------------------------------------

    private List<RecruitmentView> recruitmentViews(List<BuildingLeaderRecruitment> list) {
        Set<Long> areaIds = new HashSet<>();
        list.forEach(r -> {
            areaIds.add(r.compoundId());
            areaIds.addAll(r.buildingIds());
        });
        Map<Long, String> names = names(areaIds);
        LocalDate today = today();
        return list.stream().map(r -> {
            long pending = nominations.count((root, query, cb) -> cb.and(cb.equal(root.get("recruitmentId"), r.id()),
                    cb.equal(root.get("state"), BuildingLeaderNomination.State.PENDING)));
            return new RecruitmentView(r.id(), r.communityId(), r.compoundId(), names.get(r.compoundId()), r.title(),
                    r.body(), places(r.buildingIds(), names), r.closesOn(), r.state(today).name(), r.createdBy(),
                    r.createdAt(), pending, r.version());
        }).toList();
    }

    private List<NominationView> nominationViews(Actor actor, List<BuildingLeaderNomination> list) {
        Map<Long, BuildingLeaderRecruitment> byId = recruitments.findAllById(list.stream()
                .map(BuildingLeaderNomination::recruitmentId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(BuildingLeaderRecruitment::id, Function.identity()));
        Map<Long, String> memberNames = members.findAllById(list.stream().map(BuildingLeaderNomination::memberId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Member::id, Member::name));
        Set<Long> areaIds = new HashSet<>();
        list.forEach(n -> areaIds.addAll(n.buildingIds()));
        byId.values().forEach(r -> areaIds.add(r.compoundId()));
        Map<Long, String> names = names(areaIds);
        return list.stream().map(n -> {
            BuildingLeaderRecruitment r = byId.get(n.recruitmentId());
            boolean showRecommender = permissions.seesLeaders(actor, n.areaPath())
                    || Objects.equals(n.recommenderAccountId(), actor.accountId());
            return new NominationView(n.id(), n.recruitmentId(), r.title(), names.get(r.compoundId()), n.memberId(),
                    memberNames.get(n.memberId()), n.kind().name(), places(n.buildingIds(), names), n.statement(),
                    showRecommender ? n.recommenderName() : null, n.state().name(), n.reason(), n.createdAt(),
                    n.decidedAt(), n.decidedBy(), n.version());
        }).toList();
    }

    private List<LeaderView> leaderViews(List<BuildingLeader> list) {
        Map<Long, Member> byId = members.findAllById(list.stream().map(BuildingLeader::memberId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Member::id, Function.identity()));
        Set<Long> areaIds = new HashSet<>();
        list.forEach(l -> {
            areaIds.add(l.compoundId());
            areaIds.addAll(l.buildingIds());
        });
        Map<Long, String> names = names(areaIds);
        LocalDate today = today();
        return list.stream().map(l -> {
            Member m = byId.get(l.memberId());
            String state = l.state() == BuildingLeader.State.ACTIVE && !l.active(today) ? "EXPIRED" : l.state().name();
            return new LeaderView(l.id(), l.memberId(), m.name(), maskedPhone(m), l.compoundId(), names.get(l.compoundId()),
                    places(l.buildingIds(), names), l.termStart(), l.termEnd(), l.letterNumber(), state, l.reason(),
                    l.appointedBy(), l.appointedAt(), l.endedAt(), l.version());
        }).toList();
    }

    private Map<Long, String> names(Collection<Long> areaIds) {
        return areas.findAll(areaIds).stream().collect(Collectors.toMap(AreaRef::id, AreaRef::name));
    }

    private static List<Place> places(List<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> new Place(id, names.get(id))).toList();
    }

    private String maskedPhone(Member m) {
        return m.phoneCipher() == null ? null : PhoneNumber.mask(cipher.open(m.phoneCipher()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
