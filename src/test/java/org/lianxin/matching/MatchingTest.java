package org.lianxin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The ranking of offers for a need, on a fixed data set: a broadband need in 时代城小区 (path /1/2/3/4/5/) of 北江社区
 * (/1/2/3/) in 西南街道 (/1/2/).
 */
class MatchingTest {

    static final String PLACE = "/1/2/3/4/5/";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Offer.Served COMPOUND = new Offer.Served(4, "时代城小区", "/1/2/3/4/");
    static final Offer.Served COMMUNITY = new Offer.Served(3, "北江社区", "/1/2/3/");
    static final Offer.Served SUBDISTRICT = new Offer.Served(2, "西南街道", "/1/2/");
    static final Offer.Served ELSEWHERE = new Offer.Served(9, "沙头社区", "/1/2/9/");

    private static Offer offer(long id, Long unitId, String category, int capacity, Offer.Served served,
                               LocalDate until) {
        Offer.Owner owner = unitId == null ? new Offer.Owner(Offer.OwnerKind.MEMBER, null, 77L, 700L, "刘明")
                : new Offer.Owner(Offer.OwnerKind.UNIT, unitId, null, null, "单位" + unitId);
        return new Offer(id, owner, new Offer.Terms("资源" + id, "说明", category, capacity, "联系人", "13800138001",
                LocalDate.of(2026, 1, 1), until), List.of(served), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);

    private static List<Offer> dataSet() {
        return List.of(
                offer(101, 1L, "BROADBAND_UTILITIES", 10, COMMUNITY, YEAR_END),   // 40 + 25 + 20·8/10=16 + 3 = 84
                offer(102, 2L, "BROADBAND_UTILITIES", 10, COMPOUND, YEAR_END),    // 40 + 30 + 20 + 0 = 90
                offer(103, 3L, "BROADBAND_UTILITIES", 5, SUBDISTRICT, YEAR_END),  // 40 + 20 + 0 (full) + 10 = 70
                offer(104, 1L, "LEGAL", 10, COMPOUND, YEAR_END),                  // 0 + 30 + 20 + 3 = 53
                offer(105, null, "BROADBAND_UTILITIES", 4, COMMUNITY, YEAR_END),  // 40 + 25 + 20 + 0 = 85
                offer(106, 4L, "BROADBAND_UTILITIES", 10, ELSEWHERE, YEAR_END),   // 40 + 0 + 20 + 0 = 60
                offer(107, 4L, "LEGAL", 10, ELSEWHERE, YEAR_END),                 // neither category nor place: left out
                offer(108, 2L, "BROADBAND_UTILITIES", 10, COMPOUND, LocalDate.of(2026, 6, 30)), // expired: left out
                offer(109, 5L, "BROADBAND_UTILITIES", 10, COMPOUND, YEAR_END));   // same score as 102: after it by id
    }

    private static final Map<Long, Matching.Record> RECORDS = Map.of(1L, new Matching.Record(5, 3),
            3L, new Matching.Record(20, 14));
    private static final Map<Long, Long> USED = Map.of(101L, 2L, 103L, 5L);

    @Test
    void offersAreRankedByCategoryPlaceCapacityAndRecordWithTiesBrokenById() {
        List<Matching.Proposal> ranked = Matching.rank("BROADBAND_UTILITIES", PLACE, dataSet(), RECORDS, USED, TODAY, 10);
        assertThat(ranked).extracting(p -> p.offer().id()).containsExactly(102L, 109L, 105L, 101L, 103L, 106L, 104L);
        assertThat(ranked).extracting(Matching.Proposal::score).containsExactly(90, 90, 85, 84, 70, 60, 53);
    }

    @Test
    void eachProposalSaysWhyWithItsScoreParts() {
        List<Matching.Proposal> ranked = Matching.rank("BROADBAND_UTILITIES", PLACE, dataSet(), RECORDS, USED, TODAY, 10);
        Matching.Proposal community = ranked.get(3);
        assertThat(community.offer().id()).isEqualTo(101L);
        assertThat(community.parts()).extracting(Matching.Part::factor, Matching.Part::points, Matching.Part::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("category", 40, "matching.reason.category.same"),
                        org.assertj.core.groups.Tuple.tuple("area", 25, "matching.reason.area.covers"),
                        org.assertj.core.groups.Tuple.tuple("capacity", 16, "matching.reason.capacity"),
                        org.assertj.core.groups.Tuple.tuple("record", 3, "matching.reason.record"));
        assertThat(community.parts().get(1).args()).containsExactly("北江社区");
        assertThat(community.parts().get(2).args()).containsExactly(8, 10);
        assertThat(community.remaining()).isEqualTo(8);
        Matching.Proposal full = ranked.get(4);
        assertThat(full.parts().get(2).reason()).isEqualTo("matching.reason.capacity.full");
        assertThat(ranked.get(2).parts().get(3).reason()).isEqualTo("matching.reason.record.member");
        assertThat(ranked).allSatisfy(p -> assertThat(p.score()).isEqualTo(
                p.parts().stream().mapToInt(Matching.Part::points).sum()));
    }

    @Test
    void theSameDataInAnyOrderGivesTheSameRanking() {
        List<Long> expected = Matching.rank("BROADBAND_UTILITIES", PLACE, dataSet(), RECORDS, USED, TODAY, 10).stream()
                .map(p -> p.offer().id()).toList();
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<Offer> shuffled = new ArrayList<>(dataSet());
            Collections.shuffle(shuffled, random);
            assertThat(Matching.rank("BROADBAND_UTILITIES", PLACE, shuffled, RECORDS, USED, TODAY, 10))
                    .extracting(p -> p.offer().id()).containsExactlyElementsOf(expected);
        }
        assertThat(Matching.rank("BROADBAND_UTILITIES", PLACE, dataSet(), RECORDS, USED, TODAY, 3)).hasSize(3);
    }
}
