package org.lianxin.member;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface UnitRegistrationRepository extends JpaRepository<UnitRegistration, Long>,
        JpaSpecificationExecutor<UnitRegistration> {

    boolean existsByActiveKey(String activeKey);

    List<UnitRegistration> findByPartnerUnitIdIn(List<Long> unitIds);
}
