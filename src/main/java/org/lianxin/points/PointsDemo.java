package org.lianxin.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo points of 北江社区's members, written through {@link PointsLedger} as if the events had come: the dengue
 * clean-up on the 北江 embankment, the 时代城 elders' haircut day, anti-fraud talks and school-road duty (activities with
 * hours), wishes and needs, 林志强's mailbox answers as building leader ({@code louzhang}), an attendance corrected for
 * 张伟 and a need recorded twice for 罗晓燕 that 梅丽华 reversed. Demo sources have negative ids, so no real activity,
 * wish or message ever collides with them. Loaded after members and wishes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class PointsDemo {

    private static final Logger log = LoggerFactory.getLogger(PointsDemo.class);

    /** activity id, title, days ago, minutes per member name */
    record Activity(long id, String title, int daysAgo, Map<String, Integer> minutes) {
    }

    @Bean
    @Order(70)
    ApplicationRunner demoPoints(PointsLedger ledger, PointsEntryRepository entries, JdbcTemplate jdbc, Clock clock,
                                 TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            // the demo's own sources have negative ids; entries credited by the other demos' real events do not count
            Integer demoEntries = jdbc.queryForObject("select count(*) from points_entry where source_id like '-%'",
                    Integer.class);
            if (demoEntries != null && demoEntries > 0) {
                return;
            }
            // demo only: the member ids by the demo names (the member module's public queries go by id or account)
            Map<String, Long> ids = new HashMap<>();
            jdbc.query("select id, name from member", rs -> {
                ids.putIfAbsent(rs.getString(2), rs.getLong(1));
            });
            if (!ids.containsKey("刘明") || !ids.containsKey("林志强")) {
                return;
            }
            Instant now = clock.instant();
            List<Activity> activities = List.of(
                    new Activity(-101, "北江河堤登革热防控清积水", 40, Map.of("刘明", 180, "林志强", 180, "张伟", 150,
                            "郑家豪", 180, "罗晓燕", 120, "梁志华", 180, "黄丽娟", 180)),
                    new Activity(-102, "时代城小区长者义剪", 26, Map.of("林志强", 150, "陈国栋", 150, "郑家豪", 120)),
                    new Activity(-103, "颐澳湾小区反诈宣传进楼栋", 18, Map.of("刘明", 120, "谢婉婷", 120, "黄丽娟", 90)),
                    new Activity(-104, "西南街道中心小学护学岗", 9, Map.of("梁志华", 60, "刘明", 60, "张伟", 60, "邓嘉欣", 60)),
                    new Activity(-105, "党群服务中心政策宣讲", 4, Map.of("林志强", 90, "冯建华", 90, "何秀英", 90, "刘明", 90)));
            long signUp = -1000;
            Map<String, Long> signUps = new HashMap<>();
            for (Activity a : activities) {
                for (var e : a.minutes().entrySet()) {
                    Long member = ids.get(e.getKey());
                    if (member == null) {
                        continue;
                    }
                    signUp--;
                    signUps.put(a.id() + e.getKey(), signUp);
                    ledger.activity(ledger.holder(member, null, null), a.id(), signUp, a.title(), e.getValue(),
                            now.minus(Duration.ofDays(a.daysAgo())).plus(Duration.ofHours(3)));
                }
            }
            // 张伟 left the clean-up an hour early: the organiser corrected 150 → 90 minutes
            Long zhang = ids.get("张伟");
            if (zhang != null) {
                ledger.attendanceCorrected(ledger.holder(zhang, null, null), -101, signUps.get(-101 + "张伟"),
                        "北江河堤登革热防控清积水", 90,
                        "下午提前一小时离场，按签退时间更正", now.minus(Duration.ofDays(38)));
            }
            ledger.wish(ledger.holder(ids.get("刘明"), null, null), -201, "腿脚不便老人的助行器", now.minus(Duration.ofDays(30)));
            ledger.wish(ledger.holder(ids.get("林志强"), null, null), -202, "独居老人家中更换灯泡", now.minus(Duration.ofDays(12)));
            Long huang = ids.get("黄丽娟");
            if (huang != null) {
                ledger.need(ledger.holder(huang, null, null), -301, "为卧床老人联系上门康复护理", now.minus(Duration.ofDays(15)));
            }
            Long luo = ids.get("罗晓燕");
            if (luo != null) {
                ledger.need(ledger.holder(luo, null, null), -302, "帮助独居老人缴纳燃气费", now.minus(Duration.ofDays(20)));
                ledger.need(ledger.holder(luo, null, null), -303, "帮助独居老人缴纳燃气费", now.minus(Duration.ofDays(20)))
                        .ifPresent(twice -> ledger.reverse(twice, "与前一条为同一户的同一需求，重复登记", "梅丽华（北江社区党委书记）"));
            }
            ledger.serviceTask(ledger.holder(ids.get("刘明"), null, null), -401, -4001, "为独居老人上门安装宽带", 60,
                    now.minus(Duration.ofDays(7)));
            for (int i = 1; i <= 4; i++) {
                ledger.mailboxAnswer(ledger.holder(ids.get("林志强"), null, null), -500 - i,
                        now.minus(Duration.ofDays(5L * i)));
            }
            log.info("Demo points: {} entries for 北江社区's members", entries.count());
        });
    }
}
