package org.lianxin.notification;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    Page<Notification> findByRecipientAccountId(long recipientAccountId, Pageable pageable);

    Page<Notification> findByRecipientAccountIdAndReadAtIsNull(long recipientAccountId, Pageable pageable);

    long countByRecipientAccountIdAndReadAtIsNull(long recipientAccountId);

    boolean existsByRecipientAccountIdAndKindAndSourceTypeAndSourceId(long recipientAccountId, String kind,
                                                                      String sourceType, String sourceId);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.recipientAccountId = :account and n.readAt is null")
    int markAllRead(long account, Instant at);
}
