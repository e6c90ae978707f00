package org.lianxin.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One line of the append-only audit log: who, when, which action on which object, the result and
 * the source address. Each entry's hash covers its fields and the previous entry's hash, so that a
 * changed, removed or inserted entry breaks the chain from there on.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

    enum Result { SUCCESS, FAILURE, DENIED }

    @Id
    private Long seq;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "actor_id")
    private Long actorId;
    private String actor;
    private String action;
    @Column(name = "object_type")
    private String objectType;
    @Column(name = "object_id")
    private String objectId;
    private String result;
    @Column(name = "source_address")
    private String sourceAddress;
    private String detail;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long seq, Instant occurredAt, Long actorId, String actor, String action, String objectType,
               String objectId, Result result, String sourceAddress, String detail, String prevHash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actor = actor;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.result = result.name();
        this.sourceAddress = sourceAddress;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** The hash this entry must have, given its fields and the previous hash it names. */
    String computeHash() {
        String canonical = String.join("\u001f", String.valueOf(seq), occurredAt.toString(), String.valueOf(actorId),
                actor, action, String.valueOf(objectType), String.valueOf(objectId), result,
                String.valueOf(sourceAddress), String.valueOf(detail), prevHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long seq() {
        return seq;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    String objectType() {
        return objectType;
    }

    String objectId() {
        return objectId;
    }

    String result() {
        return result;
    }

    String sourceAddress() {
        return sourceAddress;
    }

    String detail() {
        return detail;
    }

    String prevHash() {
        return prevHash;
    }

    String hash() {
        return hash;
    }
}
