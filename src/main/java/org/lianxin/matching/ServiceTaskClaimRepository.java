package org.lianxin.matching;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceTaskClaimRepository extends JpaRepository<ServiceTaskClaim, Long> {

    List<ServiceTaskClaim> findByTaskIdOrderByClaimedAtAscIdAsc(long taskId);

    List<ServiceTaskClaim> findByAccountIdOrderByClaimedAtDesc(long accountId);

    List<ServiceTaskClaim> findByAccountIdAndTaskIdIn(long accountId, Collection<Long> taskIds);

    Optional<ServiceTaskClaim> findFirstByTaskIdAndMemberIdAndState(long taskId, long memberId, ServiceTaskClaim.State state);

    long countByTaskIdAndState(long taskId, ServiceTaskClaim.State state);
}
