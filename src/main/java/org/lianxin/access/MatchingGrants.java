package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The matching module's permissions per role (see {@link MemberGrants} for why they sit beside {@link Role}): the
 * community (and a building leader in his compound) records needs for residents, dispatches them and lists service
 * tasks; the subdistrict and grid workers read; residents submit their own needs; partner units' contacts keep their
 * offers and take orders; members keep their own offers and claim service tasks.
 */
final class MatchingGrants {

    static final String NEED_READ = "matching:need:read";
    static final String NEED_WRITE = "matching:need:write";
    static final String NEED_SUBMIT = "matching:need:submit";
    static final String NEED_TAKE = "matching:need:take";
    static final String OFFER_READ = "matching:offer:read";
    static final String OFFER_WRITE = "matching:offer:write";
    static final String OFFER_OWN = "matching:offer:own";
    static final String TASK_READ = "matching:task:read";
    static final String TASK_WRITE = "matching:task:write";
    static final String TASK_CLAIM = "matching:task:claim";

    private MatchingGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case COMMUNITY_SECRETARY, COMMUNITY_STAFF -> Set.of(NEED_READ, NEED_WRITE, OFFER_READ, OFFER_WRITE,
                    TASK_READ, TASK_WRITE);
            case SUBDISTRICT_OFFICER -> Set.of(NEED_READ, OFFER_READ, OFFER_WRITE, TASK_READ);
            case GRID_WORKER -> Set.of(NEED_READ, OFFER_READ, TASK_READ);
            case BUILDING_LEADER -> Set.of(NEED_READ, NEED_WRITE);
            case RESIDENT -> Set.of(NEED_SUBMIT);
            case PARTNER_CONTACT -> Set.of(NEED_TAKE, OFFER_OWN);
            case MEMBER -> Set.of(OFFER_OWN, TASK_CLAIM);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
