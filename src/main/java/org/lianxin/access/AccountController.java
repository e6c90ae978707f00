package org.lianxin.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "账号管理 Accounts")
@RestController
@RequestMapping("/api/v1")
@Transactional
class AccountController {

    record CreateForm(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String username,
                      @NotBlank @Size(max = 100) String displayName,
                      @NotBlank @Size(max = 128) String password) {
    }

    record UpdateForm(@NotBlank @Size(max = 100) String displayName, @NotNull Boolean enabled, @NotNull Long version) {
    }

    record AssignForm(@NotBlank @Size(max = 40) String role, @NotNull Long areaId) {
    }

    record PasswordForm(@NotBlank @Size(max = 128) String password) {
    }

    record GrantView(long id, String role, String roleLabel, long areaId, String areaName, String areaLevel) {
    }

    record AccountView(long id, String username, String displayName, boolean enabled, boolean locked,
                       Instant lockedUntil, Instant lastLoginAt, boolean totpEnabled, List<GrantView> roles, long version) {
    }

    record RoleView(String code, String label, List<String> areaLevels, List<String> permissions) {
    }

    private final AccountRepository accounts;
    private final AccessPermissions permissions;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Login login;
    private final Areas areas;
    private final Ids ids;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountController(AccountRepository accounts, AccessPermissions permissions, PasswordPolicy policy,
                      PasswordEncoder encoder, Login login, Areas areas, Ids ids, MessageSource messages,
                      ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.policy = policy;
        this.encoder = encoder;
        this.login = login;
        this.areas = areas;
        this.ids = ids;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "The roles an account may hold, where, and what each permits")
    @GetMapping("/roles")
    @Transactional(readOnly = true)
    List<RoleView> roles(@CurrentUser Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        return Arrays.stream(Role.values()).map(r -> new RoleView(r.name(), label(r, locale), r.areaLevels(),
                r.permissions().stream().sorted().toList())).toList();
    }

    @Operation(summary = "Accounts, searched by username or name")
    @GetMapping("/accounts")
    @Transactional(readOnly = true)
    PageView<AccountView> list(@CurrentUser Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        permissions.require(actor, AccessPermissions.ACCOUNT_READ);
        String pattern = q == null || q.isBlank() ? null
                : "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        Page<Account> result = accounts.search(pattern, Paging.of(page, size, Sort.by("username")));
        Map<Long, AreaRef> places = places(result.getContent());
        return PageView.of(result, a -> view(a, places));
    }

    @Operation(summary = "One account with its roles")
    @GetMapping("/accounts/{id}")
    @Transactional(readOnly = true)
    AccountView get(@CurrentUser Actor actor, @PathVariable long id) {
        permissions.require(actor, AccessPermissions.ACCOUNT_READ);
        Account account = load(id);
        return view(account, places(List.of(account)));
    }

