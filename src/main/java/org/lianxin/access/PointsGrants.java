package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The points module's permissions per role (see {@link MemberGrants} for why they sit beside {@link Role}).
 */
final class PointsGrants {

    private PointsGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
