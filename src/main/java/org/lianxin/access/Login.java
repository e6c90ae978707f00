package org.lianxin.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.lianxin.shared.PersonalDataCipher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password against the account and the throttle. Failures are counted per
 * username whether or not the account exists, and a missing account costs a password hash like an
 * existing one, so that neither the answer nor its time tells which usernames exist.
 */
@Service
class Login {

    sealed interface Outcome permits Success, SecondFactorNeeded, BadCredentials, Locked {
    }

    record Success(Account account) implements Outcome {
    }

    /** The password was right; the account also needs a code from its authenticator app. */
    record SecondFactorNeeded(Account account) implements Outcome {
    }

    record BadCredentials(boolean nowLocked, Instant lockedUntil) implements Outcome {
    }

    record Locked(Instant lockedUntil) implements Outcome {
    }

    private final AccountRepository accounts;
    private final LoginThrottleRepository throttles;
    private final PasswordEncoder encoder;
    private final AccessProperties properties;
    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final String dummyHash;

    Login(AccountRepository accounts, LoginThrottleRepository throttles, PasswordEncoder encoder,
          AccessProperties properties, Clock clock, PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.accounts = accounts;
        this.throttles = throttles;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password-" + System.nanoTime());
    }

    @Transactional
    Outcome attempt(String rawUsername, String password) {
        String username = Account.normalize(rawUsername);
        Instant now = clock.instant();
        LoginThrottle throttle = throttles.findForUpdate(username).orElse(null);
        if (throttle != null && throttle.lockedAt(now)) {
            return new Locked(throttle.lockedUntil());
        }
        Optional<Account> account = accounts.findByUsername(username);
        boolean matches = encoder.matches(password, account.map(Account::passwordHash).orElse(dummyHash));
        if (account.isPresent() && matches && account.get().enabled()) {
            if (account.get().totpEnabled()) {
                return new SecondFactorNeeded(account.get());
            }
            return succeed(account.get(), throttle, now);
        }
        return fail(username, throttle, now);
    }

    /**
     * The second step for an account whose password was right a moment ago: the code from its app.
     * Wrong codes count as failed logins, so guessing codes locks the account like guessing passwords.
     */
    @Transactional
    Outcome secondFactor(String rawUsername, String code) {
        String username = Account.normalize(rawUsername);
        Instant now = clock.instant();
        LoginThrottle throttle = throttles.findForUpdate(username).orElse(null);
        if (throttle != null && throttle.lockedAt(now)) {
            return new Locked(throttle.lockedUntil());
        }
        Account account = accounts.findByUsername(username).filter(Account::enabled).filter(Account::totpEnabled)
                .orElse(null);
        if (account != null) {
            long step = Totp.verify(cipher.open(account.totpSecretCipher()), code, now, account.totpLastStep());
            if (step >= 0) {
                account.usedTotpStep(step);
                return succeed(account, throttle, now);
            }
        }
        return fail(username, throttle, now);
    }

    private Outcome succeed(Account account, LoginThrottle throttle, Instant now) {
        if (throttle != null) {
            throttle.reset();
        }
        account.loggedIn(now);
        return new Success(account);
    }

    private Outcome fail(String username, LoginThrottle throttle, Instant now) {
        if (throttle == null) {
            throttle = throttles.save(new LoginThrottle(username));
        }
        boolean locked = throttle.fail(now, properties.maxFailedLogins(), properties.lockDuration());
        return new BadCredentials(locked, throttle.lockedUntil());
    }

    /** A security administrator lifts a lock before its time. */
    @Transactional
    void unlock(String username) {
        throttles.findForUpdate(Account.normalize(username)).ifPresent(LoginThrottle::reset);
    }

    @Transactional(readOnly = true)
    Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return throttles.findById(Account.normalize(username)).filter(t -> t.lockedAt(now)).map(LoginThrottle::lockedUntil);
    }
}
