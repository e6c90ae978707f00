package org.lianxin.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.lianxin.shared.Ids;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PersonalDataCipher.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a district of the chosen {@link Scale} under a new top-level area: subdistricts,
 * communities, grids with polygons tiling their parents, micro-grids, compounds and buildings; the
 * five-level Party organisation; partner units paired with communities; the six grid roles (phones
 * sealed); and one account per subdistrict officer, community secretary, community staff and grid
 * worker, all with the bench password. The same seed gives the same names, shapes and numbers.
 * One transaction per subdistrict, so progress shows and memory stays flat.
 */
@Component
public class Generator {

    /** What was written. */
    public record Summary(long districtId, String districtName, int areas, int orgUnits, int partnerUnits,
                          int pairings, int gridRoles, int accounts, long millis, int households, int residents) {
    }

    public static final String PASSWORD = "Bench@2026";

    static final String[] LIWAN = {"沙面", "岭南", "华林", "多宝", "昌华", "逢源", "龙津", "金花", "彩虹", "南源", "西村",
            "站前", "桥中", "白鹤洞", "冲口", "花地", "石围塘", "茶滘", "东漖", "海龙", "东沙", "中南"};
    private static final String[] COMPOUND_WORDS = {"荔景", "花城", "榕树", "康乐", "华庭", "锦绣", "翠园", "逸景", "宝华",
            "富力", "金沙", "丽江", "星河", "和平", "如意", "福安", "聚龙", "龙溪", "凤池", "广雅"};
    private static final String[] COMPOUND_SUFFIX = {"花园", "苑", "小区", "新村", "雅居", "公寓"};
    private static final String[] UNIT_KINDS = {"ORGAN", "ENTERPRISE", "SCHOOL", "HOSPITAL", "SOCIAL_ORGANIZATION"};
    private static final String[] UNIT_WORDS = {"区卫生健康局", "供电局", "自来水公司", "第一中学", "中心小学", "人民医院",
            "中医院", "燃气公司", "邮政分局", "税务所", "律师事务所", "社工服务中心", "电信分公司", "银行支行", "图书馆"};
    private static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "刘", "林", "何", "吴", "罗", "郑", "谢", "冯",
            "邓", "麦", "叶", "苏", "区", "关", "潘"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "涛", "明", "超", "秀英", "桂芳", "志强", "建华"};
    private static final String[] NEED_CATEGORIES = {"ELDERLY_CARE", "REPAIRS", "BROADBAND_UTILITIES", "EDUCATION",
            "HEALTH", "LEGAL", "EMPLOYMENT", "OTHER"};
    private static final String[] NEED_TITLES = {"独居老人助餐", "楼道灯坏了", "宽带断网", "孩子课后辅导", "上门测血压",
            "租房合同咨询", "求职简历指导", "旧家具搬运"};
    private static final String[] OFFER_TITLES = {"长者助餐上门", "水电小修", "宽带上门检修", "四点半课堂", "义诊与健康讲座",
            "免费法律咨询", "就业指导", "志愿搬运"};
    /** Needs by state in the district, in per mille: most are closed, some at every other step. */
    private static final String[] NEED_STATES = {"SUBMITTED", "DISPATCHED", "RETURNED", "TAKEN", "FULFILLED", "CLOSED",
            "CANCELLED"};
    private static final int[] NEED_STATE_PER_MILLE = {100, 100, 30, 120, 100, 500, 50};
    private static final String[] SIX = {"PARTY_COMMITTEE", "GRID_WORKER", "OWNERS_PROPERTY", "VOLUNTEER", "SOCIAL_MEDICAL",
            "MERCHANT"};

    private static final Logger log = LoggerFactory.getLogger(Generator.class);

    private final JdbcTemplate jdbc;
    private final Ids ids;
    private final PersonalDataCipher cipher;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    /** {@code lianxin.generate.people=false}: the places, organisations and accounts only, no members, households or
     * residents (bench/import.sh imports the members itself). */
    private boolean withPeople = true;

    Generator(JdbcTemplate jdbc, Ids ids, PersonalDataCipher cipher, PasswordEncoder encoder, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.cipher = cipher;
        this.encoder = encoder;
        this.tx = tx;
    }

    @org.springframework.beans.factory.annotation.Value("${lianxin.generate.people:true}")
    void withPeople(boolean withPeople) {
        this.withPeople = withPeople;
    }

    /** A rectangle in longitude/latitude, split into parts along its longer side. */
    record Box(double west, double south, double east, double north) {

        List<Box> split(int parts) {
            List<Box> boxes = new ArrayList<>(parts);
            int columns = (int) Math.ceil(Math.sqrt(parts));
            int rows = (int) Math.ceil(parts / (double) columns);
            double w = (east - west) / columns;
            double h = (north - south) / rows;
            for (int i = 0; i < parts; i++) {
                int c = i % columns;
                int r = i / columns;
                boxes.add(new Box(west + c * w, south + r * h, west + (c + 1) * w, south + (r + 1) * h));
            }
            return boxes;
        }

        Box inset(double fraction) {
            double dx = (east - west) * fraction;
            double dy = (north - south) * fraction;
            return new Box(west + dx, south + dy, east - dx, north - dy);
        }

        String geoJson() {
            return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],"
                    + "[%.6f,%.6f],[%.6f,%.6f]]]}", west, south, east, south, east, north, west, north, west, south);
        }
    }

    private static final class Rows {
        final List<Object[]> areas = new ArrayList<>();
        final List<Object[]> orgUnits = new ArrayList<>();
        final List<Object[]> partners = new ArrayList<>();
        final List<Object[]> contacts = new ArrayList<>();
        final List<Object[]> pairings = new ArrayList<>();
        final List<Object[]> gridRoles = new ArrayList<>();
        final List<Object[]> accounts = new ArrayList<>();
        final List<Object[]> assignments = new ArrayList<>();
        final List<Object[]> members = new ArrayList<>();
        final List<Object[]> registrations = new ArrayList<>();
        final List<Object[]> households = new ArrayList<>();
        final List<Object[]> residents = new ArrayList<>();
        final List<Object[]> offers = new ArrayList<>();
        final List<Object[]> offerAreas = new ArrayList<>();
        final List<Object[]> needs = new ArrayList<>();
        People people;
    }

    /** Hands out distinct ID numbers within one run; the region digits come from the district's id. */
    private static final class People {
        final String region;
        int next;

        People(long districtId) {
            this.region = String.format(Locale.ROOT, "44%04d", (districtId / Ids.BLOCK) % 10_000);
        }

        /** Birth dates from 1940 over 29,000 days; the sequence digits count the rounds, so none repeats. */
        String idNumber(Random random) {
            int n = next++;
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 29_000);
            int sequence = (n / 29_000) * 2 + random.nextInt(2);
            String first17 = region + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format(Locale.ROOT, "%03d", sequence);
            return first17 + org.lianxin.shared.IdNumber.checkCharacter(first17);
        }
    }

    private record Node(long id, String path, String name, Box box) {
    }

    public Summary generate(Scale scale, long seed, Consumer<String> progress) {
        long started = System.currentTimeMillis();
        Random random = new Random(seed);
        String passwordHash = encoder.encode(PASSWORD);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String districtName = (scale == Scale.DISTRICT ? "荔湾区" : "中安区") + "（生成" + seed + "）";
        Box districtBox = new Box(113.20, 23.05, 113.28, 23.15);

        long districtId = ids.next("area_seq");
        Node district = new Node(districtId, "/" + districtId + "/", districtName, districtBox);
        tx.executeWithoutResult(s -> jdbc.update("insert into area (id, parent_id, level, name, code, path, boundary, version) "
                + "values (?, null, 'DISTRICT', ?, ?, ?, ?, 0)", district.id(), districtName, "GEN" + seed, district.path(),
                districtBox.geoJson()));
        int[] totals = new int[9];
        People people = new People(districtId);
        totals[0] = 1;
        List<Box> subdistrictBoxes = districtBox.split(scale.subdistricts);
        int communitiesLeft = scale.communities;
        int gridsLeft = scale.grids;
        int microLeft = scale.microGrids;
        int groupsLeft = scale.gridGroups;
        int zonesLeft = scale.responsibilityZones;
        int gridCounter = 0;
        int membersLeft = withPeople ? scale.members() : 0;
        int needsLeft = scale.needs();
        int needsWritten = 0;
        for (int s = 0; s < scale.subdistricts; s++) {
            int subsLeft = scale.subdistricts - s;
            int communities = share(communitiesLeft, subsLeft);
            int grids = share(gridsLeft, subsLeft);
            int micro = share(microLeft, subsLeft);
            int groups = share(groupsLeft, subsLeft);
            int zones = share(zonesLeft, subsLeft);
            communitiesLeft -= communities;
            gridsLeft -= grids;
            microLeft -= micro;
            groupsLeft -= groups;
            zonesLeft -= zones;
            String subName = (scale == Scale.DISTRICT ? LIWAN[s % LIWAN.length] : "中安") + "街道";
            Rows rows = new Rows();
            int gridBase = gridCounter;
            rows.people = people;
            subdistrict(rows, random, district, subName, subdistrictBoxes.get(s), communities, grids, micro, groups, zones,
                    scale, gridBase, passwordHash, now);
            gridCounter += grids;
            int members = share(membersLeft, subsLeft);
            membersLeft -= members;
            members(rows, new Random(seed * 31 + s), members, now);
            int needs = share(needsLeft, subsLeft);
            needsLeft -= needs;
            matching(rows, new Random(seed * 37 + s), needs);
            tx.executeWithoutResult(st -> write(rows));
            totals[0] += rows.areas.size();
            totals[1] += rows.orgUnits.size();
            totals[2] += rows.partners.size();
            totals[3] += rows.pairings.size();
            totals[4] += rows.gridRoles.size();
            totals[5] += rows.accounts.size();
            totals[6] += rows.households.size();
            totals[7] += rows.residents.size();
            totals[8] += rows.offers.size();
            needsWritten += rows.needs.size();
            progress.accept(String.format(Locale.ROOT, "subdistrict %d/%d %s: %d areas, %d organisations, %d accounts, "
                    + "%d households, %d residents (%d s)", s + 1, scale.subdistricts, subName, totals[0], totals[1],
                    totals[5], totals[6], totals[7], (System.currentTimeMillis() - started) / 1000));
        }
        Summary summary = new Summary(districtId, districtName, totals[0], totals[1], totals[2], totals[3], totals[4],
                totals[5], System.currentTimeMillis() - started, totals[6], totals[7]);
        log.info("Generated {}", summary);
        log.info("Generated {} offers and {} needs", totals[8], needsWritten);
        return summary;
    }

    /** An even share of what is left among the parts still to fill. */
    static int share(int left, int partsLeft) {
        return (left + partsLeft - 1) / partsLeft;
    }

    private void subdistrict(Rows rows, Random random, Node district, String name, Box box, int communities, int grids,
                             int microGrids, int groups, int zones, Scale scale, int gridBase, String passwordHash,
                             Instant now) {
        Node sub = area(rows, district, "SUBDISTRICT", name, box, true);
        long committee = orgUnit(rows, null, "/", "SUBDISTRICT_COMMITTEE", "中共" + name + "工作委员会", sub);
        account(rows, "jd" + sub.id(), name + "组织办", "SUBDISTRICT_OFFICER", sub, passwordHash, now);
        List<Box> communityBoxes = box.split(communities);
        List<Node> communityNodes = new ArrayList<>();
        int gridsLeft = grids;
        int microLeft = microGrids;
        int groupsLeft = groups;
        int zonesLeft = zones;
        for (int c = 0; c < communities; c++) {
            int left = communities - c;
            int g = share(gridsLeft, left);
            int m = share(microLeft, left);
            int gr = share(groupsLeft, left);
            int z = share(zonesLeft, left);
            gridsLeft -= g;
            microLeft -= m;
            groupsLeft -= gr;
            zonesLeft -= z;
            String communityName = name.replace("街道", "") + "第" + (c + 1) + "社区";
            Node community = area(rows, sub, "COMMUNITY", communityName, communityBoxes.get(c), true);
            communityNodes.add(community);
            String committeePath = "/" + committee + "/";
            long communityCommittee = orgUnit(rows, committee, committeePath, "COMMUNITY_COMMITTEE",
                    "中共" + communityName + "委员会", community);
            account(rows, "sq" + community.id(), communityName + "党委书记", "COMMUNITY_SECRETARY", community, passwordHash, now);
            account(rows, "sg" + community.id(), communityName + "社区工作者", "COMMUNITY_STAFF", community, passwordHash, now);
            community(rows, random, community, committeePath + communityCommittee + "/", communityCommittee, g, m, gr, z,
                    scale, passwordHash, now);
        }
        int units = Math.max(1, communities * scale.partnersPerCommunity / 2);
        for (int u = 0; u < units; u++) {
            long unitId = ids.next("partner_unit_seq");
            String unitName = name.replace("街道", "") + UNIT_WORDS[random.nextInt(UNIT_WORDS.length)] + (u + 1) + "号（"
                    + sub.id() + "）";
            rows.partners.add(new Object[] {unitId, unitName, UNIT_KINDS[random.nextInt(UNIT_KINDS.length)],
                    name + "某路" + (random.nextInt(200) + 1) + "号", "生成的共建单位", sub.id(), sub.path(), now});
            Sealed phone = cipher.seal(phone(random));
            rows.contacts.add(new Object[] {ids.next("partner_contact_seq"), unitId, person(random), "联络员",
                    phone.cipherText(), phone.blindIndex()});
            int first = random.nextInt(communityNodes.size());
            for (int p = 0; p < Math.min(2, communityNodes.size()); p++) {
                Node community = communityNodes.get((first + p) % communityNodes.size());
                rows.pairings.add(new Object[] {ids.next("partner_pairing_seq"), unitId, community.id(), community.path(),
                        LocalDate.of(2025, 1 + random.nextInt(12), 1), "结对共建"});
            }
        }
    }

    private void community(Rows rows, Random random, Node community, String committeePath, long committee, int grids,
                           int microGrids, int groups, int zones, Scale scale, String passwordHash, Instant now) {
        List<Box> gridBoxes = community.box().split(grids);
        int microLeft = microGrids;
        int groupsLeft = groups;
        int zonesLeft = zones;
        for (int g = 0; g < grids; g++) {
            int left = grids - g;
            int m = Math.max(1, share(microLeft, left));
            int gr = Math.max(1, share(groupsLeft, left));
            int z = share(zonesLeft, left);
            microLeft -= m;
            groupsLeft -= gr;
            zonesLeft -= z;
            Node grid = area(rows, community, "GRID", community.name() + "第" + (g + 1) + "网格", gridBoxes.get(g), true);
            account(rows, "wg" + grid.id(), grid.name() + "网格员", "GRID_WORKER", grid, passwordHash, now);
            for (String kind : SIX) {
                Sealed phone = cipher.seal(phone(random));
                rows.gridRoles.add(new Object[] {ids.next("grid_role_seq"), grid.id(), grid.path(), kind, person(random),
                        phone.cipherText(), phone.blindIndex(), now});
            }
            List<Node> buildings = new ArrayList<>();
            List<Box> microBoxes = gridBoxes.get(g).split(m);
            for (int i = 0; i < m; i++) {
                Node micro = area(rows, grid, "MICRO_GRID", "第" + (g + 1) + "网格微网格" + (i + 1), microBoxes.get(i), true);
                String compoundName = COMPOUND_WORDS[random.nextInt(COMPOUND_WORDS.length)]
                        + COMPOUND_SUFFIX[random.nextInt(COMPOUND_SUFFIX.length)] + (i + 1) + "期";
                Node compound = area(rows, micro, "COMPOUND", compoundName, microBoxes.get(i).inset(0.15), true);
                for (int b = 1; b <= scale.buildingsPerCompound; b++) {
                    Node building = area(rows, compound, "BUILDING", b + "座", null, false);
                    buildings.add(building);
                    households(rows, random, building, b, withPeople ? scale.householdsPerBuilding : 0, now);
                }
            }
            long branch = orgUnit(rows, committee, committeePath, "GRID_BRANCH", grid.name() + "党支部", grid);
            String branchPath = committeePath + branch + "/";
            int zonesPerGroup = (z + gr - 1) / gr;
            int zoneCount = 0;
            for (int k = 0; k < gr; k++) {
                long group = orgUnit(rows, branch, branchPath, "GRID_GROUP", grid.name() + "第" + (k + 1) + "党小组", grid);
                for (int q = 0; q < zonesPerGroup && zoneCount < z; q++, zoneCount++) {
                    Node building = buildings.get(zoneCount % buildings.size());
                    orgUnit(rows, group, branchPath + group + "/", "RESPONSIBILITY_ZONE",
                            grid.name() + "责任区" + (zoneCount + 1), building);
                }
            }
        }
    }

    private static final String[] RELATIONS = {"HOUSEHOLDER", "SPOUSE", "CHILD", "PARENT"};

    /** Households of a building with 1–4 residents each (2.8 on average); ID and phone numbers sealed. */
    private void households(Rows rows, Random random, Node building, int number, int count, Instant now) {
        for (int h = 0; h < count; h++) {
            long householdId = ids.next("household_seq");
            String door = number + "座" + (h / 4 + 1) + String.format(Locale.ROOT, "%02d", h % 4 + 1);
            rows.households.add(new Object[] {householdId, building.id(), door, building.path(), now});
            int roll = random.nextInt(10);
            int size = roll == 0 ? 1 : roll < 4 ? 2 : roll < 7 ? 3 : 4;
            boolean rental = random.nextInt(10) == 0;
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            for (int r = 0; r < size; r++) {
                String idNumber = rows.people.idNumber(random);
                org.lianxin.shared.IdNumber parsed = new org.lianxin.shared.IdNumber(idNumber);
                Sealed sealedId = cipher.seal(idNumber);
                int year = parsed.birthDate().getYear();
                boolean minor = year > 2008;
                Sealed phone = minor ? new Sealed(null, null) : cipher.seal(phone(random));
                StringBuilder tags = new StringBuilder(",");
                if (year < 1966) {
                    tags.append("ELDERLY,");
                    if (size == 1) {
                        tags.append("LIVING_ALONE,");
                    }
                }
                if (minor) {
                    tags.append("MINOR,");
                }
                if (rental) {
                    tags.append("RENTAL,");
                }
                String family = r == 0 || r == 2 ? surname : SURNAMES[random.nextInt(SURNAMES.length)];
                rows.residents.add(new Object[] {ids.next("resident_seq"), householdId,
                        family + GIVEN[random.nextInt(GIVEN.length)],
                        sealedId.cipherText(), sealedId.blindIndex(), phone.cipherText(), phone.blindIndex(),
                        parsed.gender(), java.sql.Date.valueOf(parsed.birthDate()),
                        rental ? "TENANT" : RELATIONS[Math.min(r, RELATIONS.length - 1)], tags.toString(), building.path(),
                        now});
            }
        }
    }

    private Node area(Rows rows, Node parent, String level, String name, Box box, boolean withBoundary) {
        long id = ids.next("area_seq");
        String path = parent.path() + id + "/";
        rows.areas.add(new Object[] {id, parent.id(), level, name, path, withBoundary ? box.geoJson() : null});
        return new Node(id, path, name, box);
    }

    private long orgUnit(Rows rows, Long parentId, String parentPath, String level, String name, Node area) {
        long id = ids.next("org_unit_seq");
        rows.orgUnits.add(new Object[] {id, parentId, level, name, parentPath + id + "/", area.id(), area.path()});
        return id;
    }

    private void account(Rows rows, String username, String displayName, String role, Node area, String passwordHash,
                         Instant now) {
        long id = ids.next("account_seq");
        rows.accounts.add(new Object[] {id, username, displayName, passwordHash, now});
        rows.assignments.add(new Object[] {ids.next("role_assignment_seq"), id, role, area.id(), now});
    }

    private static String phone(Random random) {
        return String.format(Locale.ROOT, "199%08d", random.nextInt(100_000_000));
    }

    private static String person(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private void write(Rows rows) {
        jdbc.batchUpdate("insert into area (id, parent_id, level, name, code, path, boundary, version) "
                + "values (?, ?, ?, ?, null, ?, ?, 0)", rows.areas);
        jdbc.batchUpdate("insert into org_unit (id, parent_id, level, name, path, area_id, area_path, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, 0)", rows.orgUnits);
        jdbc.batchUpdate("insert into partner_unit (id, name, kind, address, description, area_id, area_path, created_at, "
                + "version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)", timestamps(rows.partners, 7));
        jdbc.batchUpdate("insert into partner_contact (id, partner_unit_id, name, position, phone_cipher, phone_index, "
                + "account_id, username) values (?, ?, ?, ?, ?, ?, null, null)", rows.contacts);
        jdbc.batchUpdate("insert into partner_pairing (id, partner_unit_id, community_id, community_path, since, until, "
                + "note, active) values (?, ?, ?, ?, ?, null, ?, true)", dates(rows.pairings, 4));
        jdbc.batchUpdate("insert into grid_role (id, grid_id, area_path, kind, person_name, phone_cipher, phone_index, "
                + "note, created_at) values (?, ?, ?, ?, ?, ?, ?, null, ?)", timestamps(rows.gridRoles, 7));
        jdbc.batchUpdate("insert into account (id, username, display_name, password_hash, enabled, demo, created_at, "
                + "password_changed_at, last_login_at, version) values (?, ?, ?, ?, true, true, ?, ?, null, 0)",
                rows.accounts.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], ts(r[4]), ts(r[4])}).toList());
        jdbc.batchUpdate("insert into role_assignment (id, account_id, role, area_id, assigned_at) values (?, ?, ?, ?, ?)",
                timestamps(rows.assignments, 4));
        jdbc.batchUpdate("insert into member (id, name, gender, id_number_cipher, id_number_index, phone_cipher, phone_index, "
                + "community_id, building_id, area_path, address, own_organization, employment, joined_on, skills, "
                + "created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                timestamps(dates(rows.members, 13), 15));
        jdbc.batchUpdate("insert into registration (id, member_id, community_id, community_path, grid_id, skills, "
                + "availability, state, active_key, applied_at, decided_at, decided_by, branch_id, group_id, zone_id, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", timestamps(timestamps(rows.registrations, 9), 10));
        jdbc.batchUpdate("insert into offer (id, owner_kind, unit_id, owner_name, title, description, category, "
                + "capacity_per_month, contact_name, contact_phone, valid_from, valid_until, withdrawn, created_at, version) "
                + "values (?, 'UNIT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, 0)", timestamps(dates(dates(rows.offers, 9), 10), 11));
        jdbc.batchUpdate("insert into offer_area (offer_id, area_id, area_name, path) values (?, ?, ?, ?)", rows.offerAreas);
        jdbc.batchUpdate("insert into need (id, title, description, category, urgency, area_path, identity_visibility, "
                + "source, state, submitted_by, submitted_on_behalf, submitted_at, pool, dispatch_units, dispatched_by, "
                + "dispatched_at, offer_id, taker_unit_id, taker_name, taken_at, fulfil_note, fulfilled_at, confirmed_by, "
                + "confirmed_on_behalf, confirmed_at, rating, version) "
                + "values (?, ?, ?, ?, ?, ?, 'STAFF', 'STAFF', ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                timestamps(timestamps(timestamps(timestamps(timestamps(rows.needs, 8), 12), 16), 18), 21));
        jdbc.batchUpdate("insert into household (id, building_id, door_number, area_path, created_at, version) "
                + "values (?, ?, ?, ?, ?, 0)", timestamps(rows.households, 4));
        jdbc.batchUpdate("insert into resident (id, household_id, name, id_number_cipher, id_number_index, phone_cipher, "
                + "phone_index, gender, birth_date, relation, tags, area_path, account_id, created_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, 0)", timestamps(rows.residents, 12));
    }

    private static final String[] SKILLS = {"LAW", "MEDICAL", "EDUCATION", "PLUMBING", "NETWORK", "COUNSELLING", "ARTS",
            "PHOTOGRAPHY", "DRIVING", "LANGUAGES", "ACCOUNTING", "CONSTRUCTION"};
    private static final String[] EMPLOYMENT = {"IN_SERVICE", "IN_SERVICE", "IN_SERVICE", "IN_SERVICE", "RETIRED", "RETIRED",
            "FLEXIBLE", "STUDENT", "UNEMPLOYED", "OTHER"};
    private static final String[] AVAILABILITY = {"WEEKENDS", "WEEKDAY_EVENINGS", "ANY_TIME", "HOLIDAYS", "WEEKDAY_DAYTIME"};

    /**
     * The subdistrict's matching (三单): one offer per partner unit (the category of its kind of work, 5–30 a month,
     * serving the communities it is paired with, valid through 2026), and {@code count} needs spread evenly over its
     * communities' buildings, submitted in 2026, in every state (see {@link #NEED_STATE_PER_MILLE}); dispatched ones to
     * the community's open pool, taken ones by a unit paired with the community through its offer.
     */
    private void matching(Rows rows, Random random, int count) {
        Instant year = Instant.parse("2026-01-01T00:00:00Z");
        Map<Object, Object[]> areaById = new HashMap<>();
        rows.areas.forEach(a -> areaById.put(a[0], a));
        Map<Object, List<Object[]>> unitsByCommunity = new HashMap<>();
        Map<Object, Long> offerOfUnit = new HashMap<>();
        Map<Object, Object[]> unitById = new HashMap<>();
        rows.partners.forEach(u -> unitById.put(u[0], u));
        for (Object[] pairing : rows.pairings) {
            unitsByCommunity.computeIfAbsent(pairing[2], k -> new ArrayList<>()).add(unitById.get(pairing[1]));
        }
        for (Object[] unit : rows.partners) {
            long offerId = ids.next("offer_seq");
            int kind = random.nextInt(NEED_CATEGORIES.length);
            offerOfUnit.put(unit[0], offerId);
            rows.offers.add(new Object[] {offerId, unit[0], unit[1], OFFER_TITLES[kind], "生成的资源：" + OFFER_TITLES[kind],
                    NEED_CATEGORIES[kind], 5 + random.nextInt(26), person(random), phone(random),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), year});
            for (Object[] pairing : rows.pairings) {
                if (pairing[1].equals(unit[0])) {
                    Object[] community = areaById.get(pairing[2]);
                    rows.offerAreas.add(new Object[] {offerId, community[0], community[3], community[4]});
                }
            }
        }
        List<Object[]> communities = rows.areas.stream().filter(a -> "COMMUNITY".equals(a[2])).toList();
        Map<String, List<Object[]>> buildings = new HashMap<>();
        for (Object[] a : rows.areas) {
            if ("BUILDING".equals(a[2])) {
                String[] parts = ((String) a[4]).split("/");
                buildings.computeIfAbsent("/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/", k -> new ArrayList<>()).add(a);
            }
        }
        for (int i = 0; i < count; i++) {
            Object[] community = communities.get(i % communities.size());
            List<Object[]> inCommunity = buildings.getOrDefault((String) community[4], List.of());
            String path = inCommunity.isEmpty() ? (String) community[4]
                    : (String) inCommunity.get(random.nextInt(inCommunity.size()))[4];
            int kind = random.nextInt(NEED_CATEGORIES.length);
            int roll = random.nextInt(1000);
            int st = 0;
            for (int acc = NEED_STATE_PER_MILLE[0]; roll >= acc; acc += NEED_STATE_PER_MILLE[++st]) {
                // find the state whose share the roll falls in
            }
            String state = NEED_STATES[st];
            Instant submitted = year.plusSeconds(random.nextInt(300 * 24 * 3600));
            boolean dispatched = !state.equals("SUBMITTED") && !state.equals("CANCELLED");
            boolean taken = state.equals("TAKEN") || state.equals("FULFILLED") || state.equals("CLOSED");
            boolean fulfilled = state.equals("FULFILLED") || state.equals("CLOSED");
            Instant dispatchedAt = dispatched ? submitted.plusSeconds(600 + random.nextInt(24 * 3600)) : null;
            Instant takenAt = taken ? dispatchedAt.plusSeconds(300 + random.nextInt(36 * 3600)) : null;
            Instant fulfilledAt = fulfilled ? takenAt.plusSeconds(3600 + random.nextInt(5 * 24 * 3600)) : null;
            Instant confirmedAt = state.equals("CLOSED") ? fulfilledAt.plusSeconds(3600 + random.nextInt(48 * 3600)) : null;
            List<Object[]> paired = unitsByCommunity.getOrDefault(community[0], List.of());
            Object[] taker = taken && !paired.isEmpty() ? paired.get(random.nextInt(paired.size())) : null;
            rows.needs.add(new Object[] {ids.next("need_seq"), NEED_TITLES[kind], "生成的需求：" + NEED_TITLES[kind],
                    NEED_CATEGORIES[kind], random.nextInt(10) == 0 ? "URGENT" : "NORMAL", path, state,
                    community[3] + "工作者", submitted, dispatched, null,
                    dispatched ? community[3] + "工作者" : null, dispatchedAt,
                    taker == null ? null : offerOfUnit.get(taker[0]), taker == null ? null : taker[0],
                    taker == null ? (taken ? "志愿者" : null) : taker[1], takenAt, fulfilled ? "已上门办好" : null,
                    fulfilledAt, confirmedAt == null ? null : "社区工作者", confirmedAt == null ? null : true, confirmedAt,
                    confirmedAt == null ? null : 3 + random.nextInt(3)});
        }
    }

    /**
     * Party members of the subdistrict just built, spread over its communities and their grids' buildings;
     * most (85 %) registered with their community and placed in their grid's branch, one of its groups
     * and often a zone of that group; some (5 %) pending. ID numbers are of valid form and unique through
     * the member's id (region 45…, so they never meet the demo's or the tests' 440607…); sealed like phones.
     */
    private void members(Rows rows, Random random, int count, Instant now) {
        List<Object[]> communities = rows.areas.stream().filter(a -> "COMMUNITY".equals(a[2])).toList();
        if (communities.isEmpty() || count == 0) {
            return;
        }
        java.util.Map<Object, List<Object[]>> children = new java.util.HashMap<>();
        rows.areas.forEach(a -> children.computeIfAbsent(a[1], k -> new ArrayList<>()).add(a));
        java.util.Map<Object, List<Object[]>> units = new java.util.HashMap<>();
        rows.orgUnits.forEach(o -> units.computeIfAbsent(o[1], k -> new ArrayList<>()).add(o));
        List<Object[]> buildings = rows.areas.stream().filter(a -> "BUILDING".equals(a[2])).toList();
        int left = count;
        for (int c = 0; c < communities.size(); c++) {
            Object[] community = communities.get(c);
            int n = share(left, communities.size() - c);
            left -= n;
            List<Object[]> grids = children.getOrDefault(community[0], List.of()).stream()
                    .filter(a -> "GRID".equals(a[2])).toList();
            if (grids.isEmpty()) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                Object[] grid = grids.get(i % grids.size());
                String gridPath = (String) grid[4];
                List<Object[]> inGrid = buildings.stream().filter(b -> ((String) b[4]).startsWith(gridPath)).toList();
                Object[] building = inGrid.isEmpty() ? null : inGrid.get(random.nextInt(inGrid.size()));
                long id = ids.next("member_seq");
                String first17 = String.format(Locale.ROOT, "45%04d%04d%02d%02d%03d", (id / 1000) % 10_000,
                        1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28), id % 1000);
                String idNumber = first17 + org.lianxin.shared.IdNumber.checkCharacter(first17);
                Sealed sealedId = cipher.seal(idNumber);
                Sealed sealedPhone = cipher.seal(phone(random));
                String skills = "," + SKILLS[random.nextInt(SKILLS.length)] + ","
                        + (random.nextBoolean() ? SKILLS[random.nextInt(SKILLS.length)] + "," : "");
                rows.members.add(new Object[] {id, person(random), (id % 1000) % 2 == 1 ? "M" : "F", sealedId.cipherText(),
                        sealedId.blindIndex(), sealedPhone.cipherText(), sealedPhone.blindIndex(), community[0],
                        building == null ? null : building[0], building == null ? community[4] : building[4],
                        building == null ? null : grid[3] + " " + building[3], "生成的党组织",
                        EMPLOYMENT[random.nextInt(EMPLOYMENT.length)], LocalDate.of(1975 + random.nextInt(50), 7, 1), skills,
                        now});
                int roll = random.nextInt(100);
                if (roll >= 90) {
                    continue;
                }
                boolean pending = roll >= 85;
                Object[] branch = units.values().stream().flatMap(List::stream)
                        .filter(o -> "GRID_BRANCH".equals(o[2]) && grid[0].equals(o[5])).findFirst().orElse(null);
                if (branch == null) {
                    continue;
                }
                List<Object[]> groups = units.getOrDefault(branch[0], List.of());
                Object[] group = groups.isEmpty() || pending ? null : groups.get(random.nextInt(groups.size()));
                List<Object[]> zones = group == null ? List.of() : units.getOrDefault(group[0], List.of());
                Object[] zone = zones.isEmpty() || random.nextInt(10) < 3 ? null : zones.get(random.nextInt(zones.size()));
                Instant applied = now.plusSeconds(random.nextInt(86_400 * 60));
                rows.registrations.add(new Object[] {ids.next("registration_seq"), id, community[0], community[4], grid[0],
                        skills, AVAILABILITY[random.nextInt(AVAILABILITY.length)], pending ? "PENDING" : "APPROVED",
                        id + ":" + community[0], applied, pending ? null : applied.plusSeconds(86_400L * 3),
                        pending ? null : "生成的审核人", pending ? null : branch[0], group == null ? null : group[0],
                        zone == null ? null : zone[0]});
            }
        }
    }

    private static List<Object[]> timestamps(List<Object[]> rows, int column) {
        rows.forEach(r -> r[column] = ts(r[column]));
        return rows;
    }

    private static List<Object[]> dates(List<Object[]> rows, int column) {
        rows.forEach(r -> r[column] = java.sql.Date.valueOf((LocalDate) r[column]));
        return rows;
    }

    private static Object ts(Object instant) {
        return instant instanceof Instant i ? java.sql.Timestamp.from(i) : instant;
    }
}
