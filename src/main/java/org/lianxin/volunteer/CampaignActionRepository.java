package org.lianxin.volunteer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignActionRepository extends JpaRepository<CampaignAction, Long> {

    List<CampaignAction> findByCampaignIdOrderBySeq(long campaignId);

    List<CampaignAction> findByCampaignIdInOrderBySeq(Collection<Long> campaignIds);
}
