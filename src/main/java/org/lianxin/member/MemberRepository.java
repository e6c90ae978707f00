package org.lianxin.member;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface MemberRepository extends JpaRepository<Member, Long>, JpaSpecificationExecutor<Member> {

    boolean existsByIdNumberIndex(String index);

    Optional<Member> findByIdNumberIndex(String index);

    List<Member> findByPhoneIndex(String index);

    Optional<Member> findByAccountId(long accountId);

    Optional<Member> findFirstByName(String name);
}
