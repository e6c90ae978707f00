package org.lianxin.access;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ProblemHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "登录 Authentication")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    /** Who is logged in: roles with their places, and the permissions the console builds its menus from. */
    record Me(long id, String username, String displayName, List<GrantView> roles, List<String> permissions,
              boolean totpEnabled, boolean totpRecommended) {
    }

    record GrantView(long id, String role, String roleLabel, long areaId, String areaName, String areaLevel) {
    }

    private final Login login;
    private final ActorResolver actors;
    private final AuditLog audit;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final AccountRepository accounts;
    private final MessageSource messages;
    private final ProblemHandler problems;

    AuthController(Login login, ActorResolver actors, AuditLog audit, SecurityContextRepository contexts,
                   CsrfTokenRepository csrfTokens, AccountRepository accounts, MessageSource messages,
                   ProblemHandler problems) {
        this.csrfTokens = csrfTokens;
        this.accounts = accounts;
        this.login = login;
        this.actors = actors;
        this.audit = audit;
        this.contexts = contexts;
        this.messages = messages;
        this.problems = problems;
    }

    @Operation(summary = "Log in with username and password; answers the session cookie and who you are")
    @PostMapping("/login")
    ResponseEntity<?> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request,
                            HttpServletResponse response) {
        Login.Outcome outcome = login.attempt(credentials.username(), credentials.password());
        return answer(outcome, Account.normalize(credentials.username()), request, response);
    }

    record Code(@NotBlank @Size(max = 10) String code) {
    }

    @Operation(summary = "The second step of a login for accounts with a second factor: the code from the authenticator app")
    @PostMapping("/login/totp")
    ResponseEntity<?> loginWithCode(@Valid @RequestBody Code code, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        PendingSecondFactor pending = session == null ? null
                : (PendingSecondFactor) session.getAttribute(PENDING_SECOND_FACTOR);
        if (pending == null || Instant.now().isAfter(pending.until())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "auth.totp.expired"));
        }
        Login.Outcome outcome = login.secondFactor(pending.username(), code.code());
        if (outcome instanceof Login.Success) {
            session.removeAttribute(PENDING_SECOND_FACTOR);
        }
        return answer(outcome, pending.username(), request, response);
    }

    /** A password checked a moment ago, waiting for its code; five minutes at most. */
    record PendingSecondFactor(String username, Instant until) implements java.io.Serializable {
    }

    private static final String PENDING_SECOND_FACTOR = "lianxin.pendingSecondFactor";

    private ResponseEntity<?> answer(Login.Outcome outcome, String username, HttpServletRequest request,
                                     HttpServletResponse response) {
        if (outcome instanceof Login.SecondFactorNeeded second) {
            request.getSession(true).setAttribute(PENDING_SECOND_FACTOR,
                    new PendingSecondFactor(second.account().username(), Instant.now().plusSeconds(300)));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(problems.problem(HttpStatus.UNAUTHORIZED, "totp-required", "auth.totp.required"));
        }
        if (outcome instanceof Login.Success success) {
            Account account = success.account();
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                    AuthorityUtils.NO_AUTHORITIES));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            // a new CSRF token with the new session, so that a token planted before login is worthless after it
            csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
            audit.recordAlone(account.id(), account.username(), "auth.login", "Account", String.valueOf(account.id()),
                    AuditEntry.Result.SUCCESS, account.totpEnabled() ? "with second factor" : null);
            return ResponseEntity.ok(me(actors.actorOf(account)));
        }
        if (outcome instanceof Login.Locked locked) {
            audit.recordAlone(null, username, "auth.login", "Account", null, AuditEntry.Result.DENIED, "locked");
            return locked(locked.lockedUntil());
        }
        Login.BadCredentials bad = (Login.BadCredentials) outcome;
        audit.recordAlone(null, username, "auth.login", "Account", null, AuditEntry.Result.FAILURE, "bad credentials");
        if (bad.nowLocked()) {
            audit.recordAlone(null, username, "auth.lockout", "Account", null, AuditEntry.Result.FAILURE,
                    "locked until " + bad.lockedUntil());
            return locked(bad.lockedUntil());
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problems.problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "auth.bad-credentials"));
    }

    private ResponseEntity<ProblemDetail> locked(Instant until) {
        long minutes = Math.max(1, (until.getEpochSecond() - Instant.now().getEpochSecond() + 59) / 60);
        ProblemDetail problem = problems.problem(HttpStatus.LOCKED, "account-locked", "auth.locked", minutes);
        problem.setProperty("lockedUntil", until.toString());
        return ResponseEntity.status(HttpStatus.LOCKED).body(problem);
    }

    @Operation(summary = "End the session")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@CurrentUser Actor actor, HttpServletRequest request) {
        audit.recordAlone(actor.accountId(), actor.username(), "auth.logout", "Account",
                String.valueOf(actor.accountId()), AuditEntry.Result.SUCCESS, null);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    @Operation(summary = "Who is logged in, with roles, their places and permissions")
    @GetMapping("/me")
    Me me(@CurrentUser Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean totp = accounts.findById(actor.accountId()).map(Account::totpEnabled).orElse(false);
        boolean administrator = actor.grants().stream().anyMatch(g -> g.role().endsWith("_ADMIN"));
        return new Me(actor.accountId(), actor.username(), actor.displayName(),
                actor.grants().stream().map(g -> new GrantView(g.id(), g.role(),
                        messages.getMessage("role." + g.role(), null, g.role(), locale), g.areaId(), g.areaName(),
                        g.areaLevel())).toList(),
                List.copyOf(actor.permissions()), totp, administrator && !totp);
    }
}
