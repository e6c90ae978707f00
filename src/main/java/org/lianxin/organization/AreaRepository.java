package org.lianxin.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AreaRepository extends JpaRepository<Area, Long>, JpaSpecificationExecutor<Area> {

    Page<Area> findByParentId(long parentId, Pageable pageable);

    List<Area> findByPathIn(Collection<String> paths);

    Optional<Area> findByPath(String path);

    List<Area> findByParentIdAndBoundaryIsNotNull(long parentId);

    List<Area> findByLevelInAndBoundaryIsNotNull(Collection<String> levels);

    boolean existsByParentId(long parentId);

    boolean existsByParentIdAndName(Long parentId, String name);

    boolean existsByParentIdIsNullAndName(String name);

    Optional<Area> findFirstByNameAndLevel(String name, String level);

    List<Area> findTop20ByNameAndLevelAndPathStartingWith(String name, String level, String pathPrefix);

    interface ChildCount {
        Long getParentId();

        long getChildren();
    }

    @Query("select a.parentId as parentId, count(a) as children from Area a where a.parentId in :ids group by a.parentId")
    List<ChildCount> countChildren(@Param("ids") Collection<Long> ids);

    /** Gives every descendant of a moved node its new path prefix (the node itself already has it). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Area a set a.path = concat(:newPrefix, substring(a.path, :oldLength + 1)) "
            + "where a.path like concat(:oldPrefix, '%')")
    int rewritePaths(@Param("oldPrefix") String oldPrefix, @Param("oldLength") int oldLength,
                     @Param("newPrefix") String newPrefix);
}
