package org.lianxin.resident;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.PersonalDataCipher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification codes for resident signup: six random digits, one per phone per minute, valid five
 * minutes, five tries. Only an HMAC of the code is stored; the code travels only in the message.
 */
@Component
class SignupCodes {

    static final Duration VALID = Duration.ofMinutes(5);
    static final Duration INTERVAL = Duration.ofSeconds(60);

    /** A second code for the same phone within the interval; answers 429. */
    static final class TooSoon extends RuntimeException {
        final long seconds;

        TooSoon(long seconds) {
            super("too soon");
            this.seconds = seconds;
        }
    }

    /** No SMS sender is configured; answers 503. */
    static final class NoSender extends RuntimeException {
        NoSender() {
            super("no SMS sender configured (lianxin.sms.sender)");
        }
    }

    private final SignupCodeRepository codes;
    private final ObjectProvider<SmsSender> sender;
    private final PersonalDataCipher cipher;
    private final MessageSource messages;
    private final Ids ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignupCodes(SignupCodeRepository codes, ObjectProvider<SmsSender> sender, PersonalDataCipher cipher,
                MessageSource messages, Ids ids, Clock clock) {
        this.codes = codes;
        this.sender = sender;
        this.cipher = cipher;
        this.messages = messages;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    void send(String phone) {
        SmsSender sms = sender.getIfAvailable();
        if (sms == null) {
            throw new NoSender();
        }
        String index = cipher.blindIndex(phone);
        Instant now = clock.instant();
        codes.findFirstByPhoneIndexOrderByCreatedAtDescIdDesc(index).ifPresent(last -> {
            Instant next = last.createdAt().plus(INTERVAL);
            if (now.isBefore(next)) {
                throw new TooSoon(Math.max(1, Duration.between(now, next).toSeconds() + 1));
            }
        });
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        codes.save(new SignupCode(ids.next("signup_code_seq"), index, hash(index, code), now, now.plus(VALID)));
        Locale locale = LocaleContextHolder.getLocale();
        sms.send(phone, messages.getMessage("signup.sms.text", new Object[] {code, VALID.toMinutes()}, locale));
    }

    /**
     * Checks the code against the latest one for the phone. A wrong try is counted in its own
     * transaction, so that it stays counted although the signup fails.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidInputException.class)
    void consume(String phone, String code) {
        String index = cipher.blindIndex(phone);
        SignupCode latest = codes.findFirstByPhoneIndexOrderByCreatedAtDescIdDesc(index)
                .filter(c -> c.usable(clock.instant()))
                .orElseThrow(() -> new InvalidInputException("code", "signup.code.expired"));
        if (!latest.attempt(hash(index, code == null ? "" : code.strip()))) {
            codes.save(latest);
            if (latest.attemptsLeft() <= 0) {
                throw new InvalidInputException("code", "signup.code.expired");
            }
            throw new InvalidInputException("code", "signup.code.wrong", latest.attemptsLeft());
        }
        codes.save(latest);
    }

    private String hash(String phoneIndex, String code) {
        return cipher.blindIndex("signup-code:" + phoneIndex + ":" + code);
    }
}
