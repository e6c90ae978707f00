package org.lianxin.volunteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;

/**
 * A service team (党群服务队): members formed by profession, initiative or interest in an area, with a leader (who is
 * one of its members). Members leave themselves or are removed with a reason, and may rejoin; every stint is kept,
 * and the leader hands the role over before he may leave. Activities it runs name it ({@code activity.service_team_id}).
 */
@Entity
@Table(name = "service_team")
class ServiceTeam {

    static final int MAX_NAME = 60;
    static final int MAX_MEMBERS = 500;

    enum Kind { PROFESSION, INITIATIVE, INTEREST }

    /**
     * One stint of a member in the team: from joining until he left or was removed ({@code leftAt}, with the reason
     * and who did it); rejoining later starts a new stint, so the team's history keeps both.
     */
    @Embeddable
    static class TeamMember {
        @Column(name = "member_id")
        private long memberId;
        @Column(name = "member_name")
        private String memberName;
        @Column(name = "joined_at")
        private Instant joinedAt;
        @Column(name = "left_at")
        private Instant leftAt;
        @Column(name = "left_reason")
        private String leftReason;
        @Column(name = "left_by")
        private String leftBy;

        protected TeamMember() {
        }

        TeamMember(long memberId, String memberName, Instant joinedAt) {
            this.memberId = memberId;
            this.memberName = memberName;
            this.joinedAt = joinedAt;
        }

        boolean current() {
            return leftAt == null;
        }

        long memberId() { return memberId; }
        String memberName() { return memberName; }
        Instant joinedAt() { return joinedAt; }
        Instant leftAt() { return leftAt; }
        String leftReason() { return leftReason; }
        String leftBy() { return leftBy; }
    }

    @Id
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String description;
    @Column(name = "area_id")
    private long areaId;
    @Column(name = "area_name")
    private String areaName;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "leader_member_id")
    private long leaderMemberId;
    @Column(name = "leader_name")
    private String leaderName;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_team_membership", joinColumns = @JoinColumn(name = "team_id"))
    private List<TeamMember> members = new ArrayList<>();
    @Version
    private Long version;

    protected ServiceTeam() {
    }

    ServiceTeam(long id, String name, Kind kind, String description, Activity.Where where, long leaderId, String leaderName,
                String by, Instant at) {
        List<FieldProblem> problems = new ArrayList<>();
        this.name = Activity.text(name, MAX_NAME, "name", true, problems);
        this.description = Activity.text(description, 1000, "description", false, problems);
        if (kind == null) {
            problems.add(new FieldProblem("kind", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.id = id;
        this.kind = kind;
        this.areaId = where.areaId();
        this.areaName = where.areaName();
        this.areaPath = where.areaPath();
        this.leaderMemberId = leaderId;
        this.leaderName = leaderName;
        this.createdBy = by;
        this.createdAt = at;
        members.add(new TeamMember(leaderId, leaderName, at));
    }

    void add(long memberId, String memberName, Instant at) {
        if (stintOf(memberId).isPresent()) {
            throw new ConflictException("already-member", "service-team.member.already", memberName);
        }
        if (current().size() >= MAX_MEMBERS) {
            throw new InvalidInputException("memberId", "service-team.member.too-many", MAX_MEMBERS);
        }
        // a rejoin in the same instant as the last leave would repeat the key of that stint
        Instant joined = members.stream().filter(m -> m.memberId() == memberId && m.joinedAt().equals(at)).findAny()
                .isPresent() ? at.plusMillis(1) : at;
        members.add(new TeamMember(memberId, memberName, joined));
    }

    /** The member leaves himself; the leader hands over first (409). */
    void leave(long memberId, Instant at) {
        TeamMember stint = stintOf(memberId)
                .orElseThrow(() -> new ConflictException("not-member", "service-team.member.not-member"));
        requireNotLeader(stint);
        stint.leftAt = at;
        stint.leftBy = stint.memberName;
    }

    /** The leader or staff remove a member with a reason (400 without); the leader hands over first (409). */
    TeamMember remove(long memberId, String reason, String by, Instant at) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = Activity.text(reason, 500, "reason", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        TeamMember stint = stintOf(memberId)
                .orElseThrow(() -> new ConflictException("not-member", "service-team.member.not-member"));
        requireNotLeader(stint);
        stint.leftAt = at;
        stint.leftReason = why;
        stint.leftBy = by;
        return stint;
    }

    /** The leader role goes to another member of the team (400 naming memberId if he is not one). */
    TeamMember handOver(long memberId) {
        TeamMember next = stintOf(memberId)
                .orElseThrow(() -> new InvalidInputException("memberId", "service-team.leader.not-member"));
        if (memberId == leaderMemberId) {
            throw new ConflictException("already-leader", "service-team.leader.already", next.memberName());
        }
        this.leaderMemberId = memberId;
        this.leaderName = next.memberName();
        return next;
    }

    private void requireNotLeader(TeamMember stint) {
        if (stint.memberId() == leaderMemberId) {
            throw new ConflictException("leader", "service-team.leader.must-hand-over", stint.memberName());
        }
    }

    java.util.Optional<TeamMember> stintOf(long memberId) {
        return members.stream().filter(m -> m.memberId() == memberId && m.current()).findFirst();
    }

    /** The members now, in the order they joined. */
    List<TeamMember> current() {
        return members.stream().filter(TeamMember::current)
                .sorted(java.util.Comparator.comparing(TeamMember::joinedAt)).toList();
    }

    /** The stints that ended, the latest first. */
    List<TeamMember> past() {
        return members.stream().filter(m -> !m.current())
                .sorted(java.util.Comparator.comparing(TeamMember::leftAt).reversed()).toList();
    }

    Long id() { return id; }
    String name() { return name; }
    Kind kind() { return kind; }
    String description() { return description; }
    long areaId() { return areaId; }
    String areaName() { return areaName; }
    String areaPath() { return areaPath; }
    long leaderMemberId() { return leaderMemberId; }
    String leaderName() { return leaderName; }
    Instant createdAt() { return createdAt; }
    Long version() { return version; }
}
