package org.lianxin.matching;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.matching.MatchingEvents.MatchingStatisticsExported;
import org.lianxin.matching.MatchingStatistics.Figures;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 三单统计: the matching figures of an area in the caller's scope (default: the top of his scope) over a date range
 * (default: this year), as totals and one row per child area to drill down, in JSON or as an audited Excel export.
 */
@Tag(name = "三单统计 Matching statistics")
@RestController
@RequestMapping("/api/v1")
@Transactional(readOnly = true)
class MatchingStatisticsController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record AreaView(long id, String name, String level) {
    }

    record Row(AreaView area, Figures figures) {
    }

    record StatisticsView(AreaView area, AreaView parent, LocalDate from, LocalDate to, Figures totals, List<Row> rows) {
    }

    private final MatchingStatistics statistics;
    private final MatchingPermissions permissions;
    private final Areas areas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MatchingStatisticsController(MatchingStatistics statistics, MatchingPermissions permissions, Areas areas,
                                 ApplicationEventPublisher events, Clock clock) {
        this.statistics = statistics;
        this.permissions = permissions;
        this.areas = areas;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Matching figures (units, offers, needs by state, match rate, medians, service tasks, wishes, "
            + "micro-projects) of an area in the caller's scope and of each of its child areas; from/to default to this year")
    @GetMapping("/matching-statistics")
    StatisticsView get(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                       @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return compute(actor, areaId, from, to);
    }

    @Operation(summary = "The same figures as an .xlsx file, one line per child area and a total line; audited")
    @GetMapping("/matching-statistics.xlsx")
    @Transactional
    void export(@CurrentUser Actor actor, @RequestParam(required = false) Long areaId,
                @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                HttpServletResponse response) throws IOException {
        StatisticsView view = compute(actor, areaId, from, to);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        List<String> headers = en
                ? List.of("Area", "Partner units", "Offers", "Needs", "To dispatch", "Dispatched", "Returned", "Taken",
                "To confirm", "Closed", "Cancelled", "Match rate", "Median hours to take", "Median hours to fulfil",
                "Service tasks", "Places", "Places filled", "Wishes fulfilled", "Wishes confirmed",
                "Micro-projects accepted")
                : List.of("区域", "结对单位", "资源", "需求", "待派单", "待接单", "已退回", "已接单", "待确认", "已办结",
                "已撤销", "接单率", "接单用时中位数（小时）", "办结用时中位数（小时）", "服务任务", "服务名额", "已认领名额",
                "微心愿已实现", "微心愿已确认", "微项目已验收");
        Spreadsheets.attachment(response, (en ? "matching-statistics-" : "三单统计-") + view.area().name() + "-"
                + view.from() + "-" + view.to() + ".xlsx");
        int rows;
        try (Spreadsheets.Writer writer = new Spreadsheets.Writer(response.getOutputStream(),
                en ? "Matching statistics" : "三单统计", headers)) {
            for (Row row : view.rows()) {
                writer.row(line(row.area().name(), row.figures()));
            }
            writer.row(line((en ? "Total " : "合计 ") + view.area().name(), view.totals()));
            rows = writer.rows();
        }
        events.publishEvent(new MatchingStatisticsExported(view.area().id(), view.from(), view.to(), rows));
    }

    private static List<Object> line(String name, Figures f) {
        List<Object> line = new ArrayList<>(List.of(name, f.partnerUnits(), f.offers(), f.needs()));
        for (NeedState s : NeedState.values()) {
            line.add(f.needsByState().get(s.name()));
        }
        line.add(f.matchRate() == null ? "" : f.matchRate());
        line.add(f.medianHoursToTake() == null ? "" : f.medianHoursToTake());
        line.add(f.medianHoursToFulfil() == null ? "" : f.medianHoursToFulfil());
        line.addAll(List.of(f.serviceTasks(), f.places(), f.placesFilled(), f.wishesFulfilled(), f.wishesConfirmed(),
                f.projectsAccepted()));
        return line;
    }

    private StatisticsView compute(Actor actor, Long areaId, LocalDate from, LocalDate to) {
        Scope scope = permissions.staffScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(MatchingPermissions.NEED_READ);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today.withDayOfYear(1).plusYears(1).minusDays(1);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "matching-statistics.range.reversed");
        }
        if (end.isAfter(start.plusYears(10))) {
            throw new InvalidInputException("to", "matching-statistics.range.too-long");
        }
        long id = areaId != null ? areaId : idOf(scope.prefixes().get(0));
        AreaRef area = areas.find(id).filter(a -> scope.contains(a.path()))
                .orElseThrow(() -> new NotFoundException("Area"));
        List<AreaRef> children = areas.children(area.id());
        Instant fromInstant = start.atStartOfDay(ZONE).toInstant();
        Instant toInstant = end.plusDays(1).atStartOfDay(ZONE).toInstant();
        Figures totals = statistics.of(List.of(area.path()), start, end, fromInstant, toInstant).get(0);
        List<Figures> figures = statistics.of(children.stream().map(AreaRef::path).toList(), start, end, fromInstant,
                toInstant);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            rows.add(new Row(view(children.get(i)), figures.get(i)));
        }
        AreaView parent = null;
        String[] ids = area.path().split("/");
        if (ids.length > 2) {
            String parentPath = area.path().substring(0, area.path().length() - ids[ids.length - 1].length() - 1);
            if (scope.contains(parentPath)) {
                parent = areas.find(idOf(parentPath)).map(MatchingStatisticsController::view).orElse(null);
            }
        }
        return new StatisticsView(view(area), parent, start, end, totals, rows);
    }

    private static AreaView view(AreaRef area) {
        return new AreaView(area.id(), area.name(), area.level());
    }

    /** The id a materialized path ends with ({@code /1/12/} → 12). */
    private static long idOf(String path) {
        String[] parts = path.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }
}
