package org.lianxin.organization;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long>, JpaSpecificationExecutor<OrgUnit> {

    boolean existsByParentId(long parentId);

    List<OrgUnit> findByLevelAndAreaPathStartingWithOrderByIdAsc(String level, String areaPathPrefix);

    List<OrgUnit> findByPathStartingWithOrderByIdAsc(String pathPrefix);

    java.util.Optional<OrgUnit> findFirstByName(String name);

    boolean existsByParentIdAndName(Long parentId, String name);

    @Query("select o.parentId as parentId, count(o) as children from OrgUnit o where o.parentId in :ids group by o.parentId")
    List<AreaRepository.ChildCount> countChildren(@Param("ids") Collection<Long> ids);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OrgUnit o set o.path = concat(:newPrefix, substring(o.path, :oldLength + 1)) "
            + "where o.path like concat(:oldPrefix, '%')")
    int rewritePaths(@Param("oldPrefix") String oldPrefix, @Param("oldLength") int oldLength,
                     @Param("newPrefix") String newPrefix);
}