    @Operation(summary = "Create an account (system administrator)")
    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@CurrentUser Actor actor, @Valid @RequestBody CreateForm form) {
        permissions.require(actor, AccessPermissions.ACCOUNT_WRITE);
        String username = Account.normalize(form.username());
        if (accounts.existsByUsername(username)) {
            throw new ConflictException("conflict", "account.username.taken", username);
        }
        policy.check(username, form.password());
        Account account = accounts.save(new Account(ids.next("account_seq"), username, form.displayName().strip(),
                encoder.encode(form.password()), false, clock.instant()));
        events.publishEvent(AccountEvents.created(account));
        return view(account, Map.of());
    }

    @Operation(summary = "Rename, enable or disable an account (system administrator)")
    @PutMapping("/accounts/{id}")
    AccountView update(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody UpdateForm form) {
        permissions.require(actor, AccessPermissions.ACCOUNT_WRITE);
        Account account = load(id);
        if (!form.version().equals(account.version())) {
            throw new OptimisticLockingFailureException("account " + id + " changed meanwhile");
        }
        if (account.id() == actor.accountId() && !form.enabled()) {
            throw new InvalidInputException("enabled", "account.disable-self");
        }
        account.rename(form.displayName().strip());
        account.enable(form.enabled());
        accounts.saveAndFlush(account);
        events.publishEvent(AccountEvents.updated(account));
        return view(account, places(List.of(account)));
    }

    @Operation(summary = "Give the account a role at a node of the area tree (system administrator)")
    @PostMapping("/accounts/{id}/role-assignments")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView assign(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody AssignForm form) {
        permissions.require(actor, AccessPermissions.ROLE_ASSIGN);
        Account account = load(id);
        if (!Role.exists(form.role())) {
            throw new InvalidInputException("role", "account.role.unknown", form.role());
        }
        Role role = Role.valueOf(form.role());
        AreaRef area = areas.find(form.areaId()).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkAssignableAt(actor, area.path());
        if (!role.areaLevels().contains(area.level())) {
            throw new InvalidInputException("areaId", "account.role.wrong-level", label(role, LocaleContextHolder.getLocale()));
        }
        RoleAssignment assignment = account.assign(ids.next("role_assignment_seq"), role, area.id(), clock.instant());
        accounts.saveAndFlush(account);
        events.publishEvent(AccountEvents.roleAssigned(account, assignment));
        return view(account, places(List.of(account)));
    }

    @Operation(summary = "Take a role away (system administrator)")
    @DeleteMapping("/accounts/{id}/role-assignments/{assignmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long assignmentId) {
        permissions.require(actor, AccessPermissions.ROLE_ASSIGN);
        Account account = load(id);
        RoleAssignment assignment = account.assignments().stream().filter(a -> a.id() == assignmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("RoleAssignment"));
        AreaRef area = areas.find(assignment.areaId()).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkAssignableAt(actor, area.path());
        account.revoke(assignmentId);
        accounts.saveAndFlush(account);
        events.publishEvent(AccountEvents.roleRevoked(account, assignment));
    }

    @Operation(summary = "Lift a login lock before its time (security administrator)")
    @PostMapping("/accounts/{id}/unlock")
    AccountView unlock(@CurrentUser Actor actor, @PathVariable long id) {
        permissions.require(actor, AccessPermissions.ACCOUNT_UNLOCK);
        Account account = load(id);
        login.unlock(account.username());
        events.publishEvent(AccountEvents.unlocked(account));
        return view(account, places(List.of(account)));
    }

    @Operation(summary = "Turn off the second factor of someone who lost his phone (security administrator)")
    @PostMapping("/accounts/{id}/totp/reset")
    AccountView resetSecondFactor(@CurrentUser Actor actor, @PathVariable long id) {
        permissions.require(actor, AccessPermissions.ACCOUNT_UNLOCK);
        Account account = load(id);
        account.disableTotp();
        accounts.saveAndFlush(account);
        events.publishEvent(new AccountEvents.AccountChanged("account.totp.reset", account.id(), account.username()));
        return view(account, places(List.of(account)));
    }

    @Operation(summary = "Set a new password (security administrator)")
    @PostMapping("/accounts/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody PasswordForm form) {
        permissions.require(actor, AccessPermissions.ACCOUNT_UNLOCK);
        Account account = load(id);
        policy.check(account.username(), form.password());
        account.changePassword(encoder.encode(form.password()), clock.instant());
        accounts.saveAndFlush(account);
        events.publishEvent(AccountEvents.passwordReset(account));
    }

    private Account load(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account"));
    }

    private Map<Long, AreaRef> places(List<Account> list) {
        var areaIds = list.stream().flatMap(a -> a.assignments().stream()).map(RoleAssignment::areaId)
                .collect(Collectors.toSet());
        return areaIds.isEmpty() ? Map.of()
                : areas.findAll(areaIds).stream().collect(Collectors.toMap(AreaRef::id, a -> a));
    }

    private AccountView view(Account account, Map<Long, AreaRef> places) {
        Locale locale = LocaleContextHolder.getLocale();
        Instant lockedUntil = login.lockedUntil(account.username()).orElse(null);
        List<GrantView> roles = account.assignments().stream().map(a -> {
            AreaRef area = places.get(a.areaId());
            return new GrantView(a.id(), a.role().name(), label(a.role(), locale), a.areaId(),
                    area == null ? null : area.name(), area == null ? null : area.level());
        }).toList();
        return new AccountView(account.id(), account.username(), account.displayName(), account.enabled(),
                lockedUntil != null, lockedUntil, account.lastLoginAt(), account.totpEnabled(), roles,
                account.version() == null ? 0 : account.version());
    }

    private String label(Role role, Locale locale) {
        return messages.getMessage("role." + role.name(), null, role.name(), locale);
    }
}
