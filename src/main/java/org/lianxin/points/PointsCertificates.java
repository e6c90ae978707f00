package org.lianxin.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.points.PointsEntry.Kind;
import org.lianxin.points.PointsEvents.CertificatePrinted;
import org.lianxin.shared.PrintedDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-hours certificate (志愿服务时长证明): the member, his community, total hours by source, every activity
 * with its date and hours (net of corrections and reversals), the issue date and a serial number kept in
 * {@code points_certificate} so a printed certificate can be checked.
 */
@Component
@Transactional
class PointsCertificates {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** One service line: the first entry's reason and date, and the net minutes. */
    record Line(String reason, Instant at, int minutes) {
    }

    private final PointsEntryRepository entries;
    private final PrintedDocuments documents;
    private final JdbcTemplate jdbc;
    private final org.lianxin.shared.Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PointsCertificates(PointsEntryRepository entries, PrintedDocuments documents, JdbcTemplate jdbc,
                       org.lianxin.shared.Ids ids, ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.documents = documents;
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    /** The source group an entry counts for (a reversal counts for its original's). */
    private static String group(PointsEntry e, Map<Long, PointsEntry> byId) {
        PointsEntry origin = e.reversesEntryId() != null && byId.containsKey(e.reversesEntryId())
                ? byId.get(e.reversesEntryId()) : e;
        return switch (origin.kind()) {
            case ACTIVITY, ATTENDANCE_REVERSAL, ATTENDANCE_CORRECTED -> "志愿服务活动";
            case SERVICE_TASK -> "服务任务";
            default -> "其他";
        };
    }

    /** The service key of an entry: which activity sign-up or task place it counts for. */
    private static String serviceKey(PointsEntry e, Map<Long, PointsEntry> byId) {
        PointsEntry origin = e.reversesEntryId() != null && byId.containsKey(e.reversesEntryId())
                ? byId.get(e.reversesEntryId()) : e;
        return switch (origin.kind()) {
            case ACTIVITY -> "A" + origin.sourceId();
            case ATTENDANCE_REVERSAL, ATTENDANCE_CORRECTED -> "A" + origin.sourceId().split("/")[0];
            case SERVICE_TASK -> "T" + origin.sourceId();
            default -> null;
        };
    }

    /** The service lines of a member (activities and tasks with hours left after corrections), oldest first. */
    List<Line> lines(long memberId) {
        List<PointsEntry> all = entries.findByHolderMemberIdOrderByAtAscIdAsc(memberId);
        Map<Long, PointsEntry> byId = new LinkedHashMap<>();
        all.forEach(e -> byId.put(e.id(), e));
        Map<String, Line> lines = new LinkedHashMap<>();
        for (PointsEntry e : all) {
            String key = serviceKey(e, byId);
            if (key == null) {
                continue;
            }
            Line before = lines.get(key);
            boolean original = e.kind() == Kind.ACTIVITY || e.kind() == Kind.SERVICE_TASK;
            lines.put(key, before == null ? new Line(e.reason(), e.at(), e.minutes())
                    : new Line(original ? e.reason() : before.reason(), before.at(), before.minutes() + e.minutes()));
        }
        return lines.values().stream().filter(l -> l.minutes() > 0).toList();
    }

    /** Renders the certificate and records its serial number. */
    byte[] print(MemberRef member, String communityName, String issuedBy) {
        List<PointsEntry> all = entries.findByHolderMemberIdOrderByAtAscIdAsc(member.id());
        Map<Long, PointsEntry> byId = new LinkedHashMap<>();
        all.forEach(e -> byId.put(e.id(), e));
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        byGroup.put("志愿服务活动", 0);
        byGroup.put("服务任务", 0);
        int total = 0;
        for (PointsEntry e : all) {
            String group = group(e, byId);
            if (byGroup.containsKey(group)) {
                byGroup.merge(group, e.minutes(), Integer::sum);
                total += e.minutes();
            }
        }
        List<Line> lines = lines(member.id());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        String serial = "LXZM-" + today.getYear() + "-" + ids.next("points_seq");
        jdbc.update("insert into points_certificate (serial, member_id, total_minutes, issued_at, issued_by) "
                + "values (?, ?, ?, ?, ?)", serial, member.id(), total, java.sql.Timestamp.from(now), issuedBy);
        events.publishEvent(new CertificatePrinted(serial, member.id(), total));
        int totalMinutes = total;
        return documents.render("志愿服务时长证明", sheet -> {
            sheet.heading("志愿服务时长证明");
            sheet.field("证明编号", serial);
            sheet.field("姓名", member.name());
            sheet.field("所在社区", communityName);
            sheet.statement("兹证明 " + member.name() + " 同志在" + communityName + "参加志愿服务，截至 " + today.format(DATE)
                    + "，累计志愿服务时长 " + PointsLedger.hours(totalMinutes) + " 小时。");
            sheet.subheading("服务时长（按来源）");
            List<List<String>> groups = new ArrayList<>();
            byGroup.forEach((group, minutes) -> groups.add(List.of(group, PointsLedger.hours(minutes) + " 小时")));
            groups.add(List.of("合计", PointsLedger.hours(totalMinutes) + " 小时"));
            sheet.table(List.of("来源", "时长"), groups, 3, 2);
            sheet.subheading("服务记录");
            List<List<String>> rows = new ArrayList<>();
            for (Line line : lines) {
                rows.add(List.of(LocalDate.ofInstant(line.at(), ZONE).format(DATE), line.reason(),
                        PointsLedger.hours(line.minutes())));
            }
            if (rows.isEmpty()) {
                rows.add(List.of("—", "暂无服务记录", "0.0"));
            }
            sheet.table(List.of("日期", "服务内容", "时长（小时）"), rows, 2, 6, 1.5f);
            sheet.signature(communityName + "（盖章）", "开具日期：" + today.format(DATE));
        });
    }
}
