package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The wish module's permissions per role, beside {@link Role} like {@link MemberGrants}: the community
 * reviews micro-wishes and acts on a resident's behalf, the subdistrict and grid workers read them,
 * residents submit their own, members and partner units' contacts claim them. Micro-projects: the community
 * publishes and accepts them, the subdistrict and grid workers follow them, partner units' contacts claim them for
 * their unit's Party organisation.
 */
final class WishGrants {

    static final String READ = "wish:wish:read";
    static final String REVIEW = "wish:wish:review";
    static final String SUBMIT = "wish:wish:submit";
    static final String CLAIM = "wish:wish:claim";
    static final String PROJECT_READ = "wish:project:read";
    static final String PROJECT_MANAGE = "wish:project:manage";
    static final String PROJECT_CLAIM = "wish:project:claim";

    private WishGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case COMMUNITY_SECRETARY, COMMUNITY_STAFF -> Set.of(READ, REVIEW, PROJECT_READ, PROJECT_MANAGE);
            case SUBDISTRICT_OFFICER, GRID_WORKER -> Set.of(READ, PROJECT_READ);
            case RESIDENT -> Set.of(SUBMIT);
            case MEMBER -> Set.of(CLAIM);
            case PARTNER_CONTACT -> Set.of(CLAIM, PROJECT_CLAIM);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
