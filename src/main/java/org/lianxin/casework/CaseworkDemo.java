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
}
