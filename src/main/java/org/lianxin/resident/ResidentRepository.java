package org.lianxin.resident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ResidentRepository extends JpaRepository<Resident, Long>, JpaSpecificationExecutor<Resident> {

    Optional<Resident> findByIdNumberIndex(String idNumberIndex);

    List<Resident> findByIdNumberIndexIn(Collection<String> idNumberIndexes);

    boolean existsByIdNumberIndex(String idNumberIndex);

    /** Which of these ID-number blind indexes are already in the ledger (for an import's "already there"). */
    @Query("select r.idNumberIndex from Resident r where r.idNumberIndex in :indexes")
    List<String> existingIdNumberIndexes(@Param("indexes") Collection<String> indexes);

    List<Resident> findByPhoneIndex(String phoneIndex);

    List<Resident> findByHouseholdIdOrderById(long householdId);

    List<Resident> findByHouseholdIdInOrderById(Collection<Long> householdIds);

    List<Resident> findByAccountId(long accountId);

    long countByHouseholdId(long householdId);

    @Modifying
    @Query("update Resident r set r.areaPath = :path where r.householdId = :householdId")
    int followHousehold(@Param("householdId") long householdId, @Param("path") String path);
}
