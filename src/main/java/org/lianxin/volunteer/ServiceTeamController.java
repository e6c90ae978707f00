package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.organization.Areas;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.Notice;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.lianxin.volunteer.VolunteerEvents.ServiceTeamChanged;
import org.lianxin.volunteer.VolunteerPermissions.Joiner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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
 * Service teams (党群服务队): staff form a team in their area with a leader and add members; a team's page shows what
 * it did — the activities it ran, how many took part and the hours confirmed.
 */
@Tag(name = "党群服务队 Service teams")
@RestController
@RequestMapping("/api/v1/service-teams")
@Transactional
class ServiceTeamController {

    record TeamForm(@Size(max = 200) String name, String kind, @Size(max = 2000) String description, Long areaId,
                    Long leaderMemberId) {
    }

    record MemberForm(Long memberId) {
    }

    record ReasonForm(@Size(max = 1000) String reason) {
    }

    /** A stint in the team: {@code leftAt} set once he left ({@code leftBy} himself) or was removed (with the reason). */
    record MemberView(long memberId, String name, boolean leader, Instant joinedAt, Instant leftAt, String leftReason,
                      String leftBy) {
    }

    record DoneView(long activityId, String title, Instant startsAt, String place, String state, long people,
                    long minutes) {
    }

    record TeamView(long id, String name, String kind, String description, long areaId, String areaName,
                    long leaderMemberId, String leaderName, int memberCount, List<MemberView> members,
                    List<DoneView> activities, long activityCount, long attendances, long minutes, boolean canManage,
                    List<MemberView> pastMembers, String myRole, Long version) {
    }

