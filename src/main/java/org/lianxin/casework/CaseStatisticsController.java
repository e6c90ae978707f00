package org.lianxin.casework;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

import org.lianxin.care.VisitCoverage;
import org.lianxin.casework.CaseStatisticsSql.Figures;
import org.lianxin.casework.CaseworkEvents.CaseStatisticsExported;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.Scope;
import org.lianxin.shared.Spreadsheets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case statistics of an area and a period (issue 8, item 10): one row per child area plus the area's own cases and
 * a total. Counted over the cases reported in the period [from, to] (China dates): cases, open, overdue now (open
 * past their deadline), closed (CLOSED or RATED), on time (closed and never past a step's deadline, {@code late}),
 * median handling time (report to close, hours, over the closed), escalated (ever escalated, over the cases that were
 * not rejected or marked duplicate), and the visit coverage of the 1+n contact households from {@link VisitCoverage}.
 * Grouped SQL aggregates in the caller's scope, medians included ({@link CaseStatisticsSql}); an area outside it is 404.
 * No cache: a subdistrict's year over 200,000 cases answers 20 requests/s in about 70 ms (bench/README.md), always
 * exact.
 */
@RestController
@RequestMapping("/api/v1")
class CaseStatisticsController {

    static final int MAX_DAYS = 400;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** One line: an area (or the total, areaId null) with its figures; rates 0–1, null where nothing to divide. */
    record Row(Long areaId, String areaName, long cases, long open, long overdue, long closed, long onTime,
               Double onTimeRate, Double medianHandlingHours, long escalated, Double escalationRate,
               long contactHouseholds, long visitedInTime, Double visitCoverage) {
    }

    /** A count under a code (category or state), with its label where the server knows one. */
    record Count(String code, String label, long count) {
    }

    record Statistics(long areaId, String areaName, String areaLevel, LocalDate from, LocalDate to, List<Row> rows,
                      Row total, List<Count> categories, List<Count> states) {
    }

    private final JdbcTemplate jdbc;
    private final Areas areas;
    private final VisitCoverage coverage;
    private final CaseCategoryRepository categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseStatisticsController(JdbcTemplate jdbc, Areas areas, VisitCoverage coverage,
                             CaseCategoryRepository categories, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.coverage = coverage;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Case statistics of an area (default: the top of the caller's scope) over a period of report "
            + "dates (default: the last 30 days): one row per child area, the area's own cases, and the total")
    @GetMapping("/case-statistics")
    @Transactional(readOnly = true)
    Statistics statistics(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return compute(period(actor, areaId, from, to));
    }

    @Operation(summary = "The same statistics as an .xlsx file; every export is audited")
    @GetMapping("/case-statistics.xlsx")
    @Transactional
    void export(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        Statistics s = compute(period(actor, areaId, from, to));
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        List<String> headers = en
                ? List.of("Area", "Cases", "Open", "Overdue now", "Closed", "Closed on time", "On-time rate",
                "Median handling (hours)", "Escalated", "Escalation rate", "Contact households", "Visited in time",
                "Visit coverage")
                : List.of("区域", "事件数", "办理中", "当前超期", "已办结", "按时办结", "按时办结率", "办理时长中位数（小时）",
                "上报升级数", "升级率", "联系户数", "按期走访户数", "走访覆盖率");
        Spreadsheets.attachment(response, (en ? "case-statistics-" : "事件统计-") + s.areaName() + "-" + s.from() + "-"
                + s.to() + ".xlsx");
        int rows;
        try (Spreadsheets.Writer writer = new Spreadsheets.Writer(response.getOutputStream(), en ? "Statistics" : "事件统计",
                headers)) {
            List<Row> all = new ArrayList<>(s.rows());
            all.add(s.total());
            for (Row r : all) {
                writer.row(Arrays.asList(r.areaName(), r.cases(), r.open(), r.overdue(), r.closed(), r.onTime(),
                        percent(r.onTimeRate()), r.medianHandlingHours() == null ? "" : String.format(Locale.ROOT, "%.1f",
                                r.medianHandlingHours()), r.escalated(), percent(r.escalationRate()),
                        r.contactHouseholds(), r.visitedInTime(), percent(r.visitCoverage())));
            }
            rows = writer.rows();
        }
        AreaRef area = areas.find(s.areaId()).orElseThrow();
        events.publishEvent(new CaseStatisticsExported(s.areaId(), area.path(), s.from().toString(), s.to().toString(),
                rows));
    }

    private static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** The area (in the caller's scope, else 404) and the period asked for, checked. */
    record Period(AreaRef area, LocalDate start, LocalDate end) {
    }

    Period period(Actor actor, Long areaId, LocalDate from, LocalDate to) {
        Scope scope = actor.scopeFor(CaseworkPermissions.CASE_READ);
        if (scope.isEmpty()) {
            throw new ForbiddenException(CaseworkPermissions.CASE_READ);
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "case.statistics.period");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidInputException("to", "case.statistics.too-long", MAX_DAYS);
        }
        AreaRef area;
        if (areaId == null) {
            String top = scope.prefixes().get(0);
            List<AreaRef> along = areas.along(top);
            if (along.isEmpty()) {
                throw new NotFoundException("Area");
            }
            area = along.get(along.size() - 1);
        } else {
            area = areas.find(areaId).filter(a -> scope.contains(a.path()))
                    .orElseThrow(() -> new NotFoundException("Area"));
        }
        return new Period(area, start, end);
    }

    Statistics compute(Period period) {
        AreaRef area = period.area();
        LocalDate start = period.start();
        LocalDate end = period.end();
        Timestamp now = Timestamp.from(clock.instant());

        // the slots: each child area, then the area's own cases (not under any child), then the total
        List<AreaRef> children = areas.children(area.id()).stream()
                .sorted(java.util.Comparator.comparing(AreaRef::id)).toList();
        int own = children.size();
        int slots = own + 1;
        Figures[] figures = new Figures[slots + 1];
        // every figure is an aggregate in the database, the medians included (percentile_cont, H2 and PostgreSQL),
        // so a year of a subdistrict costs a few grouped index scans and no rows are read into Java
        String cases = "from grid_case where " + CaseStatisticsSql.under(area.path(),
                start.atStartOfDay(CHINA).toInstant(), end.plusDays(1).atStartOfDay(CHINA).toInstant());
        String slot = CaseStatisticsSql.slot(children.stream().map(AreaRef::path).toList(), own);
        jdbc.query("select x.slot, " + CaseStatisticsSql.FIGURES + " from (select " + slot + " slot, state, deadline, "
                + "late, escalated, reported_at, closed_at " + cases + ") x group by x.slot", rs -> {
            figures[rs.getInt(1)] = Figures.of(rs, 2);
        }, now);
        figures[slots] = jdbc.queryForObject("select " + CaseStatisticsSql.FIGURES + " " + cases,
                (rs, i) -> Figures.of(rs, 1), now);

        List<String> prefixes = new ArrayList<>(children.stream().map(AreaRef::path).toList());
        prefixes.add(area.path());
        List<VisitCoverage.Coverage> visits = coverage.under(prefixes);
        long[] ownHouseholds = {visits.get(own).households() - visits.subList(0, own).stream()
                .mapToLong(VisitCoverage.Coverage::households).sum(),
                visits.get(own).visitedInTime() - visits.subList(0, own).stream()
                        .mapToLong(VisitCoverage.Coverage::visitedInTime).sum()};

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < own; i++) {
            rows.add(row(children.get(i).id(), children.get(i).name(), figures[i], visits.get(i).households(),
                    visits.get(i).visitedInTime()));
        }
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        if (figures[own] != null || ownHouseholds[0] > 0) {
            rows.add(row(area.id(), area.name() + (en ? " (own)" : "（本级）"), figures[own], ownHouseholds[0],
                    ownHouseholds[1]));
        }
        Row total = row(null, en ? "Total" : "合计", figures[slots], visits.get(own).households(),
                visits.get(own).visitedInTime());

        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        categories.findAll().forEach(c -> labels.put(c.code(), c.label(locale)));
        List<Count> categoryCounts = jdbc.query("select category, count(*) " + cases
                        + " group by category order by count(*) desc, category",
                (rs, i) -> new Count(rs.getString(1), labels.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getLong(2)));
        List<Count> stateCounts = jdbc.query("select state, count(*) " + cases + " group by state",
                        (rs, i) -> new Count(rs.getString(1), null, rs.getLong(2))).stream()
                .sorted(java.util.Comparator.comparing(c -> CaseState.valueOf(c.code()))).toList();
        return new Statistics(area.id(), area.name(), area.level(), start, end, rows, total, categoryCounts, stateCounts);
    }

    private static Row row(Long id, String name, Figures f, long households, long visited) {
        Figures n = f == null ? Figures.NONE : f;
        Double median = n.medianSeconds() == null ? null : Math.round(n.medianSeconds() / 360.0) / 10.0;
        return new Row(id, name, n.cases(), n.open(), n.overdue(), n.closed(), n.onTime(),
                n.closed() == 0 ? null : (double) n.onTime() / n.closed(), median, n.escalated(),
                n.handled() == 0 ? null : (double) n.escalated() / n.handled(), households, visited,
                households == 0 ? null : (double) visited / households);
    }
}
