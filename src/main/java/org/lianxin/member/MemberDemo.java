package org.lianxin.member;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.OrgUnits;
import org.lianxin.organization.OrgUnits.OrgUnitRef;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.Ids;
import org.lianxin.shared.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo members of 北江社区 (invented names, ID numbers of valid form with a computed check
 * character, invented phones), linked to the demo accounts {@code member} (刘明) and {@code louzhang}
 * (林志强); their registrations (approved and placed, 刘明 among them so that his phone shows a responsibility
 * card; leaders of branches, a group and zones for the public board; one pending, one rejected) and one unit
 * registration. Loaded after the places, accounts and partner units, only where those exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class MemberDemo {

    private static final Logger log = LoggerFactory.getLogger(MemberDemo.class);

    /** name, birth date, sequence, phone, employment, skills, compound (or null), building no, own organisation, username. */
    static final Object[][] MEMBERS = {
            {"刘明", "19880312", "031", "13700001001", Employment.IN_SERVICE, List.of("NETWORK", "LAW"), "颐澳湾小区", 2,
                    "中国电信佛山三水分公司党委", "member"},
            {"林志强", "19750608", "017", "13700001002", Employment.IN_SERVICE, List.of("PLUMBING", "DRIVING"), "时代城小区", 1,
                    "中国电信佛山三水分公司党委", "louzhang"},
            {"何秀英", "19460921", "022", "13700001003", Employment.RETIRED, List.of("ARTS"), "时代城小区", 3,
                    "北江社区退休党员支部", null},
            {"陈国栋", "19650415", "013", "13700001004", Employment.RETIRED, List.of("CONSTRUCTION", "PLUMBING"), "时代城二期小区", 1,
                    "北江社区退休党员支部", null},
            {"黄丽娟", "19900102", "046", "13700001005", Employment.IN_SERVICE, List.of("MEDICAL", "COUNSELLING"), "颐澳湾小区", 1,
                    "三水区人民医院党委", null},
            {"梁志华", "19821130", "035", "13700001006", Employment.IN_SERVICE, List.of("EDUCATION"), "颐澳湾小区", 3,
                    "西南街道中心小学党支部", null},
            {"张伟", "19930718", "051", "13700001007", Employment.FLEXIBLE, List.of("PHOTOGRAPHY", "NETWORK"), "北江明珠小区", 2,
                    null, null},
            {"罗晓燕", "19790225", "064", "13700001008", Employment.IN_SERVICE, List.of("ACCOUNTING"), "北江明珠小区", 4,
                    "三水燃气公司党支部", null},
            {"郑家豪", "20030509", "079", "13700001009", Employment.STUDENT, List.of("LANGUAGES", "ARTS"), "时代城小区", 5,
                    "佛山大学学生党支部", null},
            {"谢婉婷", "19870814", "082", "13700001010", Employment.IN_SERVICE, List.of("LAW"), null, 0,
                    "三水区司法局机关党支部", null},
            {"冯建华", "19400103", "097", "13700001011", Employment.RETIRED, List.of(), "时代城二期小区", 2,
                    "北江社区退休党员支部", null},
            {"邓嘉欣", "19950920", "104", "13700001012", Employment.UNEMPLOYED, List.of("DRIVING"), null, 0, null, null},
    };

    @Bean
    @Order(40)
    ApplicationRunner demoMembers(MemberRepository members, RegistrationRepository registrations,
                                  UnitRegistrationRepository unitRegistrations, Areas areas, OrgUnits orgUnits,
                                  PartnerUnits partnerUnits, AccountDirectory accounts, PersonalDataCipher cipher, Ids ids,
                                  Clock clock, TransactionTemplate tx, MemberNotices notices) {
        return args -> tx.executeWithoutResult(status -> {
            Optional<AreaRef> beijiang = areas.findByName("北江社区", "COMMUNITY");
            if (members.count() > 0 || beijiang.isEmpty()) {
                return;
            }
            AreaRef community = beijiang.get();
            Instant now = clock.instant();
            Map<String, Member> byName = new java.util.HashMap<>();
            for (Object[] row : MEMBERS) {
                String first17 = "440607" + row[1] + row[2];
                IdNumber idNumber = new IdNumber(first17 + IdNumber.checkCharacter(first17));
                Member m = new Member(ids.next("member_seq"), (String) row[0], idNumber.gender(), cipher.seal(idNumber.value()), now);
                m.changePhone(cipher.seal((String) row[3]));
                AreaRef building = null;
                if (row[6] != null) {
                    AreaRef compound = areas.findByName((String) row[6], "COMPOUND").orElse(null);
                    if (compound != null) {
                        building = areas.children(compound.id(), "BUILDING").stream()
                                .filter(b -> b.name().equals(row[7] + "座")).findFirst().orElse(null);
                    }
                }
                String address = building == null ? "北江社区" : row[6] + " " + row[7] + "座";
                m.liveIn(community, building, address);
                @SuppressWarnings("unchecked")
                List<String> skills = (List<String>) row[5];
                m.work((String) row[8], (Employment) row[4], LocalDate.parse(row[1].toString().substring(0, 4)
                        .compareTo("1990") < 0 ? "2005-07-01" : "2015-07-01"), skills);
                m.facts(new Member.Facts(address, "电话联系，微信同号", "关心社区建设，愿意参与志愿服务", "希望多组织党员活动"));
                if (row[9] != null) {
                    String username = (String) row[9];
                    accounts.idOf(username).ifPresent(id -> m.linkAccount(id, username));
                }
                byName.put(m.name(), m);
            }
            Member he = byName.get("何秀英");
            he.recordConsent(now, "梅丽华（北江社区党委书记）");
            he.sensitive("高血压，行动较慢，需定期探访", CareCategory.FRAIL_ELDERLY);
            Member feng = byName.get("冯建华");
            feng.recordConsent(now, "梅丽华（北江社区党委书记）");
            feng.sensitive("中风后卧床，家属照护", CareCategory.IMMOBILE);
            members.saveAll(byName.values());

            AreaRef[] grids = {
                    areas.findByName("北江社区第一网格", "GRID").orElse(null),
                    areas.findByName("北江社区第二网格", "GRID").orElse(null),
                    areas.findByName("北江社区第三网格", "GRID").orElse(null)};
            OrgUnitRef branch1 = orgUnits.findByName("北江社区第一网格党支部").orElse(null);
            OrgUnitRef group1 = orgUnits.findByName("北江社区第一网格第一党小组").orElse(null);
            OrgUnitRef branch3 = orgUnits.findByName("北江社区第三网格党支部").orElse(null);
            OrgUnitRef group3 = orgUnits.findByName("北江社区第三网格第一党小组").orElse(null);
            OrgUnitRef zone3 = orgUnits.findByName("第3网格微网格1党员责任区").orElse(null);
            OrgUnitRef zone1 = orgUnits.findByName("第1网格微网格1党员责任区").orElse(null);
            if (grids[0] == null || grids[1] == null || grids[2] == null || branch1 == null || branch3 == null) {
                return;
            }
            String secretary = "梅丽华（北江社区党委书记）";
            Instant applied = now.minusSeconds(86_400L * 20);
            // name, grid, branch, group, zone, what he leads (printed on the public board and the cards)
            Object[][] approved = {
                    {"林志强", grids[0], branch1, group1, zone1, Leadership.ZONE_LEADER},
                    {"陈国栋", grids[0], branch1, null, null, Leadership.BRANCH_SECRETARY},
                    {"黄丽娟", grids[2], branch3, group3, zone3, Leadership.ZONE_LEADER},
                    {"梁志华", grids[2], branch3, group3, null, Leadership.BRANCH_SECRETARY},
                    {"罗晓燕", grids[1], branch1, null, null, null},
                    {"刘明", grids[2], branch3, group3, zone3, Leadership.GROUP_LEADER},
            };
            int day = 0;
            for (Object[] row : approved) {
                Member m = byName.get((String) row[0]);
                Registration r = new Registration(ids.next("registration_seq"), m, community, (AreaRef) row[1], m.skills(),
                        List.of(Availability.WEEKENDS, Availability.WEEKDAY_EVENINGS), null, applied.plusSeconds(3600L * day));
                r.approve((OrgUnitRef) row[2], (OrgUnitRef) row[3], (OrgUnitRef) row[4], secretary,
                        applied.plusSeconds(86_400L * (++day)));
                if (row[5] != null) {
                    r.lead((Leadership) row[5]);
                }
                registrations.save(r);
                notices.tell(java.util.Collections.singletonList(m.accountId()), "registration.approved", "/m/registration",
                        "Registration", r.id(), community.name(), ((OrgUnitRef) row[2]).name());
            }
            Member zhang = byName.get("张伟");
            Registration rejected = new Registration(ids.next("registration_seq"), zhang, community, grids[1], zhang.skills(),
                    List.of(Availability.ANY_TIME), "可以帮忙拍摄活动照片", applied);
            rejected.reject("您的住址在北江明珠小区，已属第二网格的党员较多，请改选第三网格后重新报到", secretary,
                    applied.plusSeconds(86_400L * 2));
            registrations.save(rejected);
            Member deng = byName.get("邓嘉欣");
            registrations.save(new Registration(ids.next("registration_seq"), deng, community, grids[2], deng.skills(),
                    List.of(Availability.WEEKDAY_EVENINGS, Availability.WEEKENDS), "可以开车接送行动不便的老人看病",
                    now.minusSeconds(86_400L)));

            partnerUnits.findByName("中国电信佛山三水分公司").ifPresent(unit -> unitRegistrations.save(
                    new UnitRegistration(ids.next("unit_registration_seq"), unit, "中国电信佛山三水分公司党委", community,
                            "每月10次上门检修宽带与手机；派党员参加周末值班", "黄涛（中国电信联系人）", now.minusSeconds(86_400L * 3))));
            log.info("Loaded {} demo members of 北江社区 with their registrations", byName.size());
        });
    }
}
