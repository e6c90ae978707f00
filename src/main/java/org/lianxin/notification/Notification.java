package org.lianxin.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of one account's inbox. Its text is rendered when read, in the reader's language. */
@Entity
@Table(name = "notification")
class Notification {

    static final String ARG_SEPARATOR = "\u001f";

    @Id
    private Long id;
    @Column(name = "recipient_account_id")
    private Long recipientAccountId;
    private String kind;
    private String args;
    private String link;
    @Column(name = "source_type")
    private String sourceType;
    @Column(name = "source_id")
    private String sourceId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(long id, long recipientAccountId, String kind, java.util.List<String> args, String link,
                 String sourceType, String sourceId, Instant createdAt) {
        this.id = id;
        this.recipientAccountId = recipientAccountId;
        this.kind = kind;
        this.args = String.join(ARG_SEPARATOR, args);
        this.link = link;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.createdAt = createdAt;
    }

    /** Reading twice keeps the first time. */
    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    Long id() {
        return id;
    }

    Long recipientAccountId() {
        return recipientAccountId;
    }

    String kind() {
        return kind;
    }

    Object[] args() {
        return args == null || args.isEmpty() ? new Object[0] : args.split(ARG_SEPARATOR, -1);
    }

    String link() {
        return link;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant readAt() {
        return readAt;
    }
}
