package org.lianxin.care;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitRepository extends JpaRepository<Visit, Long>, JpaSpecificationExecutor<Visit> {

    /** household id → time of its latest visit, for these households. */
    @Query("select v.householdId, max(v.visitedAt) from Visit v where v.householdId in :ids group by v.householdId")
    List<Object[]> lastVisits(@Param("ids") Collection<Long> householdIds);

    /** cared member id → time of his latest care visit. */
    @Query("select v.caredMemberId, max(v.visitedAt) from Visit v where v.caredMemberId in :ids group by v.caredMemberId")
    List<Object[]> lastCareVisits(@Param("ids") Collection<Long> memberIds);
}
