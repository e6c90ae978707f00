package org.lianxin.organization;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change what in this module, in one place. Reading is limited to the caller's
 * scope (outside it a record answers 404 as if absent); writing needs the write permission at the
 * record's area (403 when the caller may see the record but not change it).
 */
@Component
class OrganizationPermissions {

    static final String AREA_READ = "organization:area:read";
    static final String AREA_WRITE = "organization:area:write";
    static final String ORG_UNIT_READ = "organization:org-unit:read";
    static final String ORG_UNIT_WRITE = "organization:org-unit:write";
    static final String PARTNER_READ = "organization:partner-unit:read";
    static final String PARTNER_WRITE = "organization:partner-unit:write";
    static final String PARTNER_OWN = "organization:partner-unit:own";
    static final String GRID_ROLE_READ = "organization:grid-role:read";
    static final String GRID_ROLE_WRITE = "organization:grid-role:write";

    /** The caller must hold the permission somewhere, or the whole resource is forbidden. */
    void require(Actor actor, String permission) {
        if (!actor.has(permission)) {
            throw new ForbiddenException(permission);
        }
    }

    /** A record at {@code path} must be visible to the caller under {@code read}, or it does not exist for him. */
    void checkVisible(Actor actor, String read, String path, String objectType) {
        if (!actor.scopeFor(read).contains(path)) {
            throw new NotFoundException(objectType);
        }
    }

    /** The caller sees the record; he must also hold {@code write} at its area. */
    void checkWritable(Actor actor, String write, String path) {
        if (!actor.scopeFor(write).contains(path)) {
            throw new ForbiddenException(write);
        }
    }

    /** Loading for a change: invisible answers 404, visible but not writable answers 403. */
    void checkChange(Actor actor, String read, String write, String path, String objectType) {
        if (!actor.scopeFor(read).contains(path) && !actor.scopeFor(write).contains(path)) {
            throw new NotFoundException(objectType);
        }
        checkWritable(actor, write, path);
    }
}
