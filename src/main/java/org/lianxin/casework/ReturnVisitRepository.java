package org.lianxin.casework;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReturnVisitRepository extends JpaRepository<ReturnVisit, Long>, JpaSpecificationExecutor<ReturnVisit> {

    /** The decision for the latest closing of a case. */
    Optional<ReturnVisit> findFirstByCaseIdOrderByRoundDesc(long caseId);

    /** Sampled visits past their due date that nobody has announced yet (the overdue job). */
    @Query("select v from ReturnVisit v where v.status = org.lianxin.casework.ReturnVisit.Status.DUE and v.dueAt < :now "
            + "and v.overdueNotifiedAt is null order by v.id")
    List<ReturnVisit> overdueUnannounced(@Param("now") Instant now);
}
