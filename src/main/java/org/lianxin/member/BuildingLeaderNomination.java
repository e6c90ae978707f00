package org.lianxin.member;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.StateSteps;

/**
 * A candidate for building leader: the member nominates himself (自荐) with a statement, or a resident
 * recommends him (推荐) with a reason. PENDING → APPROVED | DECLINED (reason seen by nominee and
 * recommender) | WITHDRAWN. One pending nomination per member and recruitment ({@code active_key}).
 */
@Entity
@Table(name = "building_leader_nomination")
class BuildingLeaderNomination {

    enum Kind { SELF, RECOMMENDATION }

    enum State {
        PENDING, APPROVED, DECLINED, WITHDRAWN;

        List<String> allowed() {
            return this == PENDING ? List.of("approve", "decline", "withdraw") : List.of();
        }

        void require(String step) {
            StateSteps.require("leader.state.not-allowed", this, allowed(), step);
        }
    }

    /** Who recommended the member: a resident with his login account. */
    record Recommender(long residentId, long accountId, String name) {
    }

    @Id
    private Long id;
    @Column(name = "recruitment_id")
    private Long recruitmentId;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "area_path")
    private String areaPath;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "building_ids")
    private String buildingIds;
    private String statement;
    @Column(name = "recommender_resident_id")
    private Long recommenderResidentId;
    @Column(name = "recommender_account_id")
    private Long recommenderAccountId;
    @Column(name = "recommender_name")
    private String recommenderName;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "active_key")
    private String activeKey;
    private String reason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Version
    private Long version;

    protected BuildingLeaderNomination() {
    }

    BuildingLeaderNomination(long id, BuildingLeaderRecruitment recruitment, Member member, Collection<Long> buildingIds,
                             String statement, Recommender recommender, Instant at) {
        if (!member.communityId().equals(recruitment.communityId())) {
            throw new InvalidInputException("memberId", "leader.nominee.not-member");
        }
        if (buildingIds.isEmpty()) {
            throw new InvalidInputException("buildingIds", "validation.required");
        }
        if (!recruitment.buildingIds().containsAll(buildingIds)) {
            throw new InvalidInputException("buildingIds", "leader.building.not-recruited");
        }
        this.id = id;
        this.recruitmentId = recruitment.id();
        this.memberId = member.id();
        this.areaPath = recruitment.areaPath();
        this.kind = recommender == null ? Kind.SELF : Kind.RECOMMENDATION;
        this.buildingIds = BuildingLeaderRecruitment.encode(buildingIds);
        this.statement = statement;
        if (recommender != null) {
            this.recommenderResidentId = recommender.residentId();
            this.recommenderAccountId = recommender.accountId();
            this.recommenderName = recommender.name();
        }
        this.state = State.PENDING;
        this.activeKey = activeKey(member.id(), recruitment.id());
        this.createdAt = at;
    }

    static String activeKey(long memberId, long recruitmentId) {
        return memberId + ":" + recruitmentId;
    }

    /** Approves for some of the buildings he was nominated for. */
    void approve(Collection<Long> buildings, String by, Instant at) {
        state.require("approve");
        if (buildings.isEmpty() || !buildingIds().containsAll(buildings)) {
            throw new InvalidInputException("buildingIds", "leader.building.not-nominated");
        }
        decide(State.APPROVED, null, by, at);
    }

    void decline(String reason, String by, Instant at) {
        state.require("decline");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "validation.required");
        }
        decide(State.DECLINED, reason.strip(), by, at);
    }

    void withdraw(Instant at) {
        state.require("withdraw");
        decide(State.WITHDRAWN, null, null, at);
    }

    private void decide(State to, String reason, String by, Instant at) {
        this.state = to;
        this.reason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
        this.activeKey = null;
    }

    Long id() {
        return id;
    }

    Long recruitmentId() {
        return recruitmentId;
    }

    Long memberId() {
        return memberId;
    }

    String areaPath() {
        return areaPath;
    }

    Kind kind() {
        return kind;
    }

    List<Long> buildingIds() {
        return BuildingLeaderRecruitment.decode(buildingIds);
    }

    String statement() {
        return statement;
    }

    Long recommenderAccountId() {
        return recommenderAccountId;
    }

    String recommenderName() {
        return recommenderName;
    }

    State state() {
        return state;
    }

    String reason() {
        return reason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String decidedBy() {
        return decidedBy;
    }

    Long version() {
        return version;
    }
}
