package org.lianxin.member;

import java.util.List;
import java.util.Optional;

import org.lianxin.organization.Areas;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party members as other modules may ask about them (1+n contact, visits, claiming wishes): who a member is, his
 * community and his login; read-only, no numbers, no health text. Who needs care visits is answered
 * with ids only: the care category itself stays behind {@code member:sensitive:read}.
 */
@Component
@Transactional(readOnly = true)
public class PartyMembers {

    /** A member as other modules know him: name, home community (id and path), login account if any. */
    public record MemberRef(long id, String name, long communityId, String communityPath, Long accountId) {
    }

    /** A member with the paths of the communities that approved his registration (报到), e.g. to claim a wish there. */
    public record Registered(long id, String name, List<String> communityPaths) {
    }

    /**
     * What a registered member offers to serve with: his skills (the member's and his approved registrations'),
     * when he is free ({@code WEEKDAY_DAYTIME}, {@code WEEKDAY_EVENINGS}, {@code WEEKENDS}, {@code HOLIDAYS},
     * {@code ANY_TIME}) and the communities that approved him; e.g. to show him service tasks that fit first.
     */
    public record Skilled(long id, String name, List<String> skills, List<String> availability,
                          List<String> communityPaths) {
    }

    private final MemberRepository members;
    private final RegistrationRepository registrations;
    private final Areas areas;

    PartyMembers(MemberRepository members, RegistrationRepository registrations, Areas areas) {
        this.members = members;
        this.registrations = registrations;
        this.areas = areas;
    }

    /** The member linked to a login account with his approved communities (may be none). */
    public Optional<Registered> registeredOfAccount(long accountId) {
        return members.findByAccountId(accountId).map(m -> new Registered(m.id(), m.name(),
                registrations.findByMemberIdAndState(m.id(), RegistrationState.APPROVED).stream()
                        .map(Registration::communityPath).distinct().toList()));
    }

    /** The member linked to a login account with his skills, free time and approved communities. */
    public Optional<Skilled> skilledOfAccount(long accountId) {
        return members.findByAccountId(accountId).map(m -> {
            List<Registration> approved = registrations.findByMemberIdAndState(m.id(), RegistrationState.APPROVED);
            java.util.TreeSet<String> skills = new java.util.TreeSet<>(m.skills());
            java.util.TreeSet<String> availability = new java.util.TreeSet<>();
            approved.forEach(r -> {
                skills.addAll(r.skills());
                availability.addAll(r.availability());
            });
            return new Skilled(m.id(), m.name(), List.copyOf(skills), List.copyOf(availability),
                    approved.stream().map(Registration::communityPath).distinct().toList());
        });
    }

    public Optional<MemberRef> find(long memberId) {
        return members.findById(memberId).flatMap(this::ref);
    }

    /** The member record linked to a login account, if any. */
    public Optional<MemberRef> ofAccount(long accountId) {
        return members.findByAccountId(accountId).flatMap(this::ref);
    }

    /** The ids of the members of a community who are in one of the four care categories (四类党员). */
    public List<Long> needingCareIn(long communityId) {
        return members.findByCommunityIdAndCareCategoryIsNotNullOrderById(communityId).stream().map(Member::id).toList();
    }

    private Optional<MemberRef> ref(Member m) {
        if (m.communityId() == null) {
            return Optional.empty();
        }
        return areas.find(m.communityId()).map(c -> new MemberRef(m.id(), m.name(), c.id(), c.path(), m.accountId()));
    }
}
