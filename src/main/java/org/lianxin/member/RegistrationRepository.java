package org.lianxin.member;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface RegistrationRepository extends JpaRepository<Registration, Long>, JpaSpecificationExecutor<Registration> {

    List<Registration> findByMemberIdOrderByAppliedAtDesc(long memberId);

    boolean existsByActiveKey(String activeKey);

    List<Registration> findByCommunityIdAndState(long communityId, RegistrationState state);

    java.util.Optional<Registration> findByLeadKey(String leadKey);

    List<Registration> findByBranchIdInAndState(java.util.Collection<Long> branchIds, RegistrationState state);

    List<Registration> findByMemberIdAndState(long memberId, RegistrationState state);
}
