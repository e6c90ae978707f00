package org.lianxin.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The casework module's permissions per role (see {@link MemberGrants} for why they sit beside
 * {@link Role}). The working calendar is configuration: the system administrator loads it; the staff
 * who work with time limits read it.
 */
final class CaseworkGrants {

    static final String CALENDAR_READ = "casework:calendar:read";
    static final String CALENDAR_WRITE = "casework:calendar:write";
    static final String CATEGORY_READ = "casework:category:read";
    static final String PATROL_READ = "casework:patrol:read";
    static final String PATROL_WRITE = "casework:patrol:write";

    /** The steps staff take on cases in their area: {@code casework:case:<step>}. */
    static final List<String> HANDLING = List.of("read", "report", "accept", "register", "dispatch", "start", "handle",
            "verify", "return", "reject", "escalate", "reply", "duplicate");

    private CaseworkGrants() {
    }

    static Set<String> of(Role role) {
        Set<String> all = new HashSet<>();
        switch (role) {
            // categories and their time limits are configuration, like the calendar
            case SYSTEM_ADMIN -> all.addAll(Set.of(CALENDAR_READ, CALENDAR_WRITE, CATEGORY_READ, "casework:category:write"));
            // the subdistrict and the community secretary press (urge, supervise) the levels below them
            case SUBDISTRICT_OFFICER, COMMUNITY_SECRETARY -> {
                all.add(CALENDAR_READ);
                all.add(PATROL_READ);
                cases(all, HANDLING);
                cases(all, List.of("close", "urge", "supervise"));
                // the community calls back the reporters of sampled closed cases (回访), not the subdistrict
                if (role == Role.COMMUNITY_SECRETARY) {
                    cases(all, List.of("return-visit"));
                }
            }
            case COMMUNITY_STAFF -> {
                all.add(CALENDAR_READ);
                all.add(PATROL_READ);
                cases(all, HANDLING);
                cases(all, List.of("close", "urge", "return-visit"));
            }
            // a grid worker handles his grid's cases; he rates and reopens only what he reported himself
            case GRID_WORKER -> {
                all.add(CALENDAR_READ);
                all.add(PATROL_READ);
                all.add(PATROL_WRITE);
                cases(all, HANDLING);
                cases(all, List.of("rate", "reopen"));
            }
            // residents, members and building leaders report and follow their own reports
            case RESIDENT, MEMBER, BUILDING_LEADER -> cases(all, List.of("report", "rate", "reopen"));
            default -> {
            }
        }
        if (all.contains("casework:case:report")) {
            all.add(CATEGORY_READ);
        }
        return Set.copyOf(all);
    }

    private static void cases(Set<String> all, List<String> steps) {
        steps.forEach(step -> all.add("casework:case:" + step));
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        return Set.copyOf(all);
    }
}
