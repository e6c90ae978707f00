package org.lianxin.points;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface PointsEntryRepository extends JpaRepository<PointsEntry, Long>, JpaSpecificationExecutor<PointsEntry> {

    boolean existsBySourceTypeAndSourceIdAndHolderMemberIdAndKind(String sourceType, String sourceId,
                                                                  long holderMemberId, PointsEntry.Kind kind);

    Optional<PointsEntry> findByReversesEntryId(long entryId);

    List<PointsEntry> findByHolderMemberIdOrderByAtAscIdAsc(long holderMemberId);

    @Query("select coalesce(sum(e.amount), 0) from PointsEntry e where e.holderMemberId = ?1")
    long balanceOf(long holderMemberId);

    @Query("select coalesce(sum(e.minutes), 0) from PointsEntry e where e.holderMemberId = ?1")
    long minutesOf(long holderMemberId);
}
