package org.lianxin.volunteer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.lianxin.organization.Areas;
import org.lianxin.shared.Actor;
import org.lianxin.shared.AuditableEvent;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.Spreadsheets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hours and participation reports (志愿服务统计): confirmed attendance (sign-ups ATTENDED) of the activities in the
 * caller's scope, summed per member, service team, community, campaign, publishing grid branch or partner unit by SQL
 * aggregates, for a period of activity
 * start dates (China time); in the console as a table and chart, and as an audited Excel export.
 */
@Tag(name = "志愿服务统计 Volunteer reports")
@RestController
@RequestMapping("/api/v1/volunteer-reports")
@Transactional(readOnly = true)
class VolunteerReportController {

    /**
     * What the figures are summed by: also the grid branches (网格党支部) and the partner units (共建单位) that published
     * the activities (by the organiser the activity names; lines numbered from 1 in the report's order).
     */
    enum By { MEMBER, TEAM, COMMUNITY, CAMPAIGN, GRID_BRANCH, PARTNER_UNIT }

    /**
     * One line: {@code activities} with confirmed attendance, distinct {@code members} who attended, {@code attendances}
     * (member × activity), {@code minutes} of service.
     */
    record Line(long id, String name, long activities, long members, long attendances, long minutes) {
    }

    /** A report: its lines (paged, most minutes first) and the totals over all of them. */
    record Report(String by, LocalDate from, LocalDate to, PageView<Line> lines, long activities, long members,
                  long attendances, long minutes) {
    }

    /** The export, audited with its grouping, period and number of lines (no names). */
    record VolunteerReportExported(String by, String period, int lines) implements AuditableEvent {
        @Override
        public String action() {
            return "volunteer-report.export";
        }

        @Override
        public String objectType() {
            return "VolunteerReport";
        }

        @Override
        public String objectId() {
            return by;
        }

        @Override
        public String detail() {
            return period + ", " + lines + " lines";
        }
    }

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final String FIGURES = "count(distinct a.id), count(distinct s.member_id), count(*), "
            + "coalesce(sum(s.minutes), 0)";

    private final JdbcTemplate jdbc;
    private final VolunteerPermissions permissions;
    private final Areas areas;
    private final ApplicationEventPublisher events;

    VolunteerReportController(JdbcTemplate jdbc, VolunteerPermissions permissions, Areas areas,
                              ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.areas = areas;
        this.events = events;
    }

    @Operation(summary = "Hours and participation per member, service team, community, campaign, grid branch or partner "
            + "unit (by), in scope")
    @GetMapping
    Report report(@CurrentUser Actor actor, @RequestParam(required = false) String by,
                  @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var paging = Paging.of(page, size, org.springframework.data.domain.Sort.unsorted());
        By grouping = by(by);
        Where where = where(actor, from, to);
        List<Line> all = lines(grouping, where);
        int start = (int) Math.min(paging.getOffset(), all.size());
        int end = Math.min(start + paging.getPageSize(), all.size());
        PageView<Line> lines = new PageView<>(all.subList(start, end), paging.getPageNumber(), paging.getPageSize(),
                all.size(), (all.size() + paging.getPageSize() - 1) / paging.getPageSize());
        List<Object[]> totals = jdbc.query("select " + FIGURES + " from sign_up s join activity a on a.id = s.activity_id"
                + where.sql, (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                where.args.toArray());
        Object[] t = totals.get(0);
        return new Report(grouping.name(), from, to, lines, (long) t[0], (long) t[1], (long) t[2], (long) t[3]);
    }

    @Operation(summary = "The same report as an Excel file (audited)")
    @GetMapping("/export")
    @Transactional // not read-only: the audit entry is written in this transaction
    void export(@CurrentUser Actor actor, @RequestParam(required = false) String by,
                @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                HttpServletResponse response) throws IOException {
        By grouping = by(by);
        Where where = where(actor, from, to);
        List<Line> all = lines(grouping, where);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        String[] zh = {"党员", "服务队", "社区", "主题行动", "网格党支部", "共建单位"};
        String[] enNames = {"Member", "Service team", "Community", "Campaign", "Grid branch", "Partner unit"};
        String label = (en ? enNames : zh)[grouping.ordinal()];
        List<String> headers = en ? List.of(label, "Activities", "Members taking part", "Attendances", "Hours")
                : List.of(label, "活动数", "参与人数", "参与人次", "服务时长（小时）");
        Spreadsheets.attachment(response, (en ? "volunteer-report-" : "志愿服务统计-") + grouping.name().toLowerCase(Locale.ROOT)
                + "-" + LocalDate.now(CHINA) + ".xlsx");
        try (Spreadsheets.Writer writer = new Spreadsheets.Writer(response.getOutputStream(),
                en ? "Volunteer report" : "志愿服务统计", headers)) {
            for (Line line : all) {
                writer.row(List.of(line.name(), line.activities(), line.members(), line.attendances(),
                        hours(line.minutes())));
            }
        }
        events.publishEvent(new VolunteerReportExported(grouping.name(), (from == null ? "…" : from.toString()) + " – "
                + (to == null ? "…" : to.toString()), all.size()));
    }

    static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }

