package org.lianxin.wish;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface WishRepository extends JpaRepository<Wish, Long>, JpaSpecificationExecutor<Wish> {

    List<Wish> findByStateAndClaimedAtBefore(WishState state, Instant before);

    long countByState(WishState state);

    boolean existsByCampaignActionIdIsNotNull();

    java.util.Optional<Wish> findFirstByTitleOrderById(String title);
}
