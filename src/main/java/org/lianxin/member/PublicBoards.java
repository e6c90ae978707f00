package org.lianxin.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.GridRoles;
import org.lianxin.organization.OrgUnits;
import org.lianxin.organization.OrgUnits.OrgUnitRef;
import org.lianxin.resident.Households;
import org.lianxin.resident.Households.HouseholdRef;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a grid's public board (公示) and its members' responsibility cards (党员责任卡) say: the grid's branches
 * with their secretaries, each group with its leader, each responsibility zone with its leader, members and
 * households. Phones are always masked; households are named by building and door, never by resident.
 */
@Component
@Transactional(readOnly = true)
class PublicBoards {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    record Person(long memberId, long registrationId, String name, String phone, String leads, String leadsLabel) {
    }

    record HouseholdLine(long id, String compoundName, String buildingName, String doorNumber, int residentCount,
                         String tags) {
    }

    record ZoneBoard(long id, String name, Person leader, List<Person> members, int householdCount,
                     List<HouseholdLine> households) {
    }

    record GroupBoard(long id, String name, Person leader, List<Person> members, List<ZoneBoard> zones) {
    }

    record BranchBoard(long id, String name, Person secretary, List<Person> members, List<GroupBoard> groups) {
    }

    record Contact(String role, String name, String phone) {
    }

    record Board(long gridId, String gridName, long communityId, String communityName, String title, LocalDate date,
                 List<BranchBoard> branches, List<Contact> contacts, int memberCount, int householdCount) {
    }

    /** One member's card: his placement, what he leads, his zone's households, the duties, whom to call. */
    record Card(long memberId, String name, String phone, String communityName, String gridName, String branchName,
                String groupName, String zoneName, String leadsLabel, Person secretary, Person zoneLeader,
                List<HouseholdLine> households, List<String> duties, LocalDate date) {
    }

