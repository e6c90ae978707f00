package org.lianxin.points;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with points, in one place. Staff read entries, rankings and members' certificates in their
 * area scope (an entry or member outside it answers 404 as if absent); correcting an entry needs
 * {@code points:entry:correct} where it lies (else 403); rules are read in scope and set by the subdistrict officer.
 * A member reads his own points as their holder.
 */
@Component
class PointsPermissions {

    static final String ENTRY_READ = "points:entry:read";
    static final String ENTRY_CORRECT = "points:entry:correct";
    static final String RULE_READ = "points:rule:read";
    static final String RULE_WRITE = "points:rule:write";

    Scope readScope(Actor actor) {
        return actor.scopeFor(ENTRY_READ).or(actor.scopeFor(ENTRY_CORRECT));
    }

    Scope requireReadScope(Actor actor) {
        Scope scope = readScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(ENTRY_READ);
        }
        return scope;
    }

    void checkSees(Actor actor, String areaPath, String what) {
        if (!readScope(actor).contains(areaPath)) {
            throw new NotFoundException(what);
        }
    }

    void checkCorrect(Actor actor, PointsEntry entry) {
        checkSees(actor, entry.areaPath(), "PointsEntry");
        if (!actor.scopeFor(ENTRY_CORRECT).contains(entry.areaPath())) {
            throw new ForbiddenException(ENTRY_CORRECT);
        }
    }

    Scope ruleScope(Actor actor) {
        return actor.scopeFor(RULE_READ).or(actor.scopeFor(RULE_WRITE));
    }

    /** A subdistrict's rules: visible when the caller's scope reaches into it (a community inside it, or above). */
    boolean seesRules(Actor actor, String subdistrictPath) {
        Scope scope = ruleScope(actor);
        return scope.contains(subdistrictPath) || scope.prefixes().stream().anyMatch(p -> p.startsWith(subdistrictPath));
    }
}
