package org.lianxin.matching;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ServiceTaskRepository extends JpaRepository<ServiceTask, Long>, JpaSpecificationExecutor<ServiceTask> {

    boolean existsByCampaignActionIdIsNotNull();

    java.util.Optional<ServiceTask> findFirstByTitleOrderById(String title);

    /** Takes one place if one is free and the task is open: 1 row means a place, 0 means full or closed. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ServiceTask t set t.taken = t.taken + 1, t.version = t.version + 1 "
            + "where t.id = :id and t.taken < t.places and t.state = org.lianxin.matching.ServiceTask.State.OPEN")
    int takePlace(long id);

    /** Frees one place (a claim cancelled). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ServiceTask t set t.taken = t.taken - 1, t.version = t.version + 1 where t.id = :id and t.taken > 0")
    int freePlace(long id);
}