    private final RegistrationRepository registrations;
    private final MemberRepository members;
    private final Areas areas;
    private final OrgUnits orgUnits;
    private final GridRoles gridRoles;
    private final Households households;
    private final PersonalDataCipher cipher;
    private final MemberProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    PublicBoards(RegistrationRepository registrations, MemberRepository members, Areas areas, OrgUnits orgUnits,
                 GridRoles gridRoles, Households households, PersonalDataCipher cipher, MemberProperties properties,
                 MessageSource messages, Clock clock) {
        this.registrations = registrations;
        this.members = members;
        this.areas = areas;
        this.orgUnits = orgUnits;
        this.gridRoles = gridRoles;
        this.households = households;
        this.cipher = cipher;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** The community a grid lies in (the nearest COMMUNITY on its path). */
    Optional<AreaRef> communityOf(AreaRef area) {
        List<Long> ancestors = Arrays.stream(area.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        return areas.findAll(ancestors).stream().filter(a -> "COMMUNITY".equals(a.level())).findFirst();
    }

    Board board(AreaRef grid, Locale locale) {
        AreaRef community = communityOf(grid).orElse(grid);
        List<OrgUnitRef> branches = orgUnits.boundWithin(grid.path(), "GRID_BRANCH");
        List<OrgUnitRef> units = branches.stream().flatMap(b -> orgUnits.subtree(b).stream()).distinct().toList();
        List<Registration> placed = branches.isEmpty() ? List.of()
                : registrations.findByBranchIdInAndState(branches.stream().map(OrgUnitRef::id).toList(),
                RegistrationState.APPROVED);
        Map<Long, Member> people = members.findAllById(placed.stream().map(Registration::memberId).toList()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        List<Long> zoneIds = units.stream().filter(u -> "RESPONSIBILITY_ZONE".equals(u.level())).map(OrgUnitRef::id).toList();
        Map<Long, List<HouseholdLine>> byZone = households.inZones(zoneIds).stream()
                .collect(Collectors.groupingBy(HouseholdRef::zoneId, LinkedHashMap::new,
                        Collectors.mapping(h -> line(h, locale), Collectors.toList())));

        List<BranchBoard> branchBoards = new ArrayList<>();
        int householdCount = 0;
        for (OrgUnitRef branch : branches) {
            List<GroupBoard> groups = new ArrayList<>();
            for (OrgUnitRef group : childrenOf(units, branch.id(), "GRID_GROUP")) {
                List<ZoneBoard> zones = new ArrayList<>();
                for (OrgUnitRef zone : childrenOf(units, group.id(), "RESPONSIBILITY_ZONE")) {
                    List<HouseholdLine> lines = byZone.getOrDefault(zone.id(), List.of());
                    householdCount += lines.size();
                    List<Registration> inZone = placed.stream().filter(r -> Objects.equals(r.zoneId(), zone.id())).toList();
                    zones.add(new ZoneBoard(zone.id(), zone.name(), leader(inZone, Leadership.ZONE_LEADER, people, locale),
                            persons(inZone, people, locale), lines.size(), lines));
                }
                List<Registration> inGroup = placed.stream().filter(r -> Objects.equals(r.groupId(), group.id())).toList();
                groups.add(new GroupBoard(group.id(), group.name(), leader(inGroup, Leadership.GROUP_LEADER, people, locale),
                        persons(inGroup.stream().filter(r -> r.zoneId() == null).toList(), people, locale), zones));
            }
            List<Registration> inBranch = placed.stream().filter(r -> Objects.equals(r.branchId(), branch.id())).toList();
            branchBoards.add(new BranchBoard(branch.id(), branch.name(),
                    leader(inBranch, Leadership.BRANCH_SECRETARY, people, locale),
                    persons(inBranch.stream().filter(r -> r.groupId() == null).toList(), people, locale), groups));
        }
        List<Contact> contacts = gridRoles.inGrid(grid.id(), locale).stream()
                .filter(r -> "GRID_WORKER".equals(r.kind()) || "PARTY_COMMITTEE".equals(r.kind()))
                .map(r -> new Contact(r.kindLabel(), r.personName(), r.maskedPhone())).toList();
        String place = grid.name().startsWith(community.name()) ? grid.name() : community.name() + grid.name();
        return new Board(grid.id(), grid.name(), community.id(), community.name(),
                msg("board.title", locale, place), today(), branchBoards, contacts, placed.size(), householdCount);
    }

    /** The member's current placement (the latest approved registration), if any. */
    Optional<Registration> placement(long memberId) {
        return registrations.findByMemberIdAndState(memberId, RegistrationState.APPROVED).stream()
                .filter(r -> r.branchId() != null)
                .max(Comparator.comparing(Registration::decidedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    Card card(Member member, Registration placement, Locale locale) {
        Map<Long, AreaRef> places = areas.findAll(List.of(placement.communityId(), placement.gridId())).stream()
                .collect(Collectors.toMap(AreaRef::id, Function.identity()));
        Map<Long, String> unitNames = orgUnits.findAll(java.util.stream.Stream.of(placement.branchId(), placement.groupId(),
                        placement.zoneId()).filter(Objects::nonNull).toList()).stream()
                .collect(Collectors.toMap(OrgUnitRef::id, OrgUnitRef::name));
        Person secretary = holder(Leadership.BRANCH_SECRETARY, placement.branchId(), locale);
        Person zoneLeader = placement.zoneId() == null ? null : holder(Leadership.ZONE_LEADER, placement.zoneId(), locale);
        List<HouseholdLine> lines = placement.zoneId() == null ? List.of()
                : households.inZones(List.of(placement.zoneId())).stream().map(h -> line(h, locale)).toList();
        return new Card(member.id(), member.name(), PhoneNumber.mask(cipher.open(member.phoneCipher())),
                name(places.get(placement.communityId())), name(places.get(placement.gridId())),
                unitNames.get(placement.branchId()), unitNames.get(placement.groupId()), unitNames.get(placement.zoneId()),
                placement.leads() == null ? null : msg("member.leads." + placement.leads().name(), locale),
                secretary, zoneLeader, lines, properties.cardDuties(), today());
    }

    /** The approved registrations placed in a grid's branches, in set-up order of their members. */
    List<Registration> placedIn(AreaRef grid) {
        List<Long> branches = orgUnits.boundWithin(grid.path(), "GRID_BRANCH").stream().map(OrgUnitRef::id).toList();
        return branches.isEmpty() ? List.of() : registrations.findByBranchIdInAndState(branches, RegistrationState.APPROVED)
                .stream().sorted(Comparator.comparing(Registration::memberId)).toList();
    }

    private Person holder(Leadership role, Long unitId, Locale locale) {
        if (unitId == null) {
            return null;
        }
        return registrations.findByLeadKey(Registration.leadKeyOf(role, unitId))
                .filter(r -> r.state() == RegistrationState.APPROVED)
                .flatMap(r -> members.findById(r.memberId()).map(m -> person(r, m, locale))).orElse(null);
    }

    private static List<OrgUnitRef> childrenOf(List<OrgUnitRef> units, long parentId, String level) {
        return units.stream().filter(u -> level.equals(u.level()) && u.parentId() != null && u.parentId() == parentId)
                .toList();
    }

    private Person leader(List<Registration> list, Leadership role, Map<Long, Member> people, Locale locale) {
        return list.stream().filter(r -> r.leads() == role).findFirst()
                .map(r -> person(r, people.get(r.memberId()), locale)).orElse(null);
    }

    private List<Person> persons(List<Registration> list, Map<Long, Member> people, Locale locale) {
        return list.stream().filter(r -> people.containsKey(r.memberId()))
                .sorted(Comparator.comparing((Registration r) -> r.leads() == null ? 1 : 0).thenComparing(Registration::memberId))
                .map(r -> person(r, people.get(r.memberId()), locale)).toList();
    }

    private Person person(Registration r, Member m, Locale locale) {
        return new Person(m.id(), r.id(), m.name(), PhoneNumber.mask(cipher.open(m.phoneCipher())),
                r.leads() == null ? null : r.leads().name(),
                r.leads() == null ? null : msg("member.leads." + r.leads().name(), locale));
    }

    private HouseholdLine line(HouseholdRef h, Locale locale) {
        String tags = h.tagCounts().entrySet().stream()
                .map(e -> msg("resident.tag." + e.getKey(), locale) + (e.getValue() > 1 ? "×" + e.getValue() : ""))
                .collect(Collectors.joining("、"));
        return new HouseholdLine(h.id(), h.compoundName(), h.buildingName(), h.doorNumber(), h.residentCount(), tags);
    }

    private static String name(AreaRef area) {
        return area == null ? null : area.name();
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
