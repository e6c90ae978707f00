package org.lianxin.member;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered members as other modules may ask about them (a member claiming a micro-wish): who the
 * member behind an account is and the communities where his registration is approved. Read-only.
 */
@Component
@Transactional(readOnly = true)
public class RegisteredMembers {

    /** A member with the paths of the communities that approved his registration (报到). */
    public record MemberRef(long id, String name, List<String> communityPaths) {
    }

    private final MemberRepository members;
    private final RegistrationRepository registrations;

    RegisteredMembers(MemberRepository members, RegistrationRepository registrations) {
        this.members = members;
        this.registrations = registrations;
    }

    /** The member linked to a login account, if he has one; his approved communities may be none. */
    public Optional<MemberRef> ofAccount(long accountId) {
        return members.findByAccountId(accountId).map(m -> new MemberRef(m.id(), m.name(),
                registrations.findByMemberIdAndState(m.id(), RegistrationState.APPROVED).stream()
                        .map(Registration::communityPath).distinct().toList()));
    }
}
