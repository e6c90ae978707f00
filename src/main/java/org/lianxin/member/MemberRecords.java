package org.lianxin.member;

import java.time.Clock;
import java.util.List;

import org.lianxin.member.MemberController.MemberForm;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * The one place where a member record is created and its form applied: the API's create and update and the
 * spreadsheet import all go through here, so a rule added here (e.g. linking a member to his resident record) holds
 * for every way in. The caller has checked that the community is writable for the actor, and publishes the event.
 */
@Component
class MemberRecords {

    private final MemberRepository members;
    private final MemberPermissions permissions;
    private final MemberProperties properties;
    private final Areas areas;
    private final PersonalDataCipher cipher;
    private final AccountDirectory accounts;
    private final Ids ids;
    private final Clock clock;

    MemberRecords(MemberRepository members, MemberPermissions permissions, MemberProperties properties, Areas areas,
                  PersonalDataCipher cipher, AccountDirectory accounts, Ids ids, Clock clock) {
        this.members = members;
        this.permissions = permissions;
        this.properties = properties;
        this.areas = areas;
        this.cipher = cipher;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new member from the form, saved (not flushed); 409 when the ID number is already recorded. */
    Member create(Actor actor, MemberForm form, AreaRef community) {
        if (form.idNumber() == null || form.idNumber().isBlank()) {
            throw new InvalidInputException("idNumber", "validation.required");
        }
        IdNumber idNumber = idNumber(form.idNumber());
        var sealedId = cipher.seal(idNumber.value());
        if (members.existsByIdNumberIndex(sealedId.blindIndex())) {
            throw new ConflictException("conflict", "member.id-number.taken");
        }
        Member member = new Member(ids.next("member_seq"), form.name().strip(), idNumber.gender(), sealedId,
                clock.instant());
        if (form.phone() != null && !form.phone().isBlank()) {
            member.changePhone(cipher.seal(form.phone().strip()));
        }
        apply(member, form, community, actor);
        return members.save(member);
    }

    /** Applies the form's place, work, facts, sensitive fields (with the permission) and account link. */
    void apply(Member member, MemberForm form, AreaRef community, Actor actor) {
        AreaRef building = form.buildingId() == null ? null
                : areas.find(form.buildingId()).orElseThrow(() -> new InvalidInputException("buildingId",
                        "member.building.outside-community"));
        member.liveIn(community, building, trim(form.address()));
        List<String> skills = form.skills() == null ? List.of() : form.skills();
        for (String skill : skills) {
            if (!properties.knows(skill)) {
                throw new InvalidInputException("skills", "member.skill.unknown", skill);
            }
        }
        member.work(trim(form.ownOrganization()), form.employment(), form.joinedOn(), skills);
        member.facts(new Member.Facts(trim(form.factAddress()), trim(form.factContact()), trim(form.factThinking()),
                trim(form.factWishes())));
        if (permissions.seesSensitive(actor, member.areaPath())) {
            if (Boolean.TRUE.equals(form.consent())) {
                member.recordConsent(clock.instant(), actor.displayName());
            }
            member.sensitive(trim(form.factHealth()), form.careCategory());
        } else if (trim(form.factHealth()) != null || form.careCategory() != null) {
            throw new ForbiddenException(MemberPermissions.SENSITIVE);
        }
        String username = trim(form.username());
        if (username == null) {
            member.linkAccount(null, null);
        } else {
            long accountId = accounts.idOf(username)
                    .orElseThrow(() -> new InvalidInputException("username", "member.account.unknown", username));
            members.findByAccountId(accountId).filter(other -> !other.id().equals(member.id())).ifPresent(other -> {
                throw new ConflictException("conflict", "member.account.taken", username);
            });
            member.linkAccount(accountId, username);
        }
    }

    static IdNumber idNumber(String raw) {
        if (!IdNumber.isValid(raw)) {
            throw new InvalidInputException("idNumber", "member.id-number.invalid");
        }
        return new IdNumber(raw);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
