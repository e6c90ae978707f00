package org.lianxin.access;

import org.lianxin.shared.AuditableEvent;

/** What happens to accounts and role assignments; each is audited. */
final class AccountEvents {

    private AccountEvents() {
    }

    record AccountChanged(String action, long accountId, String detail) implements AuditableEvent {
        public String objectType() {
            return "Account";
        }

        public String objectId() {
            return String.valueOf(accountId);
        }
    }

    static AccountChanged created(Account account) {
        return new AccountChanged("account.create", account.id(), account.username());
    }

    static AccountChanged updated(Account account) {
        return new AccountChanged("account.update", account.id(),
                account.username() + (account.enabled() ? " enabled" : " disabled"));
    }

    static AccountChanged roleAssigned(Account account, RoleAssignment assignment) {
        return new AccountChanged("account.role.assign", account.id(),
                account.username() + " " + assignment.role() + "@" + assignment.areaId());
    }

    static AccountChanged roleRevoked(Account account, RoleAssignment assignment) {
        return new AccountChanged("account.role.revoke", account.id(),
                account.username() + " " + assignment.role() + "@" + assignment.areaId());
    }

    static AccountChanged unlocked(Account account) {
        return new AccountChanged("account.unlock", account.id(), account.username());
    }

    static AccountChanged passwordReset(Account account) {
        return new AccountChanged("account.password.reset", account.id(), account.username());
    }
}
