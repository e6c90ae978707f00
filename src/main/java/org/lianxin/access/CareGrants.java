package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The care module's permissions per role (see {@link MemberGrants} for why they sit beside {@link Role}):
 * community staff assign contact households and log visits; grid workers see and log visits in their
 * grid; the subdistrict reads; a Party member logs visits in his own community.
 */
final class CareGrants {

    static final String CONTACT_READ = "care:contact:read";
    static final String CONTACT_WRITE = "care:contact:write";
    static final String VISIT_READ = "care:visit:read";
    static final String VISIT_LOG = "care:visit:log";
    static final String VISIT_USE = "care:visit:use";

    private CareGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case COMMUNITY_SECRETARY, COMMUNITY_STAFF -> Set.of(CONTACT_READ, CONTACT_WRITE, VISIT_READ, VISIT_LOG);
            case SUBDISTRICT_OFFICER -> Set.of(CONTACT_READ, VISIT_READ);
            case GRID_WORKER -> Set.of(CONTACT_READ, VISIT_READ, VISIT_LOG);
            case MEMBER, BUILDING_LEADER -> Set.of(VISIT_USE);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
