package org.lianxin.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PartnerUnitRepository extends JpaRepository<PartnerUnit, Long>, JpaSpecificationExecutor<PartnerUnit> {

    boolean existsByName(String name);

    @Query("select distinct c.unit from PartnerContact c where c.accountId = :accountId")
    List<PartnerUnit> findByContactAccount(@Param("accountId") long accountId);

    java.util.Optional<PartnerUnit> findFirstByName(String name);

    @Query("select u from PartnerUnit u where exists (select 1 from PartnerPairing p where p.unit = u and p.active = true "
            + "and :path like concat(p.communityPath, '%')) order by u.id")
    List<PartnerUnit> pairedAt(@Param("path") String path);
}
