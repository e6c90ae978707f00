package org.lianxin.casework;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the offices work, for limits counted in hours: the time zone and the working periods of a
 * working day (default 08:30–12:00 and 14:00–17:30, Beijing time). A limit in working days ends at the
 * end of the last period of its last day.
 */
@ConfigurationProperties("lianxin.calendar")
record OfficeHours(ZoneId zone, List<Period> periods) {

    record Period(LocalTime start, LocalTime end) {
    }

    OfficeHours {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        periods = periods == null || periods.isEmpty()
                ? List.of(new Period(LocalTime.of(8, 30), LocalTime.of(12, 0)), new Period(LocalTime.of(14, 0), LocalTime.of(17, 30)))
                : List.copyOf(periods);
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (!p.start().isBefore(p.end()) || (i > 0 && p.start().isBefore(periods.get(i - 1).end()))) {
                throw new IllegalArgumentException("lianxin.calendar.periods must be ordered, non-overlapping ranges");
            }
        }
    }

    LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }
}
