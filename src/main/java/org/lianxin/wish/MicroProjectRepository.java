package org.lianxin.wish;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface MicroProjectRepository extends JpaRepository<MicroProject, Long>, JpaSpecificationExecutor<MicroProject> {
}
