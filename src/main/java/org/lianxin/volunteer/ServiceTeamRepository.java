package org.lianxin.volunteer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ServiceTeamRepository extends JpaRepository<ServiceTeam, Long>, JpaSpecificationExecutor<ServiceTeam> {
}