    private static By by(String by) {
        if (by == null || by.isBlank()) {
            return By.COMMUNITY;
        }
        try {
            return By.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("by", "volunteer-report.by.unknown");
        }
    }

    /** The SQL condition (attended lines of activities in scope and period) and its arguments. */
    private record Where(String sql, List<Object> args, List<String> prefixes) {
    }

    private Where where(Actor actor, LocalDate from, LocalDate to) {
        Scope scope = permissions.staffScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(VolunteerPermissions.READ);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "volunteer-report.period");
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(" where s.state = 'ATTENDED' and (");
        List<String> prefixes = scope.prefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            sql.append(i == 0 ? "" : " or ").append("a.area_path like ?");
            args.add(prefixes.get(i) + "%");
        }
        sql.append(')');
        if (from != null) {
            sql.append(" and a.starts_at >= ?");
            args.add(java.sql.Timestamp.from(from.atStartOfDay(CHINA).toInstant()));
        }
        if (to != null) {
            sql.append(" and a.starts_at < ?");
            args.add(java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant()));
        }
        return new Where(sql.toString(), args, prefixes);
    }

    private List<Line> lines(By by, Where where) {
        String from = " from sign_up s join activity a on a.id = s.activity_id";
        List<Line> lines = switch (by) {
            case MEMBER -> query("select s.member_id, min(s.member_name), " + FIGURES + from + where.sql
                    + " group by s.member_id", where.args);
            case TEAM -> query("select t.id, min(t.name), " + FIGURES + from + " join service_team t on t.id = "
                    + "a.service_team_id" + where.sql + " group by t.id", where.args);
            case CAMPAIGN -> query("select c.id, min(c.name), " + FIGURES + from + " join campaign_action ca on ca.id = "
                    + "a.campaign_action_id join campaign c on c.id = ca.campaign_id" + where.sql + " group by c.id",
                    where.args);
            case COMMUNITY -> communities(where);
            case GRID_BRANCH -> organisers("GRID_BRANCH", where);
            case PARTNER_UNIT -> organisers("PARTNER_UNIT", where);
        };
        List<Line> sorted = lines.stream().sorted(Comparator.comparingLong(Line::minutes).reversed()
                .thenComparing(Line::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        if (by != By.GRID_BRANCH && by != By.PARTNER_UNIT) {
            return sorted;
        }
        // an organiser is known by the name the activity gives: its lines are numbered in the report's order
        List<Line> numbered = new ArrayList<>();
        for (Line l : sorted) {
            numbered.add(new Line(numbered.size() + 1, l.name(), l.activities(), l.members(), l.attendances(), l.minutes()));
        }
        return numbered;
    }

    /** Per organiser of one kind (the grid branches, or the partner units, that published the activities). */
    private List<Line> organisers(String kind, Where where) {
        List<Object> args = new ArrayList<>(where.args);
        args.add(kind);
        return query("select 0, a.organiser_name, " + FIGURES + " from sign_up s join activity a on a.id = s.activity_id"
                + where.sql + " and a.organiser_kind = ? group by a.organiser_name", args);
    }

    private List<Line> query(String sql, List<Object> args) {
        return jdbc.query(sql, (rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6)), args.toArray());
    }

    /**
     * Per community: the communities above or at the activities' areas (a path holds its ancestors' ids), then one
     * aggregate per community over the activities under its path.
     */
    private List<Line> communities(Where where) {
        List<String> paths = jdbc.queryForList("select distinct a.area_path from sign_up s join activity a on a.id = "
                + "s.activity_id" + where.sql, String.class, where.args.toArray());
        Set<Long> ids = new LinkedHashSet<>();
        for (String path : paths) {
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    ids.add(Long.parseLong(part));
                }
            }
        }
        Map<String, Areas.AreaRef> communities = new TreeMap<>(areas.findAll(ids).stream()
                .filter(a -> "COMMUNITY".equals(a.level())).collect(Collectors.toMap(Areas.AreaRef::path, a -> a)));
        List<Line> lines = new ArrayList<>();
        for (Areas.AreaRef community : communities.values()) {
            List<Object> args = new ArrayList<>(where.args);
            args.add(community.path() + "%");
            lines.addAll(jdbc.query("select " + FIGURES + " from sign_up s join activity a on a.id = s.activity_id"
                    + where.sql + " and a.area_path like ?", (rs, n) -> new Line(community.id(), community.name(),
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), args.toArray()));
        }
        return lines;
    }
}
