package org.lianxin.wish;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MicroProjectUpdateRepository extends JpaRepository<MicroProjectUpdate, Long> {

    /** The updates of a project, newest first, without the photo bytes: {id, byName, unitName, at, text, milestone, photoType}. */
    @Query("select u.id, u.byName, u.unitName, u.at, u.text, u.milestoneTitle, u.photoType from MicroProjectUpdate u"
            + " where u.projectId = :projectId order by u.at desc, u.id desc")
    List<Object[]> summariesOf(long projectId);

    Optional<MicroProjectUpdate> findByIdAndProjectId(long id, long projectId);
}
