package org.lianxin.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;


import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's working calendar: 2026's public holidays and adjusted working days as the State Council
 * published them (国办发明电〔2025〕7号), so that deadlines in the demo skip 国庆 and 春节. 2027 is left
 * unloaded, as it would be until its schedule is published: the calendar page says so.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class CaseworkDemo {

    static final String SOURCE_2026 = "国务院办公厅关于2026年部分节假日安排的通知（示例数据，请以正式通知为准）";

    /** 2026: holidays (weekdays off) and the weekend days worked instead. */
    static List<CalendarDay> year2026() {
        List<CalendarDay> days = new ArrayList<>();
        holidays(days, "元旦", "2026-01-01", "2026-01-02");
        days.add(new CalendarDay(LocalDate.parse("2026-01-04"), DayKind.WORKDAY, "元旦调休上班"));
        holidays(days, "春节", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23");
        days.add(new CalendarDay(LocalDate.parse("2026-02-14"), DayKind.WORKDAY, "春节调休上班"));
        days.add(new CalendarDay(LocalDate.parse("2026-02-28"), DayKind.WORKDAY, "春节调休上班"));
        holidays(days, "清明节", "2026-04-06");
        holidays(days, "劳动节", "2026-05-01", "2026-05-04", "2026-05-05");
        days.add(new CalendarDay(LocalDate.parse("2026-05-09"), DayKind.WORKDAY, "劳动节调休上班"));
        holidays(days, "端午节", "2026-06-19");
        holidays(days, "中秋节", "2026-09-25");
        holidays(days, "国庆节", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07");
        days.add(new CalendarDay(LocalDate.parse("2026-09-20"), DayKind.WORKDAY, "国庆节调休上班"));
        days.add(new CalendarDay(LocalDate.parse("2026-10-10"), DayKind.WORKDAY, "国庆节调休上班"));
        return days;
    }

    private static void holidays(List<CalendarDay> days, String name, String... dates) {
        for (String date : dates) {
            days.add(new CalendarDay(LocalDate.parse(date), DayKind.HOLIDAY, name));
        }
    }

    @Bean
    @Order(60)
    ApplicationRunner demoWorkingCalendar(CalendarRepository days, CalendarYearRepository years, TransactionTemplate tx,
                                          Clock clock) {
        return args -> tx.executeWithoutResult(status -> {
            if (years.existsById(2026)) {
                return;
            }
            days.saveAll(year2026());
            CalendarYear year = new CalendarYear(2026);
            year.loaded("系统管理员", SOURCE_2026, clock.instant());
            years.save(year);
        });
    }

    /**
     * A dozen grid cases in 北江社区's three grids, in every stage: reported, accepted, dispatched, handling, handled,
     * closed and rated, rejected with a redirect, escalated to the community, one overdue and urged, one supervised.
     * Residents and reporters are invented; the places are the demo's.
     */
    @Bean
    @Order(65)
    ApplicationRunner demoCases(CaseRepository cases, CasePhotoRepository photos, CaseIntake intake,
                                org.lianxin.shared.AccountDirectory accounts, TransactionTemplate tx, Clock clock) {
        return args -> tx.executeWithoutResult(status -> {
            if (cases.count() > 0) {
                return;
            }
            java.time.Instant now = clock.instant();
            Case.Who wu = accounts.idOf("grid3").map(id -> new Case.Who(id, "吴海（北江社区第三网格网格员）"))
                    .orElse(new Case.Who(null, "吴海"));
            Case.Who chen = accounts.idOf("resident").map(id -> new Case.Who(id, "陈美玲（居民）"))
                    .orElse(new Case.Who(null, "陈美玲"));
            Case.Who mei = accounts.idOf("beijiang").map(id -> new Case.Who(id, "梅丽华（北江社区党委书记）"))
                    .orElse(new Case.Who(null, "梅丽华"));
            Case.Who sun = accounts.idOf("bjstaff").map(id -> new Case.Who(id, "孙悦（北江社区工作者）"))
                    .orElse(new Case.Who(null, "孙悦"));
            Object[][] rows = {
                    // grid (0–2), north?, category, text, reporter, days ago, how far it went
                    {2, false, "ENVIRONMENT", "颐澳湾小区2座楼下绿化带堆放建筑垃圾，已有异味", wu, 0.1, "reported"},
                    {2, false, "FACILITY", "颐澳湾小区东门道闸损坏，车辆无法正常进出", chen, 0.3, "accepted"},
                    {2, true, "SAFETY", "第三网格北侧空地电动车集中充电，飞线私拉", wu, 1.0, "handling"},
                    {2, true, "LIVELIHOOD", "独居老人何阿婆家中水龙头漏水，需要上门维修", wu, 2.0, "handled"},
                    {0, false, "ENVIRONMENT", "时代城小区3座门口垃圾桶满溢未及时清运", chen, 6.0, "rated"},
                    {0, false, "DISPUTE", "时代城小区5座楼上楼下因漏水产生纠纷", chen, 3.0, "escalated"},
                    {0, true, "FACILITY", "时代城二期小区路灯不亮，夜间出行不便", chen, 9.0, "overdue"},
                    {1, false, "SAFETY", "北江明珠小区消防通道被车辆长期占用", wu, 8.0, "supervised"},
                    {1, false, "LIVELIHOOD", "北江明珠小区居民咨询高龄津贴办理", chen, 1.5, "rejected"},
                    {1, true, "ENVIRONMENT", "第二网格北侧河涌岸边有人倾倒生活垃圾", wu, 4.0, "closed"},
                    {2, false, "OTHER", "颐澳湾小区1座电梯广告噪音扰民", chen, 0.5, "reported"},
                    {0, false, "FACILITY", "时代城小区儿童游乐设施螺丝松动", wu, 2.5, "dispatched"},
            };
            for (Object[] row : rows) {
                int g = (Integer) row[0];
                double lon = 112.880 + g * 0.020 / 3 + 0.0033;
                double lat = (Boolean) row[1] ? 23.1651 : 23.1552;
                java.time.Instant at = now.minusSeconds((long) ((Double) row[5] * 86_400));
                CaseIntake.Route route = intake.route(lon, lat, "longitude");
                String category = (String) row[2];
                Case.Deadlines due = intake.deadlines(category);
                Case.Who reporter = (Case.Who) row[4];
                Case c = new Case(intake.nextId(), category, (String) row[3], null,
                        reporter == wu ? Channel.PATROL : Channel.RESIDENT, null, null, lon, lat, route.areaPath(),
                        route.gridName(), intake.gridHolder(route), reporter, reporter, at, due);
                Case.Who handler = g == 2 ? wu : sun;
                String stage = (String) row[6];
                java.time.Instant t = at.plusSeconds(1800);
                if (!stage.equals("reported")) {
                    c.accept(handler, t, null, due);
                }
                if (List.of("handling", "handled", "rated", "escalated", "overdue", "supervised", "closed", "dispatched")
                        .contains(stage)) {
                    c.register(handler, t.plusSeconds(600), null, due);
                }
                if (stage.equals("escalated")) {
                    c.escalate(new Case.Holder(CaseLevel.COMMUNITY, route.community().path(), route.community().name(), null),
                            handler, t.plusSeconds(1200), "涉及两户业主责任认定，网格调解未果，需社区组织调解", due);
                    save(cases, c);
                    continue;
                }
                if (stage.equals("rejected")) {
                    c.reject(handler, t, "高龄津贴属民政业务，不属于网格事件", "请携带身份证到西南街道党群服务中心民政窗口办理");
                    save(cases, c);
                    continue;
                }
                if (List.of("handling", "handled", "rated", "overdue", "supervised", "closed", "dispatched").contains(stage)) {
                    c.dispatch(new Case.Holder(c.level(), c.levelPath(), handler.name(), handler.accountId()), handler,
                            t.plusSeconds(1800), null, due);
                }
                if (List.of("handling", "handled", "rated", "overdue", "supervised", "closed").contains(stage)) {
                    c.start(handler, t.plusSeconds(3600), null);
                }
                if (stage.equals("overdue")) {
                    c.urge(mei, now.minusSeconds(7200), "路灯已坏一周，请今天内联系供电所");
                }
                if (stage.equals("supervised")) {
                    c.supervise(mei, now.minusSeconds(3600), "消防通道事关安全，请说明进展");
                }
                if (List.of("handled", "rated", "closed").contains(stage)) {
                    c.handle(handler, t.plusSeconds(7200), "已现场处置完毕，并拍照留存", due);
                }
                if (List.of("rated", "closed").contains(stage)) {
                    c.verify(sun, t.plusSeconds(10_800), "现场核查属实", due);
                    c.close(mei, t.plusSeconds(14_400), null);
                }
                if (stage.equals("rated")) {
                    c.rate(5, "清运及时，谢谢网格员", reporter, t.plusSeconds(20_000));
                }
                save(cases, c);
                if (reporter == wu) {
                    photos.save(new CasePhoto(intake.nextId(), c.id(), 0,
                            org.lianxin.shared.ImageFiles.decode(DEMO_PHOTO, CasePhoto.MAX_BYTES, "photo")));
                }
            }
        });
    }

    /**
     * Return visits (回访) in 北江社区: three closed reports of resident 陈美玲 sampled for a visit: one visited and
     * satisfied, one due in the next days, one overdue after a call that did not reach her.
     */
    @Bean
    @Order(66)
    ApplicationRunner demoReturnVisits(CaseRepository cases, ReturnVisitRepository visits, CaseIntake intake,
                                       WorkingCalendar calendar, org.lianxin.shared.AccountDirectory accounts,
                                       TransactionTemplate tx, Clock clock) {
        return args -> tx.executeWithoutResult(status -> {
            if (visits.count() > 0 || accounts.idOf("resident").isEmpty()) {
                return;
            }
            java.time.Instant now = clock.instant();
            Case.Who chen = new Case.Who(accounts.idOf("resident").get(), "陈美玲（居民）");
            Case.Who sun = accounts.idOf("bjstaff").map(id -> new Case.Who(id, "孙悦（北江社区工作者）"))
                    .orElse(new Case.Who(null, "孙悦"));
            Object[][] rows = {
                    // grid, category, text, days closed ago, outcome
                    {0, "ENVIRONMENT", "时代城小区4座地下车库积水，下雨天无法通行", 9.0, "satisfied"},
                    {1, "FACILITY", "北江明珠小区3座单元门门禁失灵，外来人员随意进出", 1.0, "due"},
                    {0, "LIVELIHOOD", "时代城小区2座楼道照明灯长期不亮，老人夜间上下楼不便", 10.0, "overdue"},
            };
            for (Object[] row : rows) {
                int g = (Integer) row[0];
                double lon = 112.880 + g * 0.020 / 3 + 0.0033;
                double lat = 23.1552;
                java.time.Instant closed = now.minusSeconds((long) ((Double) row[3] * 86_400));
                java.time.Instant at = closed.minusSeconds(3 * 86_400);
                CaseIntake.Route route = intake.route(lon, lat, "longitude");
                String category = (String) row[1];
                Case.Deadlines due = intake.deadlines(category);
                Case c = new Case(intake.nextId(), category, (String) row[2], null, Channel.RESIDENT, null, null, lon, lat,
                        route.areaPath(), route.gridName(), intake.gridHolder(route), chen, chen, at, due);
                c.accept(sun, at.plusSeconds(1800), null, due);
                c.register(sun, at.plusSeconds(2400), null, due);
                c.dispatch(new Case.Holder(c.level(), c.levelPath(), sun.name(), sun.accountId()), sun,
                        at.plusSeconds(3000), null, due);
                c.start(sun, at.plusSeconds(3600), null);
                c.handle(sun, at.plusSeconds(86_400), "已联系物业维修完毕", due);
                c.verify(sun, at.plusSeconds(90_000), "现场核查属实", due);
                c.close(sun, closed, null);
                ReturnVisit visit = new ReturnVisit(intake.nextId(), c.id(), 1, c.areaPath(), ReturnVisit.Reason.DRAWN,
                        closed, closed, calendar.plusWorkingDays(closed, 3));
                String outcome = (String) row[4];
                if (outcome.equals("satisfied")) {
                    java.time.Instant visited = closed.plusSeconds(86_400);
                    visit.record(ReturnVisit.Way.PHONE, true, ReturnVisit.Satisfaction.SATISFIED,
                            "车库积水已排干，物业加装了排水泵，很满意", sun, visited);
                    c.returnVisit(sun, visited, ReturnVisitController.publicNote(ReturnVisit.Way.PHONE, true,
                            ReturnVisit.Satisfaction.SATISFIED));
                }
                if (outcome.equals("overdue")) {
                    java.time.Instant called = closed.plusSeconds(2 * 86_400);
                    visit.record(ReturnVisit.Way.PHONE, false, null, "电话无人接听，改日再打", sun, called);
                    c.returnVisit(sun, called, ReturnVisitController.publicNote(ReturnVisit.Way.PHONE, false, null));
                }
                save(cases, c);
                visits.saveAndFlush(visit);
            }
        });
    }

    private static void save(CaseRepository cases, Case c) {
        cases.saveAndFlush(c);
    }

    /** A small photo for the patrol reports (a 1×1 PNG: the demo has no camera). */
    static final String DEMO_PHOTO = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
}
