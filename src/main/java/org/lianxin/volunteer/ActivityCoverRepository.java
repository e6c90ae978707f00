package org.lianxin.volunteer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ActivityCoverRepository extends JpaRepository<ActivityCover, Long> {

    @Query("select c.activityId from ActivityCover c where c.activityId in ?1")
    List<Long> withCover(Collection<Long> activityIds);
}
