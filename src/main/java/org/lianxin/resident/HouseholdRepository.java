package org.lianxin.resident;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface HouseholdRepository extends JpaRepository<Household, Long>, JpaSpecificationExecutor<Household> {

    boolean existsByBuildingIdAndDoorNumber(long buildingId, String doorNumber);

    java.util.Optional<Household> findByBuildingIdAndDoorNumber(long buildingId, String doorNumber);

    List<Household> findByIdIn(Collection<Long> ids);

    List<Household> findByZoneIdInOrderByAreaPathAscDoorNumberAscIdAsc(Collection<Long> zoneIds);
}
