package org.lianxin.care;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.InvalidInputException;

/**
 * A visit (走访): to a household (kind HOUSEHOLD) or, for a member in a care category, a care visit
 * (kind CARE, with the 一看二谈三送 checklist). Written once; a visit does not change afterwards. It may
 * raise a need and a case in the same step (their texts are kept here; the events carry them on).
 */
@Entity
@Table(name = "visit")
class Visit {

    static final int MAX_SEEN = 2000;
    static final int MAX_RAISED = 1000;
    /** How far ahead of the server's clock a phone's "now" may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    enum Kind { HOUSEHOLD, CARE }

    @Id
    private Long id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "cared_member_id")
    private Long caredMemberId;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "visitor_account_id")
    private Long visitorAccountId;
    @Column(name = "visitor_member_id")
    private Long visitorMemberId;
    @Column(name = "visitor_name")
    private String visitorName;
    @Column(name = "visited_at")
    private Instant visitedAt;
    private String seen;
    @Column(name = "resident_present")
    private boolean residentPresent;
    private String checklist;
    @Column(name = "raised_need")
    private String raisedNeed;
    @Column(name = "raised_case")
    private String raisedCase;
    @Column(name = "photo_type")
    private String photoType;
    private byte[] photo;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Visit() {
    }

    /** Who visited: the account, the member record if the visitor is a member, the name shown. */
    record Visitor(long accountId, Long memberId, String name) {
    }

    Visit(long id, Kind kind, Long householdId, Long caredMemberId, String areaPath, Visitor visitor, Instant visitedAt,
          Instant now, String seen, boolean residentPresent, Collection<CareItem> checklist, String raisedNeed,
          String raisedCase) {
        if (visitedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("visitedAt", "care.visit.in-future");
        }
        if (seen == null || seen.isBlank()) {
            throw new InvalidInputException("seen", "validation.required");
        }
        this.id = id;
        this.kind = kind;
        this.householdId = householdId;
        this.caredMemberId = caredMemberId;
        this.areaPath = areaPath;
        this.visitorAccountId = visitor.accountId();
        this.visitorMemberId = visitor.memberId();
        this.visitorName = visitor.name();
        this.visitedAt = visitedAt;
        this.seen = seen.strip();
        this.residentPresent = residentPresent;
        this.checklist = checklist.isEmpty() ? ","
                : EnumSet.copyOf(checklist).stream().map(Enum::name).collect(Collectors.joining(",", ",", ","));
        this.raisedNeed = blankToNull(raisedNeed);
        this.raisedCase = blankToNull(raisedCase);
        this.createdAt = now;
    }

    void attachPhoto(String type, byte[] data) {
        this.photoType = type;
        this.photo = data;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    Long id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    Long householdId() {
        return householdId;
    }

    Long caredMemberId() {
        return caredMemberId;
    }

    String areaPath() {
        return areaPath;
    }

    Long visitorAccountId() {
        return visitorAccountId;
    }

    String visitorName() {
        return visitorName;
    }

    Instant visitedAt() {
        return visitedAt;
    }

    String seen() {
        return seen;
    }

    boolean residentPresent() {
        return residentPresent;
    }

    List<CareItem> checklist() {
        return Arrays.stream(checklist.split(",")).filter(s -> !s.isBlank()).map(CareItem::valueOf).toList();
    }

    String raisedNeed() {
        return raisedNeed;
    }

    String raisedCase() {
        return raisedCase;
    }

    String photoType() {
        return photoType;
    }

    byte[] photo() {
        return photo;
    }

    Instant createdAt() {
        return createdAt;
    }
}
