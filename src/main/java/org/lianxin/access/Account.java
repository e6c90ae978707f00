package org.lianxin.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.NotFoundException;

/** A login: one person, one username, any number of roles each held at a node of the area tree. */
@Entity
@Table(name = "account")
class Account {

    @Id
    private Long id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    private boolean enabled;
    private boolean demo;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "totp_secret_cipher")
    private String totpSecretCipher;
    @Column(name = "totp_last_step")
    private Long totpLastStep;
    @Version
    private Long version;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<RoleAssignment> assignments = new ArrayList<>();

    protected Account() {
    }

    Account(long id, String username, String displayName, String passwordHash, boolean demo, Instant now) {
        this.id = id;
        this.username = normalize(username);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.demo = demo;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    RoleAssignment assign(long assignmentId, Role role, long areaId, Instant now) {
        boolean held = assignments.stream().anyMatch(a -> a.role() == role && a.areaId() == areaId);
        if (held) {
            throw new ConflictException("conflict", "account.role.already-held");
        }
        RoleAssignment assignment = new RoleAssignment(assignmentId, this, role, areaId, now);
        assignments.add(assignment);
        return assignment;
    }

    RoleAssignment revoke(long assignmentId) {
        RoleAssignment assignment = assignments.stream().filter(a -> a.id() == assignmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("RoleAssignment"));
        assignments.remove(assignment);
        return assignment;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.demo = false;
    }

    /** Turns the second factor on with a secret the user has shown he holds (already sealed). */
    void enableTotp(String sealedSecret, long firstStep) {
        this.totpSecretCipher = sealedSecret;
        this.totpLastStep = firstStep;
    }

    void disableTotp() {
        this.totpSecretCipher = null;
        this.totpLastStep = null;
    }

    /** Records the step of a code just used, so that it cannot be used again. */
    void usedTotpStep(long step) {
        this.totpLastStep = step;
    }

    boolean totpEnabled() {
        return totpSecretCipher != null;
    }

    String totpSecretCipher() {
        return totpSecretCipher;
    }

    Long totpLastStep() {
        return totpLastStep;
    }

    void loggedIn(Instant now) {
        this.lastLoginAt = now;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean demo() {
        return demo;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }

    Long version() {
        return version;
    }

    List<RoleAssignment> assignments() {
        return List.copyOf(assignments);
    }
}
