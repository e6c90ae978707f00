package org.lianxin.member;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BuildingLeaderNominationRepository extends JpaRepository<BuildingLeaderNomination, Long>,
        JpaSpecificationExecutor<BuildingLeaderNomination> {

    boolean existsByActiveKey(String activeKey);

    List<BuildingLeaderNomination> findByMemberIdOrRecommenderAccountIdOrderByCreatedAtDesc(long memberId, long accountId);
}
