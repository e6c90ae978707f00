package org.lianxin.casework;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns time limits into deadlines over the working calendar: public holidays and adjusted working
 * weekends loaded per year, and the office hours of {@link OfficeHours}.
 * <ul>
 * <li>N working days: counted from the day after the start (次日起算); the deadline is the close of
 * the N-th working day.</li>
 * <li>N working hours: only office hours count; a start outside them begins at the next opening.</li>
 * </ul>
 * The calendar is read from the database on every call (one indexed range query), so every node sees an
 * administrator's change at once. A year nobody has loaded follows the week alone.
 */
@Component
@Transactional(readOnly = true)
public class WorkingCalendar {

    /** The longest limit we compute, in calendar days scanned: far beyond any real time limit. */
    private static final int HORIZON_DAYS = 3 * 366;

    private final CalendarRepository days;
    private final OfficeHours hours;

    WorkingCalendar(CalendarRepository days, OfficeHours hours) {
        this.days = days;
        this.hours = hours;
    }

    /** The time zone in which days and office hours are counted. */
    public java.time.ZoneId zone() {
        return hours.zone();
    }

    public boolean isWorkingDay(LocalDate day) {
        return rule(lookup(day, day)).apply(day);
    }

    /** The close of the {@code workingDays}-th working day after the day of {@code start}. */
    public Instant plusWorkingDays(Instant start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a limit in working days is at least 1");
        }
        LocalDate from = LocalDate.ofInstant(start, hours.zone());
        Function<LocalDate, Boolean> working = rule(lookup(from, from.plusDays(HORIZON_DAYS)));
        LocalDate day = from;
        int counted = 0;
        for (int i = 0; i < HORIZON_DAYS && counted < workingDays; i++) {
            day = day.plusDays(1);
            if (working.apply(day)) {
                counted++;
            }
        }
        if (counted < workingDays) {
            throw new IllegalArgumentException("limit beyond the calendar's horizon");
        }
        return day.atTime(hours.closing()).atZone(hours.zone()).toInstant();
    }

    /** The moment when {@code limit} of office time has passed since {@code start}. */
    public Instant plusWorkingHours(Instant start, Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a limit in working hours is positive");
        }
        LocalDateTime at = LocalDateTime.ofInstant(start, hours.zone());
        Function<LocalDate, Boolean> working = rule(lookup(at.toLocalDate(), at.toLocalDate().plusDays(HORIZON_DAYS)));
        long remaining = limit.toSeconds();
        LocalDate day = at.toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!working.apply(day)) {
                continue;
            }
            for (OfficeHours.Period period : hours.periods()) {
                LocalTime begin = i == 0 && at.toLocalTime().isAfter(period.start()) ? at.toLocalTime() : period.start();
                if (!begin.isBefore(period.end())) {
                    continue;
                }
                long available = Duration.between(begin, period.end()).toSeconds();
                if (remaining <= available) {
                    return day.atTime(begin.plusSeconds(remaining)).atZone(hours.zone()).toInstant();
                }
                remaining -= available;
            }
        }
        throw new IllegalArgumentException("limit beyond the calendar's horizon");
    }

    private Map<LocalDate, DayKind> lookup(LocalDate from, LocalDate to) {
        return days.findByDayBetweenOrderByDay(from, to).stream()
                .collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind));
    }

    static Function<LocalDate, Boolean> rule(Map<LocalDate, DayKind> special) {
        return day -> {
            DayKind kind = special.get(day);
            if (kind != null) {
                return kind == DayKind.WORKDAY;
            }
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        };
    }
}
