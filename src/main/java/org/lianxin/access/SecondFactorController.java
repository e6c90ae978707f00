package org.lianxin.access;

import java.time.Clock;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each account turns its own second factor on (TOTP, any authenticator app): a new secret is shown
 * once, and takes effect only after the user proves with a code that his app holds it. Turning it
 * off needs a current code too; a security administrator can reset it for someone who lost his phone.
 */
@Tag(name = "登录 Authentication")
@RestController
@RequestMapping("/api/v1/auth/totp")
@Transactional
class SecondFactorController {

    static final String ISSUER = "连心 Lianxin";
    private static final String SETUP = "lianxin.totpSetup";

    record Setup(String secret, String otpauthUri) {
    }

    record Code(@NotBlank @Size(max = 10) String code) {
    }

    private final AccountRepository accounts;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondFactorController(AccountRepository accounts, PersonalDataCipher cipher, ApplicationEventPublisher events,
                           Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Start setting up the second factor: a new secret for the authenticator app")
    @PostMapping("/setup")
    Setup setup(@CurrentUser Actor actor, HttpSession session) {
        Account account = self(actor);
        if (account.totpEnabled()) {
            throw new ConflictException("conflict", "auth.totp.already-enabled");
        }
        String secret = Totp.newSecret();
        session.setAttribute(SETUP, secret);
        return new Setup(secret, Totp.otpauthUri(ISSUER, account.username(), secret));
    }

    @Operation(summary = "Finish the setup with a code from the app; from the next login on, the code is asked for")
    @PostMapping("/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@CurrentUser Actor actor, @Valid @RequestBody Code code, HttpSession session) {
        Account account = self(actor);
        String secret = (String) session.getAttribute(SETUP);
        if (secret == null) {
            throw new InvalidInputException("code", "auth.totp.no-setup");
        }
        long step = Totp.verify(secret, code.code(), clock.instant(), null);
        if (step < 0) {
            throw new InvalidInputException("code", "auth.totp.wrong-code");
        }
        account.enableTotp(cipher.seal(secret).cipherText(), step);
        accounts.saveAndFlush(account);
        session.removeAttribute(SETUP);
        events.publishEvent(new AccountEvents.AccountChanged("account.totp.enable", account.id(), account.username()));
    }

    @Operation(summary = "Turn the second factor off, with a current code")
    @PostMapping("/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@CurrentUser Actor actor, @Valid @RequestBody Code code) {
        Account account = self(actor);
        if (!account.totpEnabled()) {
            throw new ConflictException("conflict", "auth.totp.not-enabled");
        }
        long step = Totp.verify(cipher.open(account.totpSecretCipher()), code.code(), clock.instant(),
                account.totpLastStep());
        if (step < 0) {
            throw new InvalidInputException("code", "auth.totp.wrong-code");
        }
        account.disableTotp();
        accounts.saveAndFlush(account);
        events.publishEvent(new AccountEvents.AccountChanged("account.totp.disable", account.id(), account.username()));
    }

    private Account self(Actor actor) {
        return accounts.findById(actor.accountId()).orElseThrow(() -> new NotFoundException("Account"));
    }
}
