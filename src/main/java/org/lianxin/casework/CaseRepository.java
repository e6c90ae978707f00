package org.lianxin.casework;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRepository extends JpaRepository<Case, Long>, JpaSpecificationExecutor<Case> {

    Optional<Case> findBySourceTypeAndSourceId(String sourceType, String sourceId);

    /** Open cases past their deadline that nobody has announced yet (the overdue job). */
    @Query("select c from GridCase c where c.state in :open and c.deadline < :now and c.overdueNotifiedAt is null order by c.id")
    List<Case> overdueUnannounced(@Param("open") Collection<CaseState> open, @Param("now") Instant now);

    /** Open cases of a category reported since a moment inside a box (nearby duplicates). */
    @Query("select c from GridCase c where c.category = :category and c.state in :open and c.reportedAt >= :since "
            + "and c.longitude between :west and :east and c.latitude between :south and :north order by c.reportedAt desc")
    List<Case> openInBox(@Param("category") String category, @Param("open") Collection<CaseState> open,
                         @Param("since") Instant since, @Param("west") double west, @Param("east") double east,
                         @Param("south") double south, @Param("north") double north);


    long countByPatrolId(long patrolId);

    /** The cases of a grid reported in a week, or reported earlier and still open (周周清). */
    @Query("select c from GridCase c where c.areaPath like :prefix and ((c.reportedAt >= :from and c.reportedAt < :to) "
            + "or (c.reportedAt < :from and c.state in :open)) order by c.reportedAt")
    List<Case> forClearance(@Param("prefix") String prefix, @Param("from") Instant from, @Param("to") Instant to,
                            @Param("open") Collection<CaseState> open);

    /** How many cases each category has (the editor shows it: a category in use is disabled, never removed). */
    @Query("select c.category, count(c) from GridCase c group by c.category")
    List<Object[]> countByCategory();

    @Query("select count(c) from GridCase c where c.category = :category")
    long countByCategory(@Param("category") String category);
}
