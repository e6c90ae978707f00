package org.lianxin.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Without Spring: case deadlines over the 2026 working calendar (国庆 with its adjusted Saturday), in working days
 * and hours; and GCJ-02 → WGS-84 against the published reference points (eviltransform's test vectors).
 */
class CaseArithmeticTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A calendar whose repository answers from the demo's 2026 list, no database. */
    static WorkingCalendar calendar2026() {
        List<CalendarDay> days = CaseworkDemo.year2026();
        CalendarRepository repository = (CalendarRepository) Proxy.newProxyInstance(CalendarRepository.class.getClassLoader(),
                new Class<?>[] {CalendarRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findByDayBetweenOrderByDay")) {
                        LocalDate from = (LocalDate) args[0];
                        LocalDate to = (LocalDate) args[1];
                        return days.stream().filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to)).toList();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new WorkingCalendar(repository, new OfficeHours(SHANGHAI, null));
    }

    static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
    }

    @Test
    void aGridLimitOfTwoWorkingDaysSkipsTheNationalDayHolidayAndCountsTheAdjustedSaturday() {
        WorkingCalendar calendar = calendar2026();
        // reported Wednesday 30 September: 1–7 October are off except Saturday 10 October, which is worked
        // (1, 2, 5, 6, 7 are holidays; 3, 4 the weekend); day 1 = Thursday 8, day 2 = Friday 9
        assertThat(TimeLimit.parse("2d").from(at("2026-09-30T10:00"), calendar)).isEqualTo(at("2026-10-09T17:30"));
        // three working days: Saturday 10 October is the adjusted working day
        assertThat(TimeLimit.parse("3d").from(at("2026-09-30T10:00"), calendar)).isEqualTo(at("2026-10-10T17:30"));
    }

    @Test
    void anAcceptLimitInHoursCountsOnlyOfficeHours() {
        WorkingCalendar calendar = calendar2026();
        // Friday 16:30: one hour left on Friday (to 17:30), weekend off, three more from Monday 08:30 → 11:30
        assertThat(TimeLimit.parse("4h").from(at("2026-11-20T16:30"), calendar)).isEqualTo(at("2026-11-23T11:30"));
        // reported at lunch (12:30): counting starts at 14:00
        assertThat(TimeLimit.parse("1h").from(at("2026-11-24T12:30"), calendar)).isEqualTo(at("2026-11-24T15:00"));
        // the Saturday before 春节 (14 February) is worked
        assertThat(TimeLimit.parse("2h").from(at("2026-02-13T17:00"), calendar)).isEqualTo(at("2026-02-14T10:00"));
    }

    @Test
    void timeLimitsAreReadFromTheirConfiguredText() {
        assertThat(TimeLimit.parse("4h")).isEqualTo(new TimeLimit(4, true));
        assertThat(TimeLimit.parse("10d")).isEqualTo(new TimeLimit(10, false));
        for (String bad : new String[] {"", "0d", "4", "h", "4w", "-1d"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimeLimit.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void gcj02IsConvertedToWgs84WithinAMetreOfThePublishedReferencePoints() {
        // {wgs lat, wgs lng, gcj lat, gcj lng}: Shanghai, Shenzhen, Beijing (eviltransform's test vectors)
        double[][] vectors = {
                {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
                {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
                {39.911954, 116.377817, 39.91334545536069, 116.38404722455657}};
        for (double[] v : vectors) {
            double[] gcj = Coordinates.wgs84ToGcj02(v[1], v[0]);
            assertThat(Coordinates.metres(gcj[0], gcj[1], v[3], v[2])).isLessThan(0.01);
            double[] wgs = Coordinates.gcj02ToWgs84(v[3], v[2]);
            assertThat(Coordinates.metres(wgs[0], wgs[1], v[1], v[0])).isLessThan(1.0);
        }
        // the offset itself is hundreds of metres: not converting would put a point in the wrong grid
        assertThat(Coordinates.metres(121.531541859215, 31.17530398364597, 121.5272106, 31.1774276)).isGreaterThan(300);
        // outside China nothing is offset
        assertThat(Coordinates.gcj02ToWgs84(2.35, 48.85)).containsExactly(2.35, 48.85);
    }
}
