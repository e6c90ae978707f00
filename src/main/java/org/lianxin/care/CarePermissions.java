package org.lianxin.care;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with contact assignments and visits, in one place. Staff read in their
 * scope (outside it a record answers 404); assigning needs the write permission there (403 if only
 * visible). A member logs visits in his own community with {@link #VISIT_USE}; staff and grid workers
 * log visits in their scope with {@link #VISIT_LOG}.
 */
@Component
class CarePermissions {

    static final String CONTACT_READ = "care:contact:read";
    static final String CONTACT_WRITE = "care:contact:write";
    static final String VISIT_READ = "care:visit:read";
    static final String VISIT_LOG = "care:visit:log";
    /** A Party member logging visits to households of his community, and seeing his own contact households. */
    static final String VISIT_USE = "care:visit:use";

    boolean seesContacts(Actor actor, String path) {
        return actor.scopeFor(CONTACT_READ).contains(path) || actor.scopeFor(CONTACT_WRITE).contains(path);
    }

    void checkAssign(Actor actor, String path) {
        if (!actor.scopeFor(CONTACT_WRITE).contains(path)) {
            throw new ForbiddenException(CONTACT_WRITE);
        }
    }

    boolean seesVisits(Actor actor, String path) {
        return actor.scopeFor(VISIT_READ).contains(path) || actor.scopeFor(VISIT_LOG).contains(path);
    }

    boolean logsIn(Actor actor, String path) {
        return actor.scopeFor(VISIT_LOG).contains(path);
    }
}
