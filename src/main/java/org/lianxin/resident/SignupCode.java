package org.lianxin.resident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A verification code sent to a phone for signup: kept as an HMAC, valid 5 minutes, at most 5 tries. */
@Entity
@Table(name = "signup_code")
class SignupCode {

    static final int MAX_ATTEMPTS = 5;

    @Id
    private Long id;
    @Column(name = "phone_index")
    private String phoneIndex;
    @Column(name = "code_hash")
    private String codeHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    private int attempts;
    private boolean used;

    protected SignupCode() {
    }

    SignupCode(long id, String phoneIndex, String codeHash, Instant now, Instant expiresAt) {
        this.id = id;
        this.phoneIndex = phoneIndex;
        this.codeHash = codeHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usable(Instant now) {
        return !used && attempts < MAX_ATTEMPTS && now.isBefore(expiresAt);
    }

    /** Counts a try; true when the code matches, and then it is used up. */
    boolean attempt(String hash) {
        if (codeHash.equals(hash)) {
            used = true;
            return true;
        }
        attempts++;
        return false;
    }

    int attemptsLeft() {
        return MAX_ATTEMPTS - attempts;
    }

    Instant createdAt() {
        return createdAt;
    }
}
