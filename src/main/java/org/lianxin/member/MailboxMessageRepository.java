package org.lianxin.member;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface MailboxMessageRepository extends JpaRepository<MailboxMessage, Long>, JpaSpecificationExecutor<MailboxMessage> {

    List<MailboxMessage> findByStateAndCreatedAtBeforeAndOverdueNotifiedAtIsNull(MailboxMessage.State state, Instant before);
}
