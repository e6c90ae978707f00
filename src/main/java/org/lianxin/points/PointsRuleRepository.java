package org.lianxin.points;

import org.springframework.data.jpa.repository.JpaRepository;

interface PointsRuleRepository extends JpaRepository<PointsRule, Long> {
}
