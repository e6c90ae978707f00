package org.lianxin.matching;

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
 * Who may see and do what in matching, in one place. Staff (and a building leader in his compound) read and act on
 * needs in their area scope; a resident sees his own needs; a unit's contact sees the needs dispatched to his unit or
 * to the open pool of the communities his unit is paired with, and those his unit took. Anything else answers 404 as
 * if absent; visible but not allowed answers 403.
 */
@Component
class MatchingPermissions {

    static final String NEED_READ = "matching:need:read";
    static final String NEED_WRITE = "matching:need:write";
    static final String NEED_SUBMIT = "matching:need:submit";
    static final String NEED_TAKE = "matching:need:take";
    static final String OFFER_READ = "matching:offer:read";
    static final String OFFER_WRITE = "matching:offer:write";
    static final String OFFER_OWN = "matching:offer:own";
    static final String TASK_READ = "matching:task:read";
    static final String TASK_WRITE = "matching:task:write";
    static final String TASK_CLAIM = "matching:task:claim";

    /** A unit whose contact the caller is, with the communities it is paired with. */
    record Taker(PartnerUnitRef unit, Scope pool) {
    }

    private final PartnerUnits units;
    private final Residents residents;
    private final PartyMembers members;

    MatchingPermissions(PartnerUnits units, Residents residents, PartyMembers members) {
        this.units = units;
        this.residents = residents;
        this.members = members;
    }

    Scope staffScope(Actor actor) {
        List<String> paths = new ArrayList<>(actor.scopeFor(NEED_READ).prefixes());
        paths.addAll(actor.scopeFor(NEED_WRITE).prefixes());
        return Scope.of(paths);
    }

    boolean staffSees(Actor actor, Need need) {
        return staffScope(actor).contains(need.areaPath());
    }

    boolean canWrite(Actor actor, Need need) {
        return actor.scopeFor(NEED_WRITE).contains(need.areaPath());
    }

    void checkWrite(Actor actor, Need need) {
        if (!canWrite(actor, need)) {
            throw new ForbiddenException(NEED_WRITE);
        }
    }

    Optional<Residents.ResidentRef> residentOf(Actor actor) {
        return residents.ofAccount(actor.accountId());
    }

    boolean own(Actor actor, Need need) {
        return need.residentId() != null && residentOf(actor).filter(r -> r.id() == need.residentId()).isPresent()
                || need.source() == Need.Source.RESIDENT && need.submittedByAccountId() != null
                && need.submittedByAccountId() == actor.accountId();
    }

    /** The units the caller answers for (as their contact), with their paired communities. */
    List<Taker> takers(Actor actor) {
        if (!actor.has(NEED_TAKE) && !actor.has(OFFER_OWN)) {
            return List.of();
        }
        return units.ofContact(actor.accountId()).stream()
                .map(u -> new Taker(u, Scope.of(units.pairedCommunityPaths(u.id())))).toList();
    }

    /** The caller's unit that the need was dispatched to (to it, or to a pool it belongs to), if any. */
    Optional<Taker> takerFor(Actor actor, Need need) {
        if (!actor.has(NEED_TAKE)) {
            return Optional.empty();
        }
        return takers(actor).stream().filter(t -> need.dispatchedTo(t.unit().id())
                || need.state() == NeedState.DISPATCHED && need.pool() && t.pool().contains(need.areaPath())).findFirst();
    }

    /** The caller's unit that took the need, if any. */
    Optional<Taker> helperOf(Actor actor, Need need) {
        return takers(actor).stream().filter(t -> need.takenBy(t.unit().id())).findFirst();
    }

    /** Staff in scope, the requester, a unit it is dispatched to, or the unit that took it. */
    boolean sees(Actor actor, Need need) {
        return staffSees(actor, need) || own(actor, need) || takerFor(actor, need).isPresent()
                || helperOf(actor, need).isPresent();
    }

    Scope offerScope(Actor actor) {
        List<String> paths = new ArrayList<>(actor.scopeFor(OFFER_READ).prefixes());
        paths.addAll(actor.scopeFor(OFFER_WRITE).prefixes());
        return Scope.of(paths);
    }

    Optional<PartyMembers.MemberRef> memberOf(Actor actor) {
        return actor.has(OFFER_OWN) || actor.has(TASK_CLAIM) ? members.ofAccount(actor.accountId()) : Optional.empty();
    }

    /** Whether the caller keeps this offer: the unit's contact, the member himself, or the community over its areas. */
    boolean keeps(Actor actor, Offer offer) {
        if (offer.unitId() != null && takers(actor).stream().anyMatch(t -> t.unit().id() == offer.unitId())) {
            return true;
        }
        if (offer.ownerKind() == Offer.OwnerKind.MEMBER && offer.ownerAccountId() != null
                && offer.ownerAccountId() == actor.accountId()) {
            return true;
        }
        Scope write = actor.scopeFor(OFFER_WRITE);
        return !write.isEmpty() && offer.served().stream().allMatch(s -> write.contains(s.path()));
    }

    /** Staff see an offer that serves an area in their scope, or an area above it (a subdistrict serves them too). */
    boolean seesOffer(Actor actor, Offer offer) {
        if (keeps(actor, offer)) {
            return true;
        }
        Scope scope = offerScope(actor);
        return offer.served().stream().anyMatch(s -> scope.contains(s.path())
                || scope.prefixes().stream().anyMatch(p -> p.startsWith(s.path())));
    }
}
