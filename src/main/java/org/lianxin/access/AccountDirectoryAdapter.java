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
}
