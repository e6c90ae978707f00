package org.lianxin.casework;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PatrolRepository extends JpaRepository<Patrol, Long>, JpaSpecificationExecutor<Patrol> {

    Optional<Patrol> findByWorkerAccountIdAndEndedAtIsNull(long workerAccountId);
}
