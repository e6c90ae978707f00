package org.lianxin.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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

import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.StateSteps;

/**
 * A member appointed Party-member building leader (党员楼长) of some buildings of a compound for a term,
 * with a letter number. ACTIVE → STEPPED_DOWN (by himself, with a reason) | DISMISSED (by staff, reason
 * required) | EXPIRED (term end passed). Never deleted: the buildings' and the member's history. While
 * ACTIVE each covered building's {@code active_building_id} is set and unique, so a building never
 * has two active leaders.
 */
@Entity
@Table(name = "building_leader")
class BuildingLeader {

    enum State {
        ACTIVE, STEPPED_DOWN, DISMISSED, EXPIRED;

        List<String> allowed() {
            return this == ACTIVE ? List.of("step-down", "dismiss", "expire") : List.of();
        }

        void require(String step) {
            StateSteps.require("leader.state.not-allowed", this, allowed(), step);
        }
    }

    /** One building a leader covers; {@code activeBuildingId} is set while the leader is active. */
    @Embeddable
    static class Covered {
        @Column(name = "building_id")
        private Long buildingId;
        @Column(name = "active_building_id")
        private Long activeBuildingId;

        protected Covered() {
        }

        Covered(long buildingId, boolean active) {
            this.buildingId = buildingId;
            this.activeBuildingId = active ? buildingId : null;
        }
    }

    @Id
    private Long id;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "nomination_id")
    private Long nominationId;
    @Column(name = "community_id")
    private Long communityId;
    @Column(name = "compound_id")
    private Long compoundId;
    @Column(name = "area_path")
    private String areaPath;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "building_leader_building", joinColumns = @JoinColumn(name = "leader_id"))
    private List<Covered> buildings = new ArrayList<>();
    @Column(name = "term_start")
    private LocalDate termStart;
    @Column(name = "term_end")
    private LocalDate termEnd;
    @Column(name = "letter_number")
    private String letterNumber;
    @Enumerated(EnumType.STRING)
    private State state;
    private String reason;
    @Column(name = "appointed_by")
    private String appointedBy;
    @Column(name = "appointed_at")
    private Instant appointedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Version
    private Long version;

    protected BuildingLeader() {
    }

    BuildingLeader(long id, Member member, BuildingLeaderRecruitment recruitment, Long nominationId,
                   Collection<Long> buildingIds, LocalDate termStart, LocalDate termEnd, String letterNumber, String by,
                   Instant at) {
        if (!termEnd.isAfter(termStart)) {
            throw new InvalidInputException("termEnd", "leader.term.end-before-start");
        }
        this.id = id;
        this.memberId = member.id();
        this.accountId = member.accountId();
        this.nominationId = nominationId;
        this.communityId = recruitment.communityId();
        this.compoundId = recruitment.compoundId();
        this.areaPath = recruitment.areaPath();
        buildingIds.stream().distinct().sorted().forEach(b -> buildings.add(new Covered(b, true)));
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.letterNumber = letterNumber;
        this.state = State.ACTIVE;
        this.appointedBy = by;
        this.appointedAt = at;
    }

    void stepDown(String reason, Instant at) {
        end("step-down", State.STEPPED_DOWN, reason, true, at);
    }

    void dismiss(String reason, Instant at) {
        end("dismiss", State.DISMISSED, reason, true, at);
    }

    void expire(Instant at) {
        end("expire", State.EXPIRED, null, false, at);
    }

    private void end(String step, State to, String reason, boolean reasonRequired, Instant at) {
        state.require(step);
        if (reasonRequired && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "validation.required");
        }
        this.state = to;
        this.reason = reason == null ? null : reason.strip();
        this.endedAt = at;
        List<Long> ids = buildingIds();
        buildings.clear();
        ids.forEach(b -> buildings.add(new Covered(b, false)));
    }

    /** Active and its term not past. */
    boolean active(LocalDate today) {
        return state == State.ACTIVE && !today.isAfter(termEnd);
    }

    Long id() {
        return id;
    }

    Long memberId() {
        return memberId;
    }

    Long accountId() {
        return accountId;
    }

    Long communityId() {
        return communityId;
    }

    Long compoundId() {
        return compoundId;
    }

    String areaPath() {
        return areaPath;
    }

    List<Long> buildingIds() {
        return buildings.stream().map(c -> c.buildingId).sorted().toList();
    }

    LocalDate termStart() {
        return termStart;
    }

    LocalDate termEnd() {
        return termEnd;
    }

    String letterNumber() {
        return letterNumber;
    }

    State state() {
        return state;
    }

    String reason() {
        return reason;
    }

    String appointedBy() {
        return appointedBy;
    }

    Instant appointedAt() {
        return appointedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    Long version() {
        return version;
    }
}
