package org.lianxin.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.OrgUnits;
import org.lianxin.organization.OrgUnits.OrgUnitRef;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.lianxin.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What clients get: numbers masked, labels in the caller's language, sensitive fields only with the permission. */
@Component
class MemberViews {

    record Label(String code, String label) {
    }

    record FactsView(String address, String contact, String health, String thinking, String wishes) {
    }

    record MemberView(long id, String name, String gender, String idNumber, String phone, long communityId,
                      String communityName, Long buildingId, String buildingName, String address, String ownOrganization,
                      String employment, String employmentLabel, LocalDate joinedOn, List<Label> skills, FactsView facts,
                      String careCategory, String careCategoryLabel, Instant consentAt, String consentRecordedBy,
                      boolean sensitiveHidden, String username, ResidentLink resident, long version) {
    }

    /**
     * The same person in the resident ledger (matched by the ID number's blind index): his household, shown to
     * callers who may read residents there, so that a member who is also a resident is seen as one person.
     */
    record ResidentLink(long residentId, long householdId, String doorNumber, String buildingName) {
    }

    record Placement(Long branchId, String branchName, Long groupId, String groupName, Long zoneId, String zoneName) {
    }

    record RegistrationView(long id, long memberId, String memberName, long communityId, String communityName,
                            long gridId, String gridName, List<Label> skills, List<Label> availability, String note,
                            String state, String stateLabel, Instant appliedAt, Instant decidedAt, String decidedBy,
                            String reason, Placement placement, String leads, String leadsLabel, long version) {
    }

    record UnitRegistrationView(long id, long partnerUnitId, String unitName, String partyOrganization, long communityId,
                                String communityName, String offer, String state, String stateLabel, Instant appliedAt,
                                String appliedBy, Instant decidedAt, String decidedBy, String reason, long version) {
    }

    private final Areas areas;
    private final OrgUnits orgUnits;
    private final PersonalDataCipher cipher;
    private final MemberProperties properties;
    private final MemberPermissions permissions;
    private final MessageSource messages;
    private final MemberRepository members;
    private final Residents residents;

    /** Who may read the resident ledger (the resident module's permission, as granted by access). */
    static final String RESIDENT_READ = "resident:resident:read";

    MemberViews(Areas areas, OrgUnits orgUnits, PersonalDataCipher cipher, MemberProperties properties,
                MemberPermissions permissions, MessageSource messages, MemberRepository members, Residents residents) {
        this.areas = areas;
        this.orgUnits = orgUnits;
        this.cipher = cipher;
        this.properties = properties;
        this.permissions = permissions;
        this.messages = messages;
        this.members = members;
        this.residents = residents;
    }

    List<MemberView> members(Collection<Member> list, Actor actor) {
        Set<Long> ids = new HashSet<>();
        list.forEach(m -> {
            ids.add(m.communityId());
            if (m.buildingId() != null) {
                ids.add(m.buildingId());
            }
        });
        Map<String, ResidentRef> asResidents = linkedResidents(list, actor);
        asResidents.values().forEach(r -> ids.add(r.buildingId()));
        Map<Long, String> names = names(ids);
        return list.stream().map(m -> member(m, actor, names, asResidents.get(m.idNumberIndex()))).toList();
    }

