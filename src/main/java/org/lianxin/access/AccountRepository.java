package org.lianxin.access;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    @EntityGraph(attributePaths = "assignments")
    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByDemoTrue();

    @Query("select a from Account a where :q is null or a.username like :q or a.displayName like :q")
    Page<Account> search(@Param("q") String q, Pageable pageable);

    /** Enabled accounts holding a role at one of these areas, by id (casework routing). */
    @Query("select distinct a from Account a join a.assignments r where r.role = :role and r.areaId in :areaIds "
            + "and a.enabled = true order by a.id")
    java.util.List<Account> holdingRoleAt(@Param("role") Role role, @Param("areaIds") java.util.Collection<Long> areaIds);
}
