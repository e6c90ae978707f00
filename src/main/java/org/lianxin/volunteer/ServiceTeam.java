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
 * one of its members). Activities it runs name it ({@code activity.service_team_id}).
 */
@Entity
@Table(name = "service_team")
class ServiceTeam {

    static final int MAX_NAME = 60;
    static final int MAX_MEMBERS = 500;

    enum Kind { PROFESSION, INITIATIVE, INTEREST }

    /** One member of the team. */
    @Embeddable
    static class TeamMember {
        @Column(name = "member_id")
        private long memberId;
        @Column(name = "member_name")
        private String memberName;
        @Column(name = "joined_at")
        private Instant joinedAt;

        protected TeamMember() {
        }

        TeamMember(long memberId, String memberName, Instant joinedAt) {
            this.memberId = memberId;
            this.memberName = memberName;
            this.joinedAt = joinedAt;
        }

        long memberId() { return memberId; }
        String memberName() { return memberName; }
        Instant joinedAt() { return joinedAt; }
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
    @CollectionTable(name = "service_team_member", joinColumns = @JoinColumn(name = "team_id"))
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
        if (members.stream().anyMatch(m -> m.memberId() == memberId)) {
            throw new ConflictException("already-member", "service-team.member.already", memberName);
        }
        if (members.size() >= MAX_MEMBERS) {
            throw new InvalidInputException("memberId", "service-team.member.too-many", MAX_MEMBERS);
        }
        members.add(new TeamMember(memberId, memberName, at));
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
    List<TeamMember> members() { return List.copyOf(members); }
    Long version() { return version; }
}
