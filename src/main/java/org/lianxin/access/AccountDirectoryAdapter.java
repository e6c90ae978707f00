package org.lianxin.access;

import java.util.Optional;

import org.lianxin.shared.AccountDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The access module's answer to "which account has this username" for other modules. */
@Component
class AccountDirectoryAdapter implements AccountDirectory {

    private final AccountRepository accounts;

    AccountDirectoryAdapter(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String username) {
        return accounts.findByUsername(Account.normalize(username)).map(Account::id);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<AccountRef> accountsWithRoleAt(String role, String path) {
        if (!Role.exists(role) || path == null) {
            return java.util.List.of();
        }
        java.util.List<Long> ids = java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty())
                .map(Long::parseLong).toList();
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        return accounts.holdingRoleAt(Role.valueOf(role), ids).stream()
                .map(a -> new AccountRef(a.id(), a.displayName())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> displayNameOf(long accountId) {
        return accounts.findById(accountId).map(Account::displayName);
    }
}
