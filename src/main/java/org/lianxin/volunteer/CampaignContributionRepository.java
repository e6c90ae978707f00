package org.lianxin.volunteer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignContributionRepository extends JpaRepository<CampaignContribution, Long> {

    boolean existsBySourceKey(String sourceKey);

    List<CampaignContribution> findByCampaignActionIdIn(Collection<Long> actionIds);
}