    private final ServiceTeamRepository teams;
    private final ActivityRepository activities;
    private final SignUpRepository signUps;
    private final VolunteerPermissions permissions;
    private final PartyMembers members;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceTeamController(ServiceTeamRepository teams, ActivityRepository activities, SignUpRepository signUps,
                          VolunteerPermissions permissions, PartyMembers members, Areas areas, Ids ids,
                          ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.activities = activities;
        this.signUps = signUps;
        this.permissions = permissions;
        this.members = members;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Service teams in the caller's scope (a member: those of his communities)")
    @GetMapping
    PageView<TeamView> list(@CurrentUser Actor actor, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        Scope scope = readScope(actor);
        Page<ServiceTeam> result = teams.findAll(ScopeSpecification.within(scope, "areaPath"),
                Paging.of(page, size, Sort.by("name").and(Sort.by("id"))));
        return PageView.of(result, t -> view(actor, t, false));
    }

    @Operation(summary = "Form a service team in an area of the caller's scope, with its leader")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TeamView create(@CurrentUser Actor actor, @Valid @RequestBody TeamForm form) {
        if (!actor.has(VolunteerPermissions.MANAGE)) {
            throw new ForbiddenException(VolunteerPermissions.MANAGE);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Areas.AreaRef area = form.areaId() == null ? null : areas.find(form.areaId())
                .filter(a -> actor.scopeFor(VolunteerPermissions.MANAGE).contains(a.path())).orElse(null);
        if (area == null) {
            problems.add(new FieldProblem("areaId", form.areaId() == null ? "validation.required" : "activity.area.outside-scope"));
        }
        MemberRef leader = member(actor, form.leaderMemberId(), "leaderMemberId", problems);
        ServiceTeam.Kind kind = null;
        if (form.kind() != null) {
            try {
                kind = ServiceTeam.Kind.valueOf(form.kind());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "service-team.kind.unknown"));
            }
        }
        ServiceTeam team;
        try {
            team = new ServiceTeam(ids.next("activity_seq"), form.name(), kind, form.description(),
                    area == null ? new Activity.Where(0, "", "/") : new Activity.Where(area.id(), area.name(), area.path()),
                    leader == null ? 0 : leader.id(), leader == null ? "" : leader.name(), actor.displayName(),
                    clock.instant());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            throw new InvalidInputException("validation", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        teams.saveAndFlush(team);
        events.publishEvent(new ServiceTeamChanged("service-team.create", team.id(), "formed with its leader"));
        return view(actor, team, true);
    }

    @Operation(summary = "One team: its members and what it did (activities, people taking part, hours confirmed)")
    @GetMapping("/{id}")
    TeamView get(@CurrentUser Actor actor, @PathVariable long id) {
        return view(actor, visible(actor, id), true);
    }

    @Operation(summary = "Add a member to the team")
    @PostMapping("/{id}/members")
    TeamView addMember(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody MemberForm form) {
        ServiceTeam team = visible(actor, id);
        if (!actor.scopeFor(VolunteerPermissions.MANAGE).contains(team.areaPath())) {
            throw new ForbiddenException(VolunteerPermissions.MANAGE);
        }
        List<FieldProblem> problems = new ArrayList<>();
        MemberRef member = member(actor, form.memberId(), "memberId", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        team.add(member.id(), member.name(), clock.instant());
        teams.saveAndFlush(team);
        events.publishEvent(new ServiceTeamChanged("service-team.member.add", team.id(), "member " + member.id() + " added"));
        return view(actor, team, true);
    }

    @Operation(summary = "Leave the team (the member himself, on his phone); the leader hands the role over first (409)")
    @PostMapping("/{id}/leave")
    TeamView leave(@CurrentUser Actor actor, @PathVariable long id) {
        ServiceTeam team = visible(actor, id);
        Joiner joiner = permissions.joiner(actor).orElseThrow(() -> new ForbiddenException(VolunteerPermissions.JOIN));
        long memberId = joiner.volunteer().memberId();
        team.leave(memberId, clock.instant());
        teams.saveAndFlush(team);
        events.publishEvent(new ServiceTeamChanged("service-team.member.leave", team.id(), "member " + memberId + " left"));
        return view(actor, team, true);
    }

    @Operation(summary = "Remove a member with a reason (staff of the area or the team's leader); he is told; the "
            + "leader cannot be removed before handing over (409)")
    @PostMapping("/{id}/members/{memberId}/remove")
    TeamView removeMember(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long memberId,
                          @Valid @RequestBody ReasonForm form) {
        ServiceTeam team = visible(actor, id);
        checkLead(actor, team);
        Instant now = clock.instant();
        ServiceTeam.TeamMember stint = team.remove(memberId, form.reason(), actor.displayName(), now);
        teams.saveAndFlush(team);
        events.publishEvent(new ServiceTeamChanged("service-team.member.remove", team.id(),
                "member " + memberId + " removed: " + stint.leftReason()));
        members.find(memberId).map(MemberRef::accountId).ifPresent(account -> events.publishEvent(Notice.to(account,
                "service-team.removed", "/m/activities?tab=teams", "ServiceTeam",
                team.id() + ":removed:" + memberId + ":" + now.toEpochMilli(), team.name(), stint.leftReason())));
        return view(actor, team, true);
    }

    @Operation(summary = "Hand the leader role over to another member of the team (staff of the area or the leader)")
    @PostMapping("/{id}/leader")
    TeamView handOver(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody MemberForm form) {
        ServiceTeam team = visible(actor, id);
        checkLead(actor, team);
        if (form.memberId() == null) {
            throw new InvalidInputException("memberId", "validation.required");
        }
        long before = team.leaderMemberId();
        ServiceTeam.TeamMember next = team.handOver(form.memberId());
        teams.saveAndFlush(team);
        events.publishEvent(new ServiceTeamChanged("service-team.leader.hand-over", team.id(),
                "leader " + before + " → " + next.memberId()));
        members.find(next.memberId()).map(MemberRef::accountId).ifPresent(account -> events.publishEvent(Notice.to(account,
                "service-team.leader", "/m/activities?tab=teams", "ServiceTeam",
                team.id() + ":leader:" + next.memberId() + ":" + team.version(), team.name())));
        return view(actor, team, true);
    }

    /** Staff who manage the team's area, or its leader himself; others 403. */
    private void checkLead(Actor actor, ServiceTeam team) {
        if (actor.scopeFor(VolunteerPermissions.MANAGE).contains(team.areaPath())) {
            return;
        }
        if (permissions.joiner(actor).filter(j -> j.volunteer().memberId() == team.leaderMemberId()).isEmpty()) {
            throw new ForbiddenException(VolunteerPermissions.MANAGE);
        }
    }

    private MemberRef member(Actor actor, Long memberId, String field, List<FieldProblem> problems) {
        if (memberId == null) {
            problems.add(new FieldProblem(field, "validation.required"));
            return null;
        }
        MemberRef member = members.find(memberId)
                .filter(m -> actor.scopeFor(VolunteerPermissions.MANAGE).contains(m.communityPath())).orElse(null);
        if (member == null) {
            problems.add(new FieldProblem(field, "service-team.member.outside-scope"));
        }
        return member;
    }

    private Scope readScope(Actor actor) {
        Scope staff = permissions.staffScope(actor);
        if (!staff.isEmpty()) {
            return staff;
        }
        return permissions.joiner(actor).map(j -> Scope.of(j.communityPaths()))
                .orElseThrow(() -> new ForbiddenException(VolunteerPermissions.READ));
    }

    private ServiceTeam visible(Actor actor, long id) {
        ServiceTeam team = teams.findById(id).orElseThrow(() -> new NotFoundException("ServiceTeam"));
        Scope scope = permissions.staffScope(actor);
        if (scope.contains(team.areaPath()) || permissions.joiner(actor)
                .filter(j -> Scope.of(j.communityPaths()).contains(team.areaPath())).isPresent()) {
            return team;
        }
        throw new NotFoundException("ServiceTeam");
    }

    private TeamView view(Actor actor, ServiceTeam team, boolean detail) {
        List<Activity> done = activities.findTop100ByServiceTeamIdOrderByStartsAtDesc(team.id());
        Map<Long, long[]> attended = new HashMap<>();
        if (!done.isEmpty()) {
            for (Object[] row : signUps.attendedOf(done.stream().map(Activity::id).toList())) {
                attended.put((Long) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
            }
        }
        List<DoneView> record = done.stream().map(a -> {
            long[] n = attended.getOrDefault(a.id(), new long[2]);
            return new DoneView(a.id(), a.title(), a.startsAt(), a.place(), a.state().name(), n[0], n[1]);
        }).toList();
        long people = record.stream().mapToLong(DoneView::people).sum();
        long minutes = record.stream().mapToLong(DoneView::minutes).sum();
        List<MemberView> memberViews = team.current().stream().map(m -> memberView(team, m)).toList();
        Long me = permissions.joiner(actor).map(j -> j.volunteer().memberId()).orElse(null);
        String myRole = me == null || team.stintOf(me).isEmpty() ? null : me == team.leaderMemberId() ? "LEADER" : "MEMBER";
        return new TeamView(team.id(), team.name(), team.kind().name(), team.description(), team.areaId(), team.areaName(),
                team.leaderMemberId(), team.leaderName(), memberViews.size(), detail ? memberViews : null,
                detail ? record : null, record.size(), people, minutes,
                actor.scopeFor(VolunteerPermissions.MANAGE).contains(team.areaPath()),
                detail ? team.past().stream().map(m -> memberView(team, m)).toList() : null, myRole, team.version());
    }

    private static MemberView memberView(ServiceTeam team, ServiceTeam.TeamMember m) {
        return new MemberView(m.memberId(), m.memberName(), m.current() && m.memberId() == team.leaderMemberId(),
                m.joinedAt(), m.leftAt(), m.leftReason(), m.leftBy());
    }
}
