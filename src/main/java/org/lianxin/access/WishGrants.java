package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The wish module's permissions per role, beside {@link Role} like {@link MemberGrants}: the community
 * reviews micro-wishes and acts on a resident's behalf, the subdistrict and grid workers read them,
 * residents submit their own, members and partner units' contacts claim them.
 */
final class WishGrants {

    static final String READ = "wish:wish:read";
    static final String REVIEW = "wish:wish:review";
    static final String SUBMIT = "wish:wish:submit";
    static final String CLAIM = "wish:wish:claim";

    private WishGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case COMMUNITY_SECRETARY, COMMUNITY_STAFF -> Set.of(READ, REVIEW);
            case SUBDISTRICT_OFFICER, GRID_WORKER -> Set.of(READ);
            case RESIDENT -> Set.of(SUBMIT);
            case MEMBER, PARTNER_CONTACT -> Set.of(CLAIM);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
