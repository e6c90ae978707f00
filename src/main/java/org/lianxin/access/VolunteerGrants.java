package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The volunteer module's permissions per role (see {@link MemberGrants} for why they sit beside {@link Role}):
 * the community and the subdistrict organise activities in their area, grid workers read them, members join.
 */
final class VolunteerGrants {

    static final String READ = "volunteer:activity:read";
    static final String MANAGE = "volunteer:activity:manage";
    static final String JOIN = "volunteer:activity:join";

    private VolunteerGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case COMMUNITY_SECRETARY, COMMUNITY_STAFF, SUBDISTRICT_OFFICER -> Set.of(READ, MANAGE);
            case GRID_WORKER -> Set.of(READ);
            case MEMBER -> Set.of(JOIN);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
