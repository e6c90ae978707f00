package org.lianxin.resident;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SignupCodeRepository extends JpaRepository<SignupCode, Long> {

    Optional<SignupCode> findFirstByPhoneIndexOrderByCreatedAtDescIdDesc(String phoneIndex);
}
