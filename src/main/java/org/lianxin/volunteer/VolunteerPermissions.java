package org.lianxin.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lianxin.member.PartyMembers;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with activities. Staff read in their scope and organise (publish, see the roster, show
 * the check-in code, check in by hand, confirm and correct attendance) where they hold {@code manage}. A member
 * joins activities of the communities that approved his registration (报到), and of the areas above them. An
 * activity outside all of these answers 404; visible but not allowed answers 403.
 */
@Component
class VolunteerPermissions {

    static final String READ = "volunteer:activity:read";
    static final String MANAGE = "volunteer:activity:manage";
    static final String JOIN = "volunteer:activity:join";

    /** A member as he signs up, and the communities he may join in. */
    record Joiner(SignUpDesk.Volunteer volunteer, List<String> communityPaths) {
    }

    private final PartyMembers members;

    VolunteerPermissions(PartyMembers members) {
        this.members = members;
    }

    Scope staffScope(Actor actor) {
        return actor.scopeFor(READ).or(actor.scopeFor(MANAGE));
    }

    boolean canManage(Actor actor, Activity activity) {
        return actor.scopeFor(MANAGE).contains(activity.areaPath());
    }

    void checkManage(Actor actor, Activity activity) {
        if (!canManage(actor, activity)) {
            throw new ForbiddenException(MANAGE);
        }
    }

    /** The caller as a registered member, if he may join activities. */
    Optional<Joiner> joiner(Actor actor) {
        if (!actor.has(JOIN)) {
            return Optional.empty();
        }
        return members.registeredOfAccount(actor.accountId()).filter(m -> !m.communityPaths().isEmpty())
                .map(m -> new Joiner(new SignUpDesk.Volunteer(m.id(), actor.accountId(), m.name()), m.communityPaths()));
    }

    /** Whether a member of these communities sees an activity of this area: inside one of them, or above one. */
    static boolean near(List<String> communityPaths, String areaPath) {
        return communityPaths.stream().anyMatch(c -> areaPath.startsWith(c) || c.startsWith(areaPath));
    }

    /** The paths above and at the communities: an activity at one of these is for the whole area. */
    static List<String> ancestorsOf(List<String> communityPaths) {
        List<String> all = new ArrayList<>();
        for (String path : communityPaths) {
            String[] parts = path.split("/");
            StringBuilder prefix = new StringBuilder("/");
            for (int i = 1; i < parts.length; i++) {
                prefix.append(parts[i]).append('/');
                all.add(prefix.toString());
            }
        }
        return all.stream().distinct().toList();
    }
}
