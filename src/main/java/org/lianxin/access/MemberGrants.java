package org.lianxin.access;

import java.util.HashSet;
import java.util.Set;

/**
 * The member module's permissions per role, kept beside {@link Role} rather than in its lines so that
 * modules added in parallel each append their own grants without touching one another's. The three
 * administrators get none: they never see Party members' data.
 */
final class MemberGrants {

    static final String READ = "member:member:read";
    static final String WRITE = "member:member:write";
    static final String SENSITIVE = "member:sensitive:read";
    static final String REVEAL = "member:pii:reveal";
    static final String APPLY = "member:registration:apply";
    static final String REVIEW = "member:registration:review";
    static final String UNIT_APPLY = "member:unit-registration:apply";
    static final String LEADER_READ = "member:leader:read";
    static final String LEADER_MANAGE = "member:leader:manage";
    static final String LEADER_APPROVE = "member:leader:approve";
    static final String MAILBOX_READ = "member:mailbox:read";
    static final String MAILBOX_HANDLE = "member:mailbox:handle";
    static final String LEADER_NOMINATE = "member:leader:nominate";
    static final String MAILBOX_USE = "member:mailbox:use";
    static final String IMPORT = "member:member:import";
    static final String EXPORT_UNMASKED = "member:export:unmasked";

    private MemberGrants() {
    }

    static Set<String> of(Role role) {
        return switch (role) {
            case COMMUNITY_SECRETARY -> Set.of(READ, WRITE, SENSITIVE, REVEAL, REVIEW, EXPORT_UNMASKED);
            case COMMUNITY_STAFF -> Set.of(READ, WRITE, REVIEW);
            case SUBDISTRICT_OFFICER -> Set.of(READ, SENSITIVE, REVEAL, IMPORT);
            case GRID_WORKER -> Set.of(READ);
            case MEMBER -> Set.of(APPLY);
            case PARTNER_CONTACT -> Set.of(UNIT_APPLY);
            default -> Set.of();
        };
    }

    /** Building leaders and the building mailbox: the committee approves leaders, staff run the rest. */
    static Set<String> ofLeaders(Role role) {
        return switch (role) {
            case COMMUNITY_SECRETARY -> Set.of(LEADER_READ, LEADER_MANAGE, LEADER_APPROVE, MAILBOX_READ, MAILBOX_HANDLE);
            case COMMUNITY_STAFF -> Set.of(LEADER_READ, LEADER_MANAGE, MAILBOX_READ, MAILBOX_HANDLE);
            case SUBDISTRICT_OFFICER -> Set.of(LEADER_READ, MAILBOX_READ);
            case GRID_WORKER -> Set.of(LEADER_READ);
            case MEMBER -> Set.of(LEADER_NOMINATE);
            case RESIDENT -> Set.of(LEADER_NOMINATE, MAILBOX_USE);
            case BUILDING_LEADER -> Set.of(MAILBOX_USE);
            default -> Set.of();
        };
    }

    static Set<String> add(Role role, Set<String> permissions) {
        Set<String> all = new HashSet<>(permissions);
        all.addAll(of(role));
        all.addAll(ofLeaders(role));
        return Set.copyOf(all);
    }
}
