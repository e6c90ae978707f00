package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The casework module's permissions per role (see {@link MemberGrants} for why they sit beside
 * {@link Role}). The working calendar is configuration: the system administrator loads it; the staff
 * who work with time limits read it.
 */
final class CaseworkGrants {

    static final String CALENDAR_READ = "casework:calendar:read";
    static final String CALENDAR_WRITE = "casework:calendar:write";

    private CaseworkGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> Set.of(CALENDAR_READ, CALENDAR_WRITE);
            case SUBDISTRICT_OFFICER, COMMUNITY_SECRETARY, COMMUNITY_STAFF, GRID_WORKER -> Set.of(CALENDAR_READ);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
