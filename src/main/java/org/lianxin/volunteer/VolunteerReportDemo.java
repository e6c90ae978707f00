package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Ids;
import org.lianxin.volunteer.VolunteerEvents.ActivityAttended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo activities for the reports by grid branch and by partner unit (志愿服务统计): last week 北江社区第一网格党支部
 * checked the stairwells of 时代城小区 for fire hazards with four members, and 中国电信佛山三水分公司党委 taught the
 * elderly to use their smartphones with three; both attendance lists are confirmed (hours credited). Loaded after the
 * demo activities of {@link VolunteerDemo}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class VolunteerReportDemo {

    private static final Logger log = LoggerFactory.getLogger(VolunteerReportDemo.class);
    private static final String SECRETARY = "梅丽华（北江社区党委书记）";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String BRANCH_ACTIVITY = "楼道消防隐患排查";

    @Bean
    @Order(57)
    ApplicationRunner demoOrganiserActivities(ActivityRepository activities, SignUpRepository signUps, SignUpDesk desk,
                                              PartyMembers members, Areas areas, AccountDirectory accounts, Ids ids,
                                              ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            Optional<AreaRef> beijiang = areas.findByName("北江社区", "COMMUNITY");
            Optional<Long> secretary = accounts.idOf("beijiang");
            if (beijiang.isEmpty() || secretary.isEmpty() || activities.count() == 0 || activities.exists((root, query, cb) -> cb.equal(root.get("title"), BRANCH_ACTIVITY))) {
                return;
            }
            List<MemberRef> people = members.ofCommunity(beijiang.get().id());
            if (people.size() < 7) {
                return;
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            confirmed(activities, signUps, desk, ids, events, secretary.get(), beijiang.get(), BRANCH_ACTIVITY,
                    "逐栋检查时代城小区楼道堆放杂物、消防通道和灭火器压力，登记隐患并督促整改。", "时代城小区各楼栋",
                    today.minusDays(6), LocalTime.of(9, 0), 3, Activity.OrganiserKind.GRID_BRANCH, "北江社区第一网格党支部",
                    people.subList(3, 7), now);
            confirmed(activities, signUps, desk, ids, events, secretary.get(), beijiang.get(), "老年人智能手机课",
                    "电信党员手把手教老人用手机挂号、视频通话、识别诈骗电话。", "北江社区党群服务中心二楼课室",
                    today.minusDays(4), LocalTime.of(14, 30), 2, Activity.OrganiserKind.PARTNER_UNIT,
                    "中国电信佛山三水分公司党委", people.subList(0, 3), now);
            log.info("Loaded 2 demo activities of a grid branch and a partner unit of 北江社区 (attendance confirmed)");
        });
    }

    private static void confirmed(ActivityRepository activities, SignUpRepository signUps, SignUpDesk desk, Ids ids,
                                  ApplicationEventPublisher events, long by, AreaRef area, String title, String description,
                                  String place, LocalDate day, LocalTime time, int hours, Activity.OrganiserKind kind,
                                  String organiser, List<MemberRef> people, Instant now) {
        Instant start = day.atTime(time).atZone(CHINA).toInstant();
        Instant end = start.plus(Duration.ofHours(hours));
        Instant published = start.minus(Duration.ofDays(5));
        Activity activity = activities.saveAndFlush(new Activity(ids.next("activity_seq"),
                new Activity.Where(area.id(), area.name(), area.path()),
                new Activity.Details(title, description, place, start, end, published, start, 20, List.of(), null, kind,
                        organiser), by, SECRETARY, published));
        List<SignUp> lines = people.stream().map(m -> desk.signUp(activity.id(),
                new SignUpDesk.Volunteer(m.id(), m.accountId(), m.name()), published.plus(Duration.ofHours(2)))).toList();
        int n = 0;
        for (SignUp line : lines) {
            line.checkIn(start.minus(Duration.ofMinutes(5)), null, null);
            line.checkOut(end.minus(Duration.ofMinutes(10L * n++)), null);
        }
        activity.confirm(SECRETARY, end.plus(Duration.ofHours(1)));
        lines.forEach(l -> l.settle(activity));
        signUps.saveAll(lines);
        activities.save(activity);
        lines.forEach(l -> events.publishEvent(new ActivityAttended(activity.id(), l.id(), l.memberId(), l.accountId(),
                activity.areaPath(), null, l.minutes(), activity.confirmedAt())));
    }
}
