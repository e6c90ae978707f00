package org.lianxin.access;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Who may manage accounts, roles and the audit log: the three administrators, kept apart. */
@Component
class AccessPermissions {

    static final String ACCOUNT_READ = "access:account:read";
    static final String ACCOUNT_WRITE = "access:account:write";
    static final String ROLE_ASSIGN = "access:role:assign";
    static final String ACCOUNT_UNLOCK = "access:account:unlock";
    static final String AUDIT_READ = "access:audit:read";

    void require(Actor actor, String permission) {
        if (!actor.has(permission)) {
            throw new ForbiddenException(permission);
        }
    }

    /** A role may be given only at a place inside the assigner's own scope; elsewhere the place does not exist for him. */
    void checkAssignableAt(Actor actor, String areaPath) {
        require(actor, ROLE_ASSIGN);
        if (!actor.scopeFor(ROLE_ASSIGN).contains(areaPath)) {
            throw new NotFoundException("Area");
        }
    }
}
