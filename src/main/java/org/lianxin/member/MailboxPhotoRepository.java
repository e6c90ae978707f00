package org.lianxin.member;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MailboxPhotoRepository extends JpaRepository<MailboxPhoto, Long> {

    /** Photo ids per message, without loading the bytes. */
    @Query("select p.messageId, p.id from MailboxPhoto p where p.messageId in ?1 order by p.id")
    List<Object[]> idsOf(Collection<Long> messageIds);
}
