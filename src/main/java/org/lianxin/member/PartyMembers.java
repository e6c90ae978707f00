package org.lianxin.member;

import java.util.List;
import java.util.Optional;

import org.lianxin.organization.Areas;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party members as other modules may ask about them (1+n contact, visits): who a member is, his
 * community and his login; read-only, no numbers, no health text. Who needs care visits is answered
 * with ids only: the care category itself stays behind {@code member:sensitive:read}.
 */
@Component
@Transactional(readOnly = true)
public class PartyMembers {

    /** A member as other modules know him: name, home community (id and path), login account if any. */
    public record MemberRef(long id, String name, long communityId, String communityPath, Long accountId) {
    }

    private final MemberRepository members;
    private final Areas areas;

    PartyMembers(MemberRepository members, Areas areas) {
        this.members = members;
        this.areas = areas;
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
