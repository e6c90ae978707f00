package org.lianxin.wish;

import java.awt.Color;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.lianxin.organization.Areas;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo micro-projects of 北江社区: a reading corner for elderly residents that 中国电信's Party organisation
 * built and the community accepted; a barrier-free ramp at 颐澳湾小区 in progress (design done, with photos); and
 * energy-saving stairwell lights published for up to three units. Loaded after the partner units.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class MicroProjectDemo {

    private static final Logger log = LoggerFactory.getLogger(MicroProjectDemo.class);
    private static final String SECRETARY = "梅丽华（北江社区党委书记）";
    private static final String CONTACT = "黄涛";
    private static final long DAY = 86_400L;

    @Bean
    @Order(51)
    ApplicationRunner demoMicroProjects(MicroProjectRepository projects, MicroProjectUpdateRepository updates,
                                        PartnerUnits units, AccountDirectory accounts, Areas areas, Ids ids, Clock clock,
                                        TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            if (projects.count() > 0) {
                return;
            }
            Optional<Areas.AreaRef> beijiang = areas.findByName("北江社区", "COMMUNITY");
            Optional<Areas.AreaRef> yiaowan = areas.findByName("颐澳湾小区", "COMPOUND");
            var telecom = units.findByName("中国电信佛山三水分公司").orElse(null);
            Optional<Long> telecomAccount = accounts.idOf("telecom");
            if (beijiang.isEmpty() || yiaowan.isEmpty() || telecom == null || telecomAccount.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            ZoneId zone = clock.getZone();

            Instant started = now.minusSeconds(DAY * 60);
            MicroProject corner = new MicroProject(ids.next("micro_project_seq"), beijiang.get().id(),
                    beijiang.get().name(), beijiang.get().path(), "长者阅读角",
                    "在社区党群服务中心一楼辟出20平方米，配书架、老花镜和大字版图书，方便长者白天看书读报。",
                    "北江社区党群服务中心一楼", 8000, 1, List.of(
                    new MicroProject.Plan("采购书架和图书", LocalDate.ofInstant(started.plusSeconds(DAY * 20), zone)),
                    new MicroProject.Plan("布置并开放", LocalDate.ofInstant(started.plusSeconds(DAY * 40), zone))),
                    LocalDate.ofInstant(started, zone), SECRETARY, started);
            corner.claim(telecom.id(), telecom.name(), telecomAccount.get(), CONTACT, started.plusSeconds(DAY * 2));
            corner.progress(0, CONTACT, started.plusSeconds(DAY * 15));
            corner.progress(1, CONTACT, started.plusSeconds(DAY * 35));
            corner.complete(CONTACT, started.plusSeconds(DAY * 36));
            corner.accept("书架牢固，图书600册已登记上架，每天开放。", SECRETARY, started.plusSeconds(DAY * 38));
            projects.save(corner);
            updates.save(new MicroProjectUpdate(ids.next("micro_project_seq"), corner.id(), CONTACT, telecom.name(),
                    started.plusSeconds(DAY * 15), "书架3组、图书600册已采购到位，老花镜10副。", "采购书架和图书",
                    WishDemo.png(new Color(0xE8, 0xF0, 0xFA))));
            updates.save(new MicroProjectUpdate(ids.next("micro_project_seq"), corner.id(), CONTACT, telecom.name(),
                    started.plusSeconds(DAY * 35), "阅读角布置完成，已请十位长者试用。", "布置并开放",
                    WishDemo.png(new Color(0xFD, 0xEC, 0xEC))));

            Instant ramp = now.minusSeconds(DAY * 12);
            MicroProject slope = new MicroProject(ids.next("micro_project_seq"), yiaowan.get().id(), yiaowan.get().name(),
                    yiaowan.get().path(), "无障碍坡道",
                    "颐澳湾小区1座、2座单元门口只有台阶，坐轮椅的住户出门要人抬。计划各修一条无障碍坡道并加装扶手。",
                    "颐澳湾小区1座、2座单元门口", 18000, 2, List.of(
                    new MicroProject.Plan("方案设计与住户意见", LocalDate.ofInstant(now.plusSeconds(DAY * 3), zone)),
                    new MicroProject.Plan("施工", LocalDate.ofInstant(now.plusSeconds(DAY * 30), zone)),
                    new MicroProject.Plan("安全检查", LocalDate.ofInstant(now.plusSeconds(DAY * 40), zone))),
                    LocalDate.ofInstant(ramp, zone), SECRETARY, ramp);
            slope.claim(telecom.id(), telecom.name(), telecomAccount.get(), CONTACT, ramp.plusSeconds(DAY * 2));
            slope.progress(0, CONTACT, now.minusSeconds(DAY * 3));
            projects.save(slope);
            updates.save(new MicroProjectUpdate(ids.next("micro_project_seq"), slope.id(), CONTACT, telecom.name(),
                    now.minusSeconds(DAY * 3), "设计方案已在两座楼公示一周，住户无异议；坡度1:12，两侧加扶手。",
                    "方案设计与住户意见", WishDemo.png(new Color(0xEE, 0xF7, 0xEE))));

            Instant lights = now.minusSeconds(DAY * 2);
            projects.save(new MicroProject(ids.next("micro_project_seq"), beijiang.get().id(), beijiang.get().name(),
                    beijiang.get().path(), "楼道照明节能改造",
                    "时代城小区老楼楼道灯常坏，计划换成声控LED灯，共约120盏。欢迎共建单位认领，可多家合作。",
                    "时代城小区1—6座楼道", 30000, 3, List.of(
                    new MicroProject.Plan("摸排损坏灯具", LocalDate.ofInstant(now.plusSeconds(DAY * 10), zone)),
                    new MicroProject.Plan("更换灯具", LocalDate.ofInstant(now.plusSeconds(DAY * 45), zone))),
                    LocalDate.ofInstant(lights, zone), SECRETARY, lights));
            log.info("Loaded 3 demo micro-projects of 北江社区 (one accepted, one in progress, one open)");
        });
    }
}
