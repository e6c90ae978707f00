package org.lianxin.access;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins for one username, whether or not an account has it: after the configured number of
 * failures the username is locked for a while, and the answer is the same for a username that does
 * not exist, so that the lock tells nothing.
 */
@Entity
@Table(name = "login_throttle")
class LoginThrottle {

    @Id
    private String username;
    private int failures;
    @Column(name = "last_failure_at")
    private Instant lastFailureAt;
    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottle() {
    }

    LoginThrottle(String username) {
        this.username = username;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failure; returns true when this failure locks the username. */
    boolean fail(Instant now, int maxFailures, Duration lockFor) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failures = 0;
            lockedUntil = null;
        }
        failures++;
        lastFailureAt = now;
        if (failures >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            return true;
        }
        return false;
    }

    void reset() {
        failures = 0;
        lockedUntil = null;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    int failures() {
        return failures;
    }
}
