package org.lianxin.wish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lianxin.member.PartyMembers;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.organization.PartnerUnits.PartnerUnitRef;
import org.lianxin.resident.Residents;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with micro-wishes, in one place. Staff read and review in their area scope
 * (they always see who the resident is); a resident sees his own wishes; a registered member claims on
 * the wall of the communities that approved his registration, a partner unit's contact on the wall of
 * the communities his unit is paired with. A wish outside all of these answers 404 as if absent (so a
 * member of another community claiming gets 404); visible but not allowed answers 403.
 */
@Component
class WishPermissions {

    static final String READ = "wish:wish:read";
    static final String REVIEW = "wish:wish:review";
    static final String SUBMIT = "wish:wish:submit";
    static final String CLAIM = "wish:wish:claim";
    static final String PROJECT_READ = "wish:project:read";
    static final String PROJECT_MANAGE = "wish:project:manage";
    static final String PROJECT_CLAIM = "wish:project:claim";

    /** A unit the caller claims micro-projects for, and the communities it is paired with. */
    record ProjectUnit(PartnerUnitRef unit, Scope scope) {
    }

    /** Who would claim, and where: a member's approved communities, or a unit's paired ones. */
    record Claimer(Wish.Claimant claimant, Scope scope) {
    }

    private final PartyMembers members;
    private final PartnerUnits units;
    private final Residents residents;

    WishPermissions(PartyMembers members, PartnerUnits units, Residents residents) {
        this.members = members;
        this.units = units;
        this.residents = residents;
    }

    Scope staffScope(Actor actor) {
        List<String> paths = new ArrayList<>(actor.scopeFor(READ).prefixes());
        paths.addAll(actor.scopeFor(REVIEW).prefixes());
        return Scope.of(paths);
    }

    boolean staffSees(Actor actor, Wish wish) {
        return staffScope(actor).contains(wish.areaPath());
    }

    boolean canReview(Actor actor, Wish wish) {
        return actor.scopeFor(REVIEW).contains(wish.areaPath());
    }

    void checkReview(Actor actor, Wish wish) {
        if (!canReview(actor, wish)) {
            throw new ForbiddenException(REVIEW);
        }
    }

    /** The resident record behind the caller's account, if any. */
    Optional<Long> residentOf(Actor actor) {
        return residents.ofAccount(actor.accountId()).map(Residents.ResidentRef::id);
    }

    /** As a member where he is registered, else as a partner unit's contact; empty for anyone else. */
    List<Claimer> claimers(Actor actor) {
        if (!actor.has(CLAIM)) {
            return List.of();
        }
        List<Claimer> claimers = new ArrayList<>();
        members.registeredOfAccount(actor.accountId()).filter(m -> !m.communityPaths().isEmpty()).ifPresent(m -> claimers.add(
                new Claimer(new Wish.Claimant(Wish.ClaimantKind.MEMBER, actor.accountId(), m.id(), null, m.name()),
                        Scope.of(m.communityPaths()))));
        for (PartnerUnitRef unit : units.ofContact(actor.accountId())) {
            List<String> paired = units.pairedCommunityPaths(unit.id());
            if (!paired.isEmpty()) {
                claimers.add(new Claimer(new Wish.Claimant(Wish.ClaimantKind.UNIT, actor.accountId(), null, unit.id(),
                        unit.name()), Scope.of(paired)));
            }
        }
        return claimers;
    }

    /** Where the caller sees the wall: his staff scope and the communities he may claim in. */
    Scope wallScope(Actor actor, List<Claimer> claimers) {
        List<String> paths = new ArrayList<>(staffScope(actor).prefixes());
        claimers.forEach(c -> paths.addAll(c.scope().prefixes()));
        return Scope.of(paths);
    }

    // micro-projects: staff read and manage in their area; partner units' contacts claim where their unit is paired

    Scope projectScope(Actor actor) {
        List<String> paths = new ArrayList<>(actor.scopeFor(PROJECT_READ).prefixes());
        paths.addAll(actor.scopeFor(PROJECT_MANAGE).prefixes());
        return Scope.of(paths);
    }

    boolean canManage(Actor actor, MicroProject project) {
        return actor.scopeFor(PROJECT_MANAGE).contains(project.areaPath());
    }

    void checkManage(Actor actor, MicroProject project) {
        if (!canManage(actor, project)) {
            throw new ForbiddenException(PROJECT_MANAGE);
        }
    }

    /** The units the caller may claim micro-projects for (as their contact), with their paired communities. */
    List<ProjectUnit> projectUnits(Actor actor) {
        if (!actor.has(PROJECT_CLAIM)) {
            return List.of();
        }
        return units.ofContact(actor.accountId()).stream()
                .map(unit -> new ProjectUnit(unit, Scope.of(units.pairedCommunityPaths(unit.id()))))
                .filter(u -> !u.scope().isEmpty()).toList();
    }

    /** The caller's units that took part in the project. */
    List<PartnerUnitRef> claimingUnits(Actor actor, MicroProject project) {
        return units.ofContact(actor.accountId()).stream().filter(u -> project.claimedByUnit(u.id())).toList();
    }
}
