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

    List<Member> findByCommunityIdAndCareCategoryIsNotNullOrderById(long communityId);

    List<Member> findTop1000ByCommunityIdOrderById(long communityId);

    /** Which of these ID-number blind indexes are already recorded (for an import's "already there"). */
    @org.springframework.data.jpa.repository.Query("select m.idNumberIndex from Member m where m.idNumberIndex in :indexes")
    List<String> existingIdNumberIndexes(@org.springframework.data.repository.query.Param("indexes") java.util.Collection<String> indexes);
}
