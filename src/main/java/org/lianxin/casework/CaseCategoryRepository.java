package org.lianxin.casework;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseCategoryRepository extends JpaRepository<CaseCategory, String> {

    List<CaseCategory> findByActiveTrueOrderBySortOrder();
}