    /** The members' resident records that the caller may read, by the members' ID number index. */
    private Map<String, ResidentRef> linkedResidents(Collection<Member> list, Actor actor) {
        if (actor == null) {
            return Map.of();
        }
        Scope readable = actor.scopeFor(RESIDENT_READ);
        if (readable.isEmpty()) {
            return Map.of();
        }
        return residents.byIdNumberIndex(list.stream().map(Member::idNumberIndex).filter(java.util.Objects::nonNull)
                        .toList()).entrySet().stream().filter(e -> readable.contains(e.getValue().areaPath()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    MemberView member(Member m, Actor actor) {
        return members(List.of(m), actor).get(0);
    }

    private MemberView member(Member m, Actor actor, Map<Long, String> names, ResidentRef resident) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean sensitive = actor != null && permissions.seesSensitive(actor, m.areaPath());
        var f = m.facts();
        return new MemberView(m.id(), m.name(), m.gender(), IdNumber.mask(cipher.open(m.idNumberCipher())),
                PhoneNumber.mask(cipher.open(m.phoneCipher())), m.communityId(), names.get(m.communityId()), m.buildingId(),
                m.buildingId() == null ? null : names.get(m.buildingId()), m.address(), m.ownOrganization(),
                m.employment().name(), label("member.employment." + m.employment().name(), locale), m.joinedOn(),
                skills(m.skills()), new FactsView(f.address(), f.contact(), sensitive ? m.health() : null, f.thinking(),
                f.wishes()),
                sensitive && m.careCategory() != null ? m.careCategory().name() : null,
                sensitive && m.careCategory() != null ? label("member.care." + m.careCategory().name(), locale) : null,
                sensitive ? m.consentAt() : null, sensitive ? m.consentRecordedBy() : null, !sensitive, m.username(),
                resident == null ? null : new ResidentLink(resident.id(), resident.householdId(), resident.doorNumber(),
                        names.get(resident.buildingId())),
                m.version());
    }

    List<RegistrationView> registrations(Collection<Registration> list) {
        Set<Long> areaIds = new HashSet<>();
        Set<Long> unitIds = new HashSet<>();
        Set<Long> memberIds = new HashSet<>();
        for (Registration r : list) {
            areaIds.add(r.communityId());
            areaIds.add(r.gridId());
            memberIds.add(r.memberId());
            for (Long id : new Long[] {r.branchId(), r.groupId(), r.zoneId()}) {
                if (id != null) {
                    unitIds.add(id);
                }
            }
        }
        Map<Long, String> names = names(areaIds);
        Map<Long, String> units = unitIds.isEmpty() ? Map.of()
                : orgUnits.findAll(unitIds).stream().collect(Collectors.toMap(OrgUnitRef::id, OrgUnitRef::name));
        Map<Long, String> people = memberIds.isEmpty() ? Map.of()
                : members.findAllById(memberIds).stream().collect(Collectors.toMap(Member::id, Member::name));
        Locale locale = LocaleContextHolder.getLocale();
        return list.stream().map(r -> new RegistrationView(r.id(), r.memberId(), people.get(r.memberId()), r.communityId(),
                names.get(r.communityId()), r.gridId(), names.get(r.gridId()), skills(r.skills()),
                r.availability().stream().map(a -> new Label(a, label("registration.availability." + a, locale))).toList(),
                r.note(), r.state().name(), label("registration.state." + r.state().name(), locale), r.appliedAt(),
                r.decidedAt(), r.decidedBy(), r.reason(),
                r.branchId() == null ? null : new Placement(r.branchId(), units.get(r.branchId()), r.groupId(),
                        r.groupId() == null ? null : units.get(r.groupId()), r.zoneId(),
                        r.zoneId() == null ? null : units.get(r.zoneId())),
                r.leads() == null ? null : r.leads().name(),
                r.leads() == null ? null : label("member.leads." + r.leads().name(), locale),
                r.version())).toList();
    }

    List<UnitRegistrationView> unitRegistrations(Collection<UnitRegistration> list) {
        Map<Long, String> names = names(list.stream().map(UnitRegistration::communityId).collect(Collectors.toSet()));
        Locale locale = LocaleContextHolder.getLocale();
        return list.stream().map(u -> new UnitRegistrationView(u.id(), u.partnerUnitId(), u.unitName(),
                u.partyOrganization(), u.communityId(), names.get(u.communityId()), u.offer(), u.state().name(),
                label("registration.state." + u.state().name(), locale), u.appliedAt(), u.appliedBy(), u.decidedAt(),
                u.decidedBy(), u.reason(), u.version())).toList();
    }

    List<Label> skills(List<String> codes) {
        Locale locale = LocaleContextHolder.getLocale();
        return codes.stream().map(c -> new Label(c, properties.label(c, locale))).toList();
    }

    String label(String key, Locale locale) {
        return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale);
    }

    private Map<Long, String> names(Set<Long> ids) {
        return ids.isEmpty() ? Map.of()
                : areas.findAll(ids).stream().collect(Collectors.toMap(AreaRef::id, AreaRef::name));
    }
}
