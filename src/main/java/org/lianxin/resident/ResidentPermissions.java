package org.lianxin.resident;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change what in the resident ledger, in one place. Out of the read scope a record
 * answers 404 as if absent; visible but outside the write scope a change answers 403. Revealing a
 * full ID or phone number is its own permission.
 */
@Component
class ResidentPermissions {

    static final String HOUSEHOLD_READ = "resident:household:read";
    static final String HOUSEHOLD_WRITE = "resident:household:write";
    static final String RESIDENT_READ = "resident:resident:read";
    static final String RESIDENT_WRITE = "resident:resident:write";
    static final String PII_REVEAL = "resident:pii:reveal";
    static final String SIGNUP_CONFIRM = "resident:signup:confirm";
    /** Export residents with full ID and phone numbers (audited like every export). */
    static final String EXPORT_UNMASKED = "resident:export:unmasked";
    /** A resident's own account: his household. */
    static final String HOUSEHOLD_OWN = "resident:household:own";

    void require(Actor actor, String permission) {
        if (!actor.has(permission)) {
            throw new ForbiddenException(permission);
        }
    }

    void checkVisible(Actor actor, String read, String write, String path, String objectType) {
        if (!actor.scopeFor(read).contains(path) && !actor.scopeFor(write).contains(path)) {
            throw new NotFoundException(objectType);
        }
    }

    void checkChange(Actor actor, String read, String write, String path, String objectType) {
        checkVisible(actor, read, write, path, objectType);
        if (!actor.scopeFor(write).contains(path)) {
            throw new ForbiddenException(write);
        }
    }

    /** Revealing needs the record visible (else 404) and the reveal permission at its area (else 403). */
    void checkReveal(Actor actor, String path) {
        checkVisible(actor, RESIDENT_READ, RESIDENT_WRITE, path, "Resident");
        if (!actor.scopeFor(PII_REVEAL).contains(path)) {
            throw new ForbiddenException(PII_REVEAL);
        }
    }
}
