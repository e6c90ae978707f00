package org.lianxin.shared;

import java.util.List;
import java.util.Optional;

/**
 * Looks up accounts by username for modules that link a record to a login (a partner unit's
 * contact). Implemented by the access module; declared here so that the modules below access do
 * not depend on it.
 */
public interface AccountDirectory {

    Optional<Long> idOf(String username);

    /** An account as other modules may know it: id and display name, nothing else. */
    record AccountRef(long id, String displayName) {
    }

    /**
     * The enabled accounts holding {@code role} at an area on the way from the root to {@code path} (the area
     * itself or one of its ancestors): e.g. the grid workers of the grid a case lies in. Casework routes to them.
     */
    List<AccountRef> accountsWithRoleAt(String role, String path);

    /** The display name of an account, if it exists. */
    Optional<String> displayNameOf(long accountId);
}
