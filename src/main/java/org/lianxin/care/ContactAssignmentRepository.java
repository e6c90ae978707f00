package org.lianxin.care;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ContactAssignmentRepository extends JpaRepository<ContactAssignment, Long>,
        JpaSpecificationExecutor<ContactAssignment> {

    Optional<ContactAssignment> findByActiveKey(long householdId);

    List<ContactAssignment> findByActiveKeyIn(Collection<Long> householdIds);

    List<ContactAssignment> findByActiveKeyIsNotNull();

    List<ContactAssignment> findByMemberIdAndActiveKeyIsNotNullOrderById(long memberId);

    long countByMemberIdAndActiveKeyIsNotNull(long memberId);
}
