package org.lianxin.access;

import java.time.Clock;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small part of account management other modules may use: the resident module creates a
 * resident's own account at self-signup (no role yet) and gives it the RESIDENT role once staff
 * confirm. Nothing here grants any other role, so no module can raise an account's rights.
 * Every change is audited like the console's.
 */
@Component
@Transactional
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, Areas areas, Ids ids,
             ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    /** Checks a password against the policy for this username; 400 naming {@code password} when it fails. */
    @Transactional(readOnly = true)
    public void checkPassword(String username, String password) {
        policy.check(username, password);
    }

    /** A new enabled account without any role; 409 when the username is taken. */
    public long createResidentAccount(String username, String displayName, String password) {
        String normalized = Account.normalize(username);
        if (accounts.existsByUsername(normalized)) {
            throw new ConflictException("conflict", "account.username.taken", normalized);
        }
        policy.check(normalized, password);
        Account account = accounts.save(new Account(ids.next("account_seq"), normalized, displayName,
                encoder.encode(password), false, clock.instant()));
        events.publishEvent(AccountEvents.created(account));
        return account.id();
    }

    /** Gives the account the RESIDENT role at an area (a compound or building); nothing when it holds it already. */
    public void grantResident(long accountId, long areaId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account"));
        AreaRef area = areas.find(areaId).orElseThrow(() -> new NotFoundException("Area"));
        if (!Role.RESIDENT.areaLevels().contains(area.level())) {
            throw new InvalidInputException("areaId", "account.role.wrong-level", Role.RESIDENT.name());
        }
        if (account.assignments().stream().anyMatch(a -> a.role() == Role.RESIDENT && a.areaId() == areaId)) {
            return;
        }
        RoleAssignment assignment = account.assign(ids.next("role_assignment_seq"), Role.RESIDENT, areaId, clock.instant());
        accounts.saveAndFlush(account);
        events.publishEvent(AccountEvents.roleAssigned(account, assignment));
    }
}
