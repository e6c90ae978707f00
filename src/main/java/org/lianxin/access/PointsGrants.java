package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The points module's permissions per role (see {@link MemberGrants} for why they sit beside {@link Role}): the
 * subdistrict and the community read the ledger and rankings and print a member's certificate, their secretaries and
 * the subdistrict officer correct entries, only the subdistrict officer sets his subdistrict's rules. Members hold
 * {@code points:own:read}, which shows them the points tile; their own points answer to them as the holder.
 */
final class PointsGrants {

    static final String ENTRY_READ = "points:entry:read";
    static final String ENTRY_CORRECT = "points:entry:correct";
    static final String RULE_READ = "points:rule:read";
    static final String RULE_WRITE = "points:rule:write";
    static final String OWN = "points:own:read";

    private PointsGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case SUBDISTRICT_OFFICER -> Set.of(ENTRY_READ, ENTRY_CORRECT, RULE_READ, RULE_WRITE);
            case COMMUNITY_SECRETARY -> Set.of(ENTRY_READ, ENTRY_CORRECT, RULE_READ);
            case COMMUNITY_STAFF -> Set.of(ENTRY_READ, RULE_READ);
            case MEMBER -> Set.of(OWN);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
