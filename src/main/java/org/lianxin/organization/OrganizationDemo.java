package org.lianxin.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Ids;
import org.lianxin.shared.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo subdistrict, loaded on the first start of the embedded default: 三水区 西南街道 with
 * 北江社区 and 沙头社区 (places from the seeds), their grids with polygons, micro-grids, compounds and
 * buildings; the five-level Party organisation bound to them; partner units paired with the
 * communities; and the six grid roles of 北江社区第三网格. People and phone numbers are invented.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class OrganizationDemo {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDemo.class);

    /** Places and Party organisations: before the demo accounts, which are given roles at these places. */
    @Bean
    @Order(10)
    ApplicationRunner demoPlaces(AreaRepository areas, OrgUnitRepository units, AreaLevels areaLevels,
                                 OrgUnitLevels unitLevels, Ids ids, TransactionTemplate tx) {
        return (ApplicationArguments args) -> tx.executeWithoutResult(status -> {
            if (areas.count() > 0) {
                return;
            }
            Places places = new Places(areas, areaLevels, ids);
            Area district = places.root("DISTRICT", "三水区", "440607", box(112.78, 23.10, 112.98, 23.25));
            Area subdistrict = places.child(district, "SUBDISTRICT", "西南街道", "440607001", box(112.86, 23.14, 112.94, 23.19));
            Area beijiang = places.child(subdistrict, "COMMUNITY", "北江社区", "BJ", box(112.880, 23.150, 112.900, 23.170));
            Area shatou = places.child(subdistrict, "COMMUNITY", "沙头社区", "ST", box(112.900, 23.150, 112.920, 23.170));

            String[] beijiangGrids = {"北江社区第一网格", "北江社区第二网格", "北江社区第三网格"};
            String[][] compounds = {{"时代城小区", "时代城二期小区"}, {"北江明珠小区"}, {"颐澳湾小区"}};
            Area[] grids = new Area[3];
            for (int g = 0; g < 3; g++) {
                double west = 112.880 + g * 0.020 / 3;
                double east = west + 0.020 / 3;
                grids[g] = places.child(beijiang, "GRID", beijiangGrids[g], "BJ-G" + (g + 1), box(west, 23.150, east, 23.170));
                for (int m = 0; m < 2; m++) {
                    double south = 23.150 + m * 0.010;
                    Area micro = places.child(grids[g], "MICRO_GRID", "第" + (g + 1) + "网格微网格" + (m + 1),
                            "BJ-G" + (g + 1) + "-M" + (m + 1), box(west, south, east, south + 0.010));
                    if (m < compounds[g].length) {
                        Area compound = places.child(micro, "COMPOUND", compounds[g][m], null,
                                box(west + 0.001, south + 0.002, east - 0.001, south + 0.008));
                        for (int b = 1; b <= 6; b++) {
                            places.child(compound, "BUILDING", b + "座", null, null);
                        }
                    }
                }
            }
            for (int g = 0; g < 2; g++) {
                double south = 23.150 + g * 0.010;
                Area grid = places.child(shatou, "GRID", "沙头社区第" + (g == 0 ? "一" : "二") + "网格", "ST-G" + (g + 1),
                        box(112.900, south, 112.920, south + 0.010));
                places.child(grid, "MICRO_GRID", "沙头第" + (g + 1) + "网格微网格1", "ST-G" + (g + 1) + "-M1",
                        box(112.900, south, 112.910, south + 0.010));
            }

            OrgUnit committee = units.save(OrgUnit.root(ids.next("org_unit_seq"), "SUBDISTRICT_COMMITTEE",
                    "中共西南街道工作委员会", subdistrict, unitLevels));
            OrgUnit beijiangCommittee = units.save(committee.child(ids.next("org_unit_seq"), "COMMUNITY_COMMITTEE",
                    "中共北江社区委员会", beijiang, unitLevels));
            units.save(committee.child(ids.next("org_unit_seq"), "COMMUNITY_COMMITTEE", "中共沙头社区委员会", shatou,
                    unitLevels));
            for (int g = 0; g < 3; g++) {
                OrgUnit branch = units.save(beijiangCommittee.child(ids.next("org_unit_seq"), "GRID_BRANCH",
                        beijiangGrids[g] + "党支部", grids[g], unitLevels));
                OrgUnit group = units.save(branch.child(ids.next("org_unit_seq"), "GRID_GROUP",
                        beijiangGrids[g] + "第一党小组", grids[g], unitLevels));
                Area firstMicro = areas.findByParentId(grids[g].id(),
                        org.springframework.data.domain.PageRequest.of(0, 1, org.springframework.data.domain.Sort.by("name")))
                        .getContent().get(0);
                units.save(group.child(ids.next("org_unit_seq"), "RESPONSIBILITY_ZONE",
                        firstMicro.name() + "党员责任区", firstMicro, unitLevels));
            }
            log.info("Loaded the demo places: {} areas, {} Party organisations", areas.count(), units.count());
        });
    }

    /** Partner units and grid roles: after the demo accounts, so that a unit's contact can be linked to a login. */
    @Bean
    @Order(30)
    ApplicationRunner demoPartners(AreaRepository areas, PartnerUnitRepository partners, GridRoleRepository gridRoles,
                                   PersonalDataCipher cipher, AccountDirectory accounts, Ids ids, Clock clock,
                                   TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            if (partners.count() > 0) {
                return;
            }
            Area subdistrict = areas.findFirstByNameAndLevel("西南街道", "SUBDISTRICT").orElse(null);
            Area beijiang = areas.findFirstByNameAndLevel("北江社区", "COMMUNITY").orElse(null);
            Area shatou = areas.findFirstByNameAndLevel("沙头社区", "COMMUNITY").orElse(null);
            Area grid3 = areas.findFirstByNameAndLevel("北江社区第三网格", "GRID").orElse(null);
            if (subdistrict == null || beijiang == null || shatou == null || grid3 == null) {
                return;
            }
            LocalDate since = LocalDate.of(2026, 3, 1);
            PartnerUnit telecom = new PartnerUnit(ids.next("partner_unit_seq"), "中国电信佛山三水分公司",
                    PartnerUnit.Kind.ENTERPRISE, "三水区西南街道广海大道", "宽带、固话与手机维修；每月10次上门检修", subdistrict,
                    clock.instant());
            telecom.addContact(ids.next("partner_contact_seq"), "黄涛", "客户经理", cipher.seal("13800138001"),
                    accounts.idOf("telecom").orElse(null), accounts.idOf("telecom").isPresent() ? "telecom" : null);
            telecom.pair(ids.next("partner_pairing_seq"), beijiang, since, "宽带与通信服务进小区");
            partners.save(telecom);

            PartnerUnit gas = new PartnerUnit(ids.next("partner_unit_seq"), "三水燃气公司", PartnerUnit.Kind.ENTERPRISE,
                    "三水区西南街道", "管道天然气安装与安全检查", subdistrict, clock.instant());
            gas.addContact(ids.next("partner_contact_seq"), "冯嘉", "党支部书记", cipher.seal("13800138002"), null, null);
            gas.pair(ids.next("partner_pairing_seq"), beijiang, since, "燃气安全宣传");
            gas.pair(ids.next("partner_pairing_seq"), shatou, since, "管道天然气进生活区");
            partners.save(gas);

            PartnerUnit school = new PartnerUnit(ids.next("partner_unit_seq"), "西南街道中心小学", PartnerUnit.Kind.SCHOOL,
                    "三水区西南街道", "课后托管、护学岗", shatou, clock.instant());
            school.addContact(ids.next("partner_contact_seq"), "邓老师", "德育主任", cipher.seal("13800138003"), null, null);
            school.pair(ids.next("partner_pairing_seq"), shatou, since, "护学岗与四点半课堂");
            partners.save(school);

            PartnerUnit hospital = new PartnerUnit(ids.next("partner_unit_seq"), "三水区人民医院", PartnerUnit.Kind.HOSPITAL,
                    "三水区西南街道", "义诊、健康讲座、家庭医生签约", subdistrict, clock.instant());
            hospital.addContact(ids.next("partner_contact_seq"), "叶医生", "党委委员", cipher.seal("0757-87700000"), null, null);
            hospital.pair(ids.next("partner_pairing_seq"), beijiang, since, "每月一次社区义诊");
            partners.save(hospital);

            Object[][] six = {
                    {GridRole.Kind.PARTY_COMMITTEE, "梅丽华", "13900139001", "社区党委书记，联系本网格"},
                    {GridRole.Kind.GRID_WORKER, "吴海", "13900139002", "专职网格员"},
                    {GridRole.Kind.OWNERS_PROPERTY, "颐澳湾物业 陈经理", "13900139003", "物业服务中心"},
                    {GridRole.Kind.VOLUNTEER, "刘明", "13900139004", "党群志愿服务队"},
                    {GridRole.Kind.SOCIAL_MEDICAL, "何社工", "13900139005", "社工站"},
                    {GridRole.Kind.MERCHANT, "江记便利店 江老板", "13900139006", "商户联盟"},
            };
            for (Object[] row : six) {
                gridRoles.save(new GridRole(ids.next("grid_role_seq"), grid3, (GridRole.Kind) row[0], (String) row[1],
                        cipher.seal((String) row[2]), (String) row[3], clock.instant()));
            }
            log.info("Loaded the demo partner units and grid roles");
        });
    }

    private static String box(double west, double south, double east, double north) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],"
                + "[%.4f,%.4f],[%.4f,%.4f]]]}", west, south, east, south, east, north, west, north, west, south);
    }

    /** Builds the tree through the same domain rules as the API. */
    private record Places(AreaRepository areas, AreaLevels levels, Ids ids) {

        Area root(String level, String name, String code, String boundary) {
            return areas.save(Area.root(ids.next("area_seq"), level, name, code, boundary, levels));
        }

        Area child(Area parent, String level, String name, String code, String boundary) {
            return areas.save(parent.child(ids.next("area_seq"), level, name, code, boundary, levels));
        }
    }
}
