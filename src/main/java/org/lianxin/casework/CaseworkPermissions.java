package org.lianxin.casework;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in casework. The working calendar is one for the whole deployment: staff
 * who handle time limits read it; only an administrator granted at a top-level area (the district)
 * changes it, since every deadline below depends on it.
 */
@Component
class CaseworkPermissions {

    static final String CALENDAR_READ = "casework:calendar:read";
    static final String CALENDAR_WRITE = "casework:calendar:write";
    static final String CASE_READ = "casework:case:read";
    static final String CASE_REPORT = "casework:case:report";
    static final String CATEGORY_READ = "casework:category:read";
    static final String CATEGORY_WRITE = "casework:category:write";
    /** 回访: call back the reporters of sampled closed cases in the caller's area (community staff). */
    static final String RETURN_VISIT = "casework:case:return-visit";
    static final String PATROL_READ = "casework:patrol:read";
    static final String PATROL_WRITE = "casework:patrol:write";

    /** The permission of one step of a case: {@code casework:case:<step>}. */
    static String step(String step) {
        return "casework:case:" + step;
    }

    void checkCalendarRead(Actor actor) {
        if (!actor.has(CALENDAR_READ) && !actor.has(CALENDAR_WRITE)) {
            throw new ForbiddenException(CALENDAR_READ);
        }
    }

    void checkCalendarWrite(Actor actor) {
        boolean atTop = actor.scopeFor(CALENDAR_WRITE).prefixes().stream()
                .anyMatch(path -> path.chars().filter(c -> c == '/').count() == 2);
        if (!atTop) {
            throw new ForbiddenException(CALENDAR_WRITE);
        }
    }

    /** Staff who see a case in their area (a grid worker his grid's, a community its grids'); others only their own. */
    boolean staffSees(Actor actor, Case caze) {
        return actor.scopeFor(CASE_READ).contains(caze.areaPath());
    }

    /**
     * Whether the caller may take a step on the case. Pressing (urge, supervise) belongs to the level above the one
     * that holds the case (or to the level that handed it to a unit); rating and reopening to its reporter; every
     * other step to whoever holds the step's permission over the level that holds the case, or to the person it
     * was dispatched to (start, handle, reply).
     */
    boolean may(Actor actor, Case caze, String step) {
        Scope scope = actor.scopeFor(step(step));
        return switch (step) {
            case "urge", "supervise" -> caze.level() == CaseLevel.UNIT ? scope.contains(caze.levelPath())
                    : scope.prefixes().stream().anyMatch(p -> caze.levelPath().startsWith(p) && !caze.levelPath().equals(p));
            case "rate", "reopen" -> !scope.isEmpty() && caze.reporterAccountId() != null
                    && caze.reporterAccountId() == actor.accountId();
            case "start", "handle", "reply" -> scope.contains(caze.levelPath()) || (!scope.isEmpty()
                    && caze.responsibleAccountId() != null && caze.responsibleAccountId() == actor.accountId());
            default -> scope.contains(caze.levelPath());
        };
    }

    void check(Actor actor, Case caze, String step) {
        if (!may(actor, caze, step)) {
            throw new ForbiddenException(step(step));
        }
    }

    void checkReport(Actor actor) {
        if (!actor.has(CASE_REPORT)) {
            throw new ForbiddenException(CASE_REPORT);
        }
    }

    void checkCategoryRead(Actor actor) {
        if (!actor.has(CATEGORY_READ)) {
            throw new ForbiddenException(CATEGORY_READ);
        }
    }
}
