package org.lianxin.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface BuildingLeaderRepository extends JpaRepository<BuildingLeader, Long>, JpaSpecificationExecutor<BuildingLeader> {

    List<BuildingLeader> findByMemberIdOrderByAppointedAtDesc(long memberId);

    /** The active leaders covering any of these buildings. */
    @Query("select distinct l from BuildingLeader l join l.buildings b where l.state = 'ACTIVE' and b.buildingId in ?1")
    List<BuildingLeader> findActiveCovering(Collection<Long> buildingIds);

    List<BuildingLeader> findByStateAndTermEndBefore(BuildingLeader.State state, LocalDate day);

    long countByCommunityIdAndLetterNumberLike(long communityId, String pattern);
}
