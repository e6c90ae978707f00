package org.lianxin.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.Households;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Ids;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's 1+n contact and visits: 林志强 is in contact with six households of 时代城小区, among them
 * 何秀英 (elderly, living alone) whose weekly visit is overdue (he was told by the daily job); 刘明 with
 * three households, one visited yesterday (with a photo); a care visit (一看二谈三送) by the grid worker to
 * a member in a care category.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class CareDemo {

    private static final Logger log = LoggerFactory.getLogger(CareDemo.class);

    /** A small PNG (the doorway of a visit), as the mobile page would send it. */
    static final String PHOTO = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @Bean
    @Order(60)
    ApplicationRunner demoCare(ContactAssignmentRepository assignments, VisitRepository visits, PartyMembers members,
                               Households households, Areas areas, AccountDirectory accounts, Ids ids, Clock clock,
                               TransactionTemplate tx, VisitSchedule schedule) {
        return args -> {
            boolean loaded = Boolean.TRUE.equals(tx.execute(status -> {
                if (assignments.count() > 0) {
                    return false;
                }
                Optional<MemberRef> lin = accounts.idOf("louzhang").flatMap(members::ofAccount);
                Optional<MemberRef> liu = accounts.idOf("member").flatMap(members::ofAccount);
                Optional<AreaRef> shidai = areas.findByName("时代城小区", "COMPOUND");
                Optional<AreaRef> yiaowan = areas.findByName("颐澳湾小区", "COMPOUND");
                if (lin.isEmpty() || liu.isEmpty() || shidai.isEmpty() || yiaowan.isEmpty()) {
                    return false;
                }
                Instant now = clock.instant();
                Instant started = now.minus(Duration.ofDays(21));
                String staff = "梅丽华（北江社区党委书记）";
                // 林志强: six households of 时代城小区; 何秀英's weekly visit last done nine days ago
                List<String[]> linDoors = List.of(new String[] {"1座", "1座0301"}, new String[] {"1座", "1座1502"},
                        new String[] {"1座", "1座1201"}, new String[] {"2座", "2座0802"}, new String[] {"2座", "2座1203"},
                        new String[] {"2座", "2座0501"});
                Visit.Visitor linVisitor = new Visit.Visitor(lin.get().accountId() == null ? -1 : lin.get().accountId(),
                        lin.get().id(), "林志强");
                List<ContactAssignment> made = new ArrayList<>();
                for (String[] door : linDoors) {
                    Optional<Long> household = household(areas, households, shidai.get(), door[0], door[1]);
                    if (household.isEmpty()) {
                        continue;
                    }
                    made.add(new ContactAssignment(ids.next("care_seq"), lin.get(), household.get(),
                            path(areas, shidai.get(), door[0]), staff, started));
                    boolean he = door[1].equals("1座0301");
                    visits.save(new Visit(ids.next("care_seq"), Visit.Kind.HOUSEHOLD, household.get(), null,
                            path(areas, shidai.get(), door[0]), linVisitor, now.minus(Duration.ofDays(he ? 9 : 5)), now,
                            he ? "何阿姨精神不错，血压药按时吃，冰箱里菜不多，儿子周末才回来。" : "家中一切正常，没有新的困难。",
                            true, List.of(), null, null));
                }
                // 刘明: two households of 颐澳湾小区 and one of 时代城小区 (林志强's own); one visited yesterday
                Visit.Visitor liuVisitor = new Visit.Visitor(liu.get().accountId() == null ? -1 : liu.get().accountId(),
                        liu.get().id(), "刘明");
                String[][] liuDoors = {{"颐澳湾小区", "3座", "3座0605"}, {"颐澳湾小区", "3座", "3座1101"},
                        {"时代城小区", "1座", "1座0902"}};
                for (String[] door : liuDoors) {
                    AreaRef compound = door[0].equals("颐澳湾小区") ? yiaowan.get() : shidai.get();
                    Optional<Long> household = household(areas, households, compound, door[1], door[2]);
                    if (household.isEmpty()) {
                        continue;
                    }
                    made.add(new ContactAssignment(ids.next("care_seq"), liu.get(), household.get(),
                            path(areas, compound, door[1]), staff, now.minus(Duration.ofDays(20))));
                    if (door[2].equals("3座0605")) {
                        Visit visit = new Visit(ids.next("care_seq"), Visit.Kind.HOUSEHOLD, household.get(), null,
                                path(areas, compound, door[1]), liuVisitor, now.minus(Duration.ofDays(1)), now,
                                "钟伯的母亲腿脚不便，楼道扶手松动，已拍照。家里宽带时断时续。", true, List.of(),
                                "钟李氏老人想请人每周陪同去一次社康测血压", "3座楼道扶手松动，需要物业维修");
                        visit.attachPhoto("image/png", Base64.getDecoder().decode(PHOTO));
                        visits.save(visit);
                    }
                }
                assignments.saveAll(made);
                // a care visit (一看二谈三送) by the grid worker to the first member in a care category
                members.needingCareIn(lin.get().communityId()).stream().findFirst().flatMap(members::find).ifPresent(cared ->
                        visits.save(new Visit(ids.next("care_seq"), Visit.Kind.CARE, null, cared.id(),
                                cared.communityPath(), new Visit.Visitor(accounts.idOf("grid3").orElse(-1L), null,
                                "吴海（北江社区第三网格网格员）"), now.minus(Duration.ofDays(3)), now,
                                "上门看望，老人身体尚可，讲了社区长者饭堂的新政策，送去米油和慰问信。", true,
                                EnumSet.allOf(CareItem.class), null, null)));
                return true;
            }));
            if (loaded) {
                // the daily job, as it would have run this morning: 林志强 hears of 何秀英's overdue visit
                schedule.notifyOverdue();
                log.info("Loaded the demo 1+n contact households and visits");
            }
        };
    }

    private static Optional<Long> household(Areas areas, Households households, AreaRef compound, String building,
                                            String door) {
        return areas.children(compound.id(), "BUILDING").stream().filter(b -> b.name().equals(building)).findFirst()
                .flatMap(b -> households.idAt(b.id(), door));
    }

    private static String path(Areas areas, AreaRef compound, String building) {
        return areas.children(compound.id(), "BUILDING").stream().filter(b -> b.name().equals(building)).findFirst()
                .map(AreaRef::path).orElse(compound.path());
    }
}
