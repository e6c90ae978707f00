package org.lianxin.volunteer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ActivityRepository extends JpaRepository<Activity, Long>, JpaSpecificationExecutor<Activity> {

    /** Locks the activity's row until the transaction ends: sign-ups and cancellations of one activity queue here. */
    @Query(value = "select taken from activity where id = ?1 for update", nativeQuery = true)
    Integer lockTaken(long id);

    /** Takes a place only while one is free: 1 when taken, 0 when full. */
    @Modifying
    @Query(value = "update activity set taken = taken + 1 where id = ?1 and taken < capacity", nativeQuery = true)
    int takePlace(long id);

    @Modifying
    @Query(value = "update activity set taken = taken - 1 where id = ?1 and taken > 0", nativeQuery = true)
    int freePlace(long id);

    java.util.List<Activity> findTop100ByServiceTeamIdOrderByStartsAtDesc(long serviceTeamId);

    java.util.List<Activity> findTop5000ByCampaignActionIdIn(java.util.Collection<Long> actionIds);

    @Query(value = "select taken from activity where id = ?1", nativeQuery = true)
    int takenOf(long id);

    /** A cancelled activity holds no places. */
    @Modifying
    @Query(value = "update activity set taken = 0 where id = ?1", nativeQuery = true)
    int freeAll(long id);

    boolean existsByState(ActivityState state);
}
