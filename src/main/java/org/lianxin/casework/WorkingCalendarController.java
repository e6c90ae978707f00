package org.lianxin.casework;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar: a year's holidays and adjusted working days, and deadline trials. */
@Tag(name = "Working calendar")
@RestController
@RequestMapping("/api/v1/working-calendar")
@Transactional
class WorkingCalendarController {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    record DayForm(LocalDate date, DayKind kind, @Size(max = 40) String name) {
    }

    record YearForm(@NotNull Integer year, @Size(max = 200) String source, Long version,
                    @NotNull @Size(max = 120) List<@Valid DayForm> days) {
    }

    record DayView(LocalDate date, DayKind kind, String name, DayOfWeek weekday) {
    }

    record YearView(int year, boolean loaded, Instant loadedAt, String loadedBy, String source, Long version,
                    long holidays, long workdays, List<DayView> days) {
    }

    record DeadlineForm(@NotNull Instant start, Integer workingDays, Integer workingHours) {
    }

    record DeadlineView(Instant start, Integer workingDays, Integer workingHours, Instant deadline, boolean yearLoaded) {
    }

    private final CalendarRepository days;
    private final CalendarYearRepository years;
    private final WorkingCalendar calendar;
    private final CaseworkPermissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkingCalendarController(CalendarRepository days, CalendarYearRepository years, WorkingCalendar calendar,
                              CaseworkPermissions permissions, ApplicationEventPublisher events, Clock clock) {
        this.days = days;
        this.years = years;
        this.calendar = calendar;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "A year's holidays and adjusted working days (default: this year)")
    @GetMapping
    @Transactional(readOnly = true)
    YearView year(@CurrentUser Actor actor, @RequestParam(required = false) Integer year) {
        permissions.checkCalendarRead(actor);
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        checkYear(y);
        return view(y);
    }

    @Operation(summary = "Load or replace a year's holidays and adjusted working days (district administrator)")
    @PutMapping
    YearView load(@CurrentUser Actor actor, @Valid @RequestBody YearForm form) {
        permissions.checkCalendarWrite(actor);
        checkYear(form.year());
        List<FieldProblem> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < form.days().size(); i++) {
            DayForm day = form.days().get(i);
            String at = "days[" + i + "].";
            if (day == null || day.date() == null) {
                problems.add(new FieldProblem(at + "date", "validation.required"));
                continue;
            }
            if (day.kind() == null) {
                problems.add(new FieldProblem(at + "kind", "validation.required"));
            }
            if (day.name() == null || day.name().isBlank()) {
                problems.add(new FieldProblem(at + "name", "validation.required"));
            }
            if (day.date().getYear() != form.year()) {
                problems.add(new FieldProblem(at + "date", "calendar.day.other-year", day.date(), form.year()));
            } else if (!seen.add(day.date())) {
                problems.add(new FieldProblem(at + "date", "calendar.day.duplicate", day.date()));
            } else if (day.kind() != null) {
                boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
                if (day.kind() == DayKind.HOLIDAY && weekend) {
                    problems.add(new FieldProblem(at + "kind", "calendar.day.holiday-on-weekend", day.date()));
                } else if (day.kind() == DayKind.WORKDAY && !weekend) {
                    problems.add(new FieldProblem(at + "kind", "calendar.day.workday-on-weekday", day.date()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        CalendarYear year = years.findById(form.year()).orElseGet(() -> new CalendarYear(form.year()));
        if (form.version() != null && year.version() != null && !Objects.equals(form.version(), year.version())) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        days.deleteYear(form.year());
        days.flush();
        days.saveAll(form.days().stream().map(d -> new CalendarDay(d.date(), d.kind(), d.name().strip())).toList());
        String source = form.source() == null || form.source().isBlank() ? null : form.source().strip();
        year.loaded(actor.displayName(), source, clock.instant());
        years.saveAndFlush(year);
        long holidays = form.days().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
        events.publishEvent(new CaseworkEvents.CalendarYearLoaded(form.year(), (int) holidays,
                form.days().size() - (int) holidays, source));
        return view(form.year());
    }

    @Operation(summary = "Try a time limit: the deadline of N working days or hours from a moment")
    @PostMapping("/deadline")
    @Transactional(readOnly = true)
    DeadlineView deadline(@CurrentUser Actor actor, @Valid @RequestBody DeadlineForm form) {
        permissions.checkCalendarRead(actor);
        if ((form.workingDays() == null) == (form.workingHours() == null)) {
            throw new InvalidInputException("workingDays", "calendar.limit.one-of");
        }
        if (form.workingDays() != null && (form.workingDays() < 1 || form.workingDays() > 250)) {
            throw new InvalidInputException("workingDays", "validation.range", 1, 250);
        }
        if (form.workingHours() != null && (form.workingHours() < 1 || form.workingHours() > 2000)) {
            throw new InvalidInputException("workingHours", "validation.range", 1, 2000);
        }
        Instant deadline = form.workingDays() != null ? calendar.plusWorkingDays(form.start(), form.workingDays())
                : calendar.plusWorkingHours(form.start(), Duration.ofHours(form.workingHours()));
        int deadlineYear = deadline.atZone(calendar.zone()).getYear();
        return new DeadlineView(form.start(), form.workingDays(), form.workingHours(), deadline,
                years.findById(deadlineYear).map(y -> y.loadedAt() != null).orElse(false));
    }

    private void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "validation.range", FIRST_YEAR, LAST_YEAR);
        }
    }

    private YearView view(int year) {
        List<DayView> list = days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(d -> new DayView(d.day(), d.kind(), d.name(), d.day().getDayOfWeek())).toList();
        CalendarYear loaded = years.findById(year).orElse(null);
        return new YearView(year, loaded != null && loaded.loadedAt() != null, loaded == null ? null : loaded.loadedAt(),
                loaded == null ? null : loaded.loadedBy(), loaded == null ? null : loaded.source(),
                loaded == null ? null : loaded.version(),
                list.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count(),
                list.stream().filter(d -> d.kind() == DayKind.WORKDAY).count(), list);
    }
}
