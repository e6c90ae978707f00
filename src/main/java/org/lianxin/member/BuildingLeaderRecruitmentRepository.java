package org.lianxin.member;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BuildingLeaderRecruitmentRepository extends JpaRepository<BuildingLeaderRecruitment, Long>,
        JpaSpecificationExecutor<BuildingLeaderRecruitment> {
}
