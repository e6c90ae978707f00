package org.lianxin.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface NeedRepository extends JpaRepository<Need, Long>, JpaSpecificationExecutor<Need> {

    List<Need> findByStateAndDispatchedAtBefore(NeedState state, Instant before);

    boolean existsBySourceKey(String sourceKey);

    /** Per unit: how many needs it took (any state after) and how many closed; rows of unit id, taken, closed. */
    @Query("select n.takerUnitId, count(n), sum(case when n.state = org.lianxin.matching.NeedState.CLOSED then 1 else 0 end) "
            + "from Need n where n.takerUnitId in :units group by n.takerUnitId")
    List<Object[]> recordOf(Collection<Long> units);

    /** Per offer: needs taken through it since the start of the month; rows of offer id, count. */
    @Query("select n.offerId, count(n) from Need n where n.offerId in :offers and n.takenAt >= :since group by n.offerId")
    List<Object[]> takenSince(Collection<Long> offers, Instant since);
}
