package org.lianxin.resident;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.lianxin.access.Accounts;
import org.lianxin.organization.Areas;
import org.lianxin.organization.OrgUnits;
import org.lianxin.organization.Areas.AreaRef;
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
 * The demo households: two buildings of 时代城小区 and one of 颐澳湾小区, 2–4 residents each, with
 * invented names, ID numbers (valid in form, check character computed) and phones. The demo
 * account {@code resident} (陈美玲) is linked to her household; 何秀英 (story S1) is elderly and lives
 * alone; one signup waits for the community. Loaded after the places and accounts, only when the
 * tree is the demo's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class ResidentDemo {

    private static final Logger log = LoggerFactory.getLogger(ResidentDemo.class);

    private static final Set<ResidentTag> NONE = EnumSet.noneOf(ResidentTag.class);

    /** compound, building, door, then residents: name, first 17 ID digits, phone or null, relation, tags. */
    private record Row(String name, String first17, String phone, Relation relation, Set<ResidentTag> tags) {
    }

    private record Home(String compound, String building, String door, Row... residents) {
    }

    static final String CHEN_MEILING_ID = id("44060719850312002");

    private static final Home[] HOMES = {
            new Home("时代城小区", "1座", "1座1502",
                    new Row("陈美玲", "44060719850312002", "13700137001", Relation.HOUSEHOLDER, NONE),
                    new Row("张国栋", "44060719830708001", "13700137002", Relation.SPOUSE, NONE),
                    new Row("张子轩", "44060720150901003", null, Relation.CHILD, EnumSet.of(ResidentTag.MINOR))),
            new Home("时代城小区", "1座", "1座0301",
                    new Row("何秀英", "44060719460215002", "13700137003", Relation.HOUSEHOLDER,
                            EnumSet.of(ResidentTag.ELDERLY, ResidentTag.LIVING_ALONE, ResidentTag.KEY_CARE)),
                    new Row("何志明", "44060719720520001", "13700137004", Relation.CHILD, NONE)),
            // 林志强 is also a Party member (MemberDemo, same ID number): one person in both ledgers
            new Home("时代城小区", "1座", "1座0902",
                    new Row("林志强", "44060719750608017", "13700001002", Relation.HOUSEHOLDER, NONE),
                    new Row("苏慧敏", "44060719770219002", "13700137014", Relation.SPOUSE, NONE)),
            new Home("时代城小区", "2座", "2座0802",
                    new Row("黎少华", "44060719780930003", "13700137005", Relation.HOUSEHOLDER, NONE),
                    new Row("谭丽娟", "44060719801111002", "13700137006", Relation.SPOUSE, NONE),
                    new Row("黎晓彤", "44060720100405002", null, Relation.CHILD, EnumSet.of(ResidentTag.MINOR)),
                    new Row("黎伯祥", "44060719400101001", "13700137007", Relation.PARENT,
                            EnumSet.of(ResidentTag.ELDERLY, ResidentTag.DISABLED))),
            new Home("时代城小区", "2座", "2座1203",
                    new Row("冯卓然", "44060719950617001", "13700137008", Relation.TENANT, EnumSet.of(ResidentTag.RENTAL)),
                    new Row("岑雅琪", "44060719960822002", "13700137009", Relation.TENANT, EnumSet.of(ResidentTag.RENTAL))),
            new Home("颐澳湾小区", "3座", "3座0605",
                    new Row("钟伟强", "44060719680210001", "13700137010", Relation.HOUSEHOLDER, NONE),
                    new Row("钟嘉欣", "44060719990316002", "13700137011", Relation.CHILD, NONE),
                    new Row("钟李氏", "44060719380707002", null, Relation.PARENT,
                            EnumSet.of(ResidentTag.ELDERLY, ResidentTag.KEY_CARE))),
            new Home("颐澳湾小区", "3座", "3座1101",
                    new Row("梁永康", "44060719880125001", "13700137012", Relation.HOUSEHOLDER, NONE),
                    new Row("梁思敏", "44060719900514002", "13700137013", Relation.SPOUSE, NONE)),
            // two more homes of 时代城小区, so that 林志强 is in contact with six households (care demo)
            new Home("时代城小区", "2座", "2座0501",
                    new Row("区少芬", "44060719520611002", "13700137015", Relation.HOUSEHOLDER,
                            EnumSet.of(ResidentTag.ELDERLY))),
            new Home("时代城小区", "1座", "1座1201",
                    new Row("麦家俊", "44060719860402001", "13700137016", Relation.HOUSEHOLDER, NONE)),
    };

    /** The full number for 17 digits: the check character computed as GB 11643 says. */
    static String id(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Bean
    @Order(40)
    ApplicationRunner demoResidents(HouseholdRepository households, ResidentRepository residents,
                                    ResidentSignupRepository signups, Areas areas, AccountDirectory directory,
                                    Accounts accounts, OrgUnits orgUnits, PersonalDataCipher cipher, Ids ids,
                                    Clock clock,
                                    TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            AreaRef shidai = areas.findByName("时代城小区", "COMPOUND").orElse(null);
            AreaRef yiaowan = areas.findByName("颐澳湾小区", "COMPOUND").orElse(null);
            if (shidai == null || yiaowan == null || households.count() > 0) {
                return;
            }
            int people = 0;
            for (Home home : HOMES) {
                AreaRef building = building(areas, home.compound().equals("时代城小区") ? shidai : yiaowan, home.building());
                Household household = new Household(ids.next("household_seq"), building, home.door(), clock.instant());
                // the demo zones: 时代城小区 is in grid 1's first micro-grid, 颐澳湾小区 in grid 3's
                orgUnits.findByName(home.compound().equals("时代城小区") ? "第1网格微网格1党员责任区" : "第3网格微网格1党员责任区")
                        .filter(zone -> building.path().startsWith(zone.areaPath()))
                        .ifPresent(zone -> household.placeInZone(zone.id(), zone.areaPath()));
                households.save(household);
                for (Row row : home.residents()) {
                    IdNumber idNumber = new IdNumber(id(row.first17()));
                    Resident resident = new Resident(ids.next("resident_seq"), household, row.name(), idNumber,
                            cipher.seal(idNumber.value()), row.phone() == null ? null : cipher.seal(row.phone()),
                            row.relation(), row.tags(), clock.instant());
                    if (row.name().equals("陈美玲")) {
                        directory.idOf("resident").ifPresent(resident::linkAccount);
                    }
                    residents.save(resident);
                    people++;
                }
            }
            AreaRef building = building(areas, shidai, "3座");
            long signupId = ids.next("resident_signup_seq");
            String username = ResidentSignupController.USERNAME_PREFIX + signupId;
            long accountId = accounts.createResidentAccount(username, "罗志远",
                    "Demo#" + Long.toString(Math.abs(new java.security.SecureRandom().nextLong()), 36));
            IdNumber pendingId = new IdNumber(id("44060719920303001"));
            signups.save(new ResidentSignup(signupId, "罗志远", cipher.seal("13700137020"), cipher.seal(pendingId.value()),
                    building, "3座0901", accountId, username, clock.instant()));
            log.info("Loaded the demo resident ledger: {} households, {} residents, 1 pending signup", HOMES.length, people);
        });
    }

    private static AreaRef building(Areas areas, AreaRef compound, String name) {
        return areas.children(compound.id()).stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo building missing: " + compound.name() + " " + name));
    }
}
