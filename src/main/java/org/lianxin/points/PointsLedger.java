package org.lianxin.points;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.points.PointsEntry.Kind;
import org.lianxin.points.PointsEvents.PointsEntryRecorded;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of the points ledger. Each credit names its source (type and id) and kind; one that is already in
 * the ledger for the same member is skipped, so the same event delivered twice credits once (the unique key
 * {@code (source_type, source_id, holder_member_id, kind)} catches two deliveries racing: the loser's transaction
 * rolls back, its event publication stays incomplete and its redelivery finds the entry and skips).
 */
@Component
@Transactional
class PointsLedger {

    static final String SYSTEM = "系统";
    private static final Logger log = LoggerFactory.getLogger(PointsLedger.class);

    /** Who earns: the member, his login if known, and the path of his community (scope). */
    record Holder(long memberId, Long accountId, String areaPath) {
    }

    private final PointsEntryRepository entries;
    private final PointsRules rules;
    private final PartyMembers members;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PointsLedger(PointsEntryRepository entries, PointsRules rules, PartyMembers members, Ids ids,
                 ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.rules = rules;
        this.members = members;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    /** The member as the ledger records him: his community's path, else the path the event names. */
    Holder holder(long memberId, Long accountId, String fallbackPath) {
        Optional<MemberRef> ref = members.find(memberId);
        return new Holder(memberId, accountId != null ? accountId : ref.map(MemberRef::accountId).orElse(null),
                ref.map(MemberRef::communityPath).orElse(fallbackPath));
    }

    /** Attended an activity: points for the minutes, at his subdistrict's rate per hour. {@code title} may be null. */
    Optional<PointsEntry> activity(Holder holder, long activityId, long signUpId, String title, int minutes, Instant at) {
        int points = rules.ratesFor(holder.areaPath()).forMinutes(minutes);
        return credit(holder, points, Kind.ACTIVITY, "ACTIVITY", String.valueOf(signUpId), minutes,
                "参加志愿服务活动" + activityName(activityId, title) + "，服务 " + hours(minutes) + " 小时", at, SYSTEM);
    }

    /**
     * An attendance was corrected: the points and minutes held for that sign-up so far are taken back, and the new
     * minutes credited at the current rate; both entries carry the reason. Once per correction (its time).
     */
    List<PointsEntry> attendanceCorrected(Holder holder, long activityId, long signUpId, String title, int minutesAfter,
                                          String reason, Instant at) {
        String source = signUpId + "/" + at.toEpochMilli();
        if (entries.existsBySourceTypeAndSourceIdAndHolderMemberIdAndKind("ATTENDANCE_CORRECTION", source,
                holder.memberId(), Kind.ATTENDANCE_CORRECTED)) {
            return List.of();
        }
        int heldPoints = 0;
        int heldMinutes = 0;
        List<PointsEntry> all = entries.findByHolderMemberIdOrderByAtAscIdAsc(holder.memberId());
        for (PointsEntry e : all) {
            if (ofSignUp(e, signUpId) || e.reversesEntryId() != null
                    && all.stream().anyMatch(o -> o.id().equals(e.reversesEntryId()) && ofSignUp(o, signUpId))) {
                heldPoints += e.amount();
                heldMinutes += e.minutes();
            }
        }
        String why = reason == null || reason.isBlank() ? "" : "（" + reason.strip() + "）";
        PointsEntry back = credit(holder, -heldPoints, Kind.ATTENDANCE_REVERSAL, "ATTENDANCE_CORRECTION", source,
                -heldMinutes, "考勤更正，冲回活动" + activityName(activityId, title) + "原记 " + hours(heldMinutes) + " 小时"
                        + why, at, SYSTEM).orElseThrow();
        int points = rules.ratesFor(holder.areaPath()).forMinutes(minutesAfter);
        PointsEntry again = credit(holder, points, Kind.ATTENDANCE_CORRECTED, "ATTENDANCE_CORRECTION", source,
                minutesAfter, "考勤更正，活动" + activityName(activityId, title) + "按 " + hours(minutesAfter) + " 小时重新计分"
                        + why, at, SYSTEM).orElseThrow();
        return List.of(back, again);
    }

    private static boolean ofSignUp(PointsEntry e, long signUpId) {
        return "ACTIVITY".equals(e.sourceType()) && e.sourceId().equals(String.valueOf(signUpId))
                || "ATTENDANCE_CORRECTION".equals(e.sourceType()) && e.sourceId().startsWith(signUpId + "/");
    }

    Optional<PointsEntry> wish(Holder holder, long wishId, String title, Instant at) {
        return credit(holder, rules.ratesFor(holder.areaPath()).perWish(), Kind.WISH, "WISH", String.valueOf(wishId), 0,
                "认领的微心愿" + (title != null ? "「" + title + "」" : "（编号 " + wishId + "）") + "已由居民确认实现", at, SYSTEM);
    }

    Optional<PointsEntry> need(Holder holder, long needId, String title, Instant at) {
        return credit(holder, rules.ratesFor(holder.areaPath()).perNeed(), Kind.NEED, "NEED", String.valueOf(needId), 0,
                "帮助解决的群众需求" + (title != null ? "「" + title + "」" : "（编号 " + needId + "）") + "已确认办结", at,
                SYSTEM);
    }

    Optional<PointsEntry> serviceTask(Holder holder, long taskId, long claimId, String title, int minutes, Instant at) {
        return credit(holder, rules.ratesFor(holder.areaPath()).perServiceTask(), Kind.SERVICE_TASK, "SERVICE_TASK",
                String.valueOf(claimId), Math.max(0, minutes), "完成服务任务" + (title != null ? "「" + title + "」"
                        : "（编号 " + taskId + "）") + (minutes > 0 ? "，服务 " + hours(minutes) + " 小时" : ""), at, SYSTEM);
    }

    Optional<PointsEntry> mailboxAnswer(Holder holder, long messageId, Instant at) {
        return credit(holder, rules.ratesFor(holder.areaPath()).perMailboxAnswer(), Kind.MAILBOX_ANSWER, "MAILBOX",
                String.valueOf(messageId), 0, "作为党员楼长答复居民信箱留言", at, SYSTEM);
    }

    /** Staff cancel an entry with a reason: a new entry with the opposite amount; the original stays as it was. */
    PointsEntry reverse(PointsEntry original, String reason, String by) {
        if (entries.findByReversesEntryId(original.id()).isPresent()) {
            throw new ConflictException("invalid-state", "points.entry.already-reversed", original.id());
        }
        Instant now = clock.instant();
        PointsEntry reversal = original.reversal(ids.next("points_seq"), reason.strip(), by, now);
        entries.saveAndFlush(reversal);
        events.publishEvent(new PointsEntryRecorded(reversal.id(), reversal.holderMemberId(), reversal.amount(),
                reversal.kind().name(), "entry " + original.id()));
        return reversal;
    }

    private Optional<PointsEntry> credit(Holder holder, int amount, Kind kind, String sourceType, String sourceId,
                                         int minutes, String reason, Instant at, String by) {
        if (holder.areaPath() == null) {
            log.warn("points: member {} has no community; {} {} not credited", holder.memberId(), sourceType, sourceId);
            return Optional.empty();
        }
        if (entries.existsBySourceTypeAndSourceIdAndHolderMemberIdAndKind(sourceType, sourceId, holder.memberId(), kind)) {
            return Optional.empty();
        }
        PointsEntry entry = new PointsEntry(ids.next("points_seq"), holder.memberId(), holder.accountId(), amount, kind,
                sourceType, sourceId, minutes, reason, null, at, clock.instant(), by, holder.areaPath());
        entries.saveAndFlush(entry);
        events.publishEvent(new PointsEntryRecorded(entry.id(), holder.memberId(), amount, kind.name(),
                sourceType.toLowerCase(java.util.Locale.ROOT) + " " + sourceId));
        return Optional.of(entry);
    }

    private static String activityName(long activityId, String title) {
        return title != null ? "「" + title + "」" : "（活动编号 " + activityId + "）";
    }

    static String hours(int minutes) {
        return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
