package org.lianxin.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface GridRoleRepository extends JpaRepository<GridRole, Long> {

    List<GridRole> findByGridIdOrderByKindAscIdAsc(long gridId);
}
