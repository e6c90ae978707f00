package org.lianxin.casework;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
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
}
