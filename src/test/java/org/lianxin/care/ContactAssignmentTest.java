package org.lianxin.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;

/** The contact assignment and the visit without Spring: ending, the once-per-period overdue mark, no future visits. */
class ContactAssignmentTest {

    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    static final MemberRef LIN = new MemberRef(7, "林志强", 3, "/1/2/3/", 70L);

    @Test
    void endingTwiceIsAConflictAndFreesTheHouseholdOnce() {
        ContactAssignment a = new ContactAssignment(1, LIN, 42, "/1/2/3/4/", "梅丽华", NOW);
        assertThat(a.active()).isTrue();
        a.end("梅丽华", NOW.plusSeconds(60));
        assertThat(a.active()).isFalse();
        assertThatThrownBy(() -> a.end("梅丽华", NOW.plusSeconds(120))).isInstanceOf(ConflictException.class);
    }

    @Test
    void anOverduePeriodIsMarkedOnceAndTheNextPeriodAgain() {
        ContactAssignment a = new ContactAssignment(1, LIN, 42, "/1/2/3/4/", "梅丽华", NOW);
        Instant due = NOW.plus(Duration.ofDays(7));
        assertThat(a.markOverdueNotified(due)).isTrue();
        assertThat(a.markOverdueNotified(due)).isFalse();
        assertThat(a.markOverdueNotified(due.plus(Duration.ofDays(7)))).isTrue();
    }

    @Test
    void aVisitCannotBeLaterThanNowBeyondAPhonesClockSkew() {
        Visit.Visitor visitor = new Visit.Visitor(70, 7L, "林志强");
        assertThatThrownBy(() -> new Visit(1, Visit.Kind.HOUSEHOLD, 42L, null, "/1/2/3/4/", visitor,
                NOW.plus(Duration.ofHours(1)), NOW, "看望", true, List.of(), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("visitedAt");
        Visit ok = new Visit(2, Visit.Kind.CARE, null, 9L, "/1/2/3/", visitor, NOW.plus(Duration.ofMinutes(2)), NOW,
                " 看望 ", true, List.of(CareItem.TALK_POLICY, CareItem.LOOK), " ", "楼道灯坏了");
        assertThat(ok.checklist()).containsExactly(CareItem.LOOK, CareItem.TALK_POLICY);
        assertThat(ok.seen()).isEqualTo("看望");
        assertThat(ok.raisedNeed()).isNull();
        assertThat(ok.raisedCase()).isEqualTo("楼道灯坏了");
    }
}
