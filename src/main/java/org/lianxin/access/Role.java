package org.lianxin.access;

import java.util.List;
import java.util.Set;

/**
 * The roles an account may hold at a node of the area tree, and the permissions each grants there.
 * System, security and audit administration are separate roles (三员分立): the one who creates
 * accounts cannot read the audit log, the one who reads it cannot change accounts.
 */
enum Role {

    SYSTEM_ADMIN(List.of("DISTRICT", "SUBDISTRICT"),
            "access:account:read", "access:account:write", "access:role:assign", "organization:area:read"),
    SECURITY_ADMIN(List.of("DISTRICT", "SUBDISTRICT"),
            "access:account:read", "access:account:unlock"),
    AUDIT_ADMIN(List.of("DISTRICT", "SUBDISTRICT"),
            "access:audit:read"),
    SUBDISTRICT_OFFICER(List.of("DISTRICT", "SUBDISTRICT"),
            "organization:area:read", "organization:area:write", "organization:org-unit:read",
            "organization:org-unit:write", "organization:partner-unit:read", "organization:partner-unit:write",
            "organization:grid-role:read", "organization:grid-role:write",
            "resident:household:read", "resident:resident:read", "resident:pii:reveal"),
    COMMUNITY_SECRETARY(List.of("COMMUNITY"),
            "organization:area:read", "organization:area:write", "organization:org-unit:read",
            "organization:org-unit:write", "organization:partner-unit:read", "organization:partner-unit:write",
            "organization:grid-role:read", "organization:grid-role:write",
            "resident:household:read", "resident:household:write", "resident:resident:read",
            "resident:resident:write", "resident:pii:reveal", "resident:signup:confirm", "resident:export:unmasked"),
    COMMUNITY_STAFF(List.of("COMMUNITY"),
            "organization:area:read", "organization:org-unit:read", "organization:partner-unit:read",
            "organization:grid-role:read", "organization:grid-role:write",
            "resident:household:read", "resident:household:write", "resident:resident:read",
            "resident:resident:write", "resident:signup:confirm"),
    GRID_WORKER(List.of("GRID", "MICRO_GRID"),
            "organization:area:read", "organization:org-unit:read", "organization:grid-role:read",
            "resident:household:read", "resident:resident:read"),
    BUILDING_LEADER(List.of("COMPOUND", "BUILDING"),
            "organization:area:read", "resident:household:read", "resident:resident:read"),
    MEMBER(List.of("COMMUNITY", "GRID", "MICRO_GRID", "COMPOUND", "BUILDING")),
    RESIDENT(List.of("COMMUNITY", "GRID", "MICRO_GRID", "COMPOUND", "BUILDING"),
            "resident:household:own"),
    PARTNER_CONTACT(List.of("SUBDISTRICT", "COMMUNITY"),
            "organization:partner-unit:own");

    private final List<String> areaLevels;
    private final Set<String> permissions;

    Role(List<String> areaLevels, String... permissions) {
        this.areaLevels = List.copyOf(areaLevels);
        this.permissions = Set.of(permissions);
    }

    /** The area levels at which the role may be given (a community secretary at a community). */
    List<String> areaLevels() {
        return areaLevels;
    }

    Set<String> permissions() {
        Set<String> granted = MemberGrants.add(this, permissions);
        granted = CaseworkGrants.add(this, granted);
        granted = WishGrants.add(this, granted);
        granted = CareGrants.add(this, granted);
        granted = MatchingGrants.add(this, granted);
        granted = VolunteerGrants.add(this, granted);
        granted = PointsGrants.add(this, granted);
        return granted;
    }

    static boolean exists(String code) {
        for (Role role : values()) {
            if (role.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
