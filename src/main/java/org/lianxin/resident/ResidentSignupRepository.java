package org.lianxin.resident;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ResidentSignupRepository extends JpaRepository<ResidentSignup, Long>, JpaSpecificationExecutor<ResidentSignup> {

    boolean existsByPhoneIndexAndStatus(String phoneIndex, ResidentSignup.Status status);

    List<ResidentSignup> findByAccountIdOrderByIdDesc(long accountId);
}
