package org.lianxin.casework;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CasePhotoRepository extends JpaRepository<CasePhoto, Long> {

    /** Photo ids and the step each belongs to, per case, without their bytes. */
    @Query("select p.caseId, p.id, p.stepSeq from CasePhoto p where p.caseId in :ids order by p.id")
    List<Object[]> idsOf(@Param("ids") Collection<Long> ids);

    long countByCaseId(long caseId);
}
