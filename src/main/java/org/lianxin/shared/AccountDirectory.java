package org.lianxin.shared;

import java.util.Optional;

/**
 * Looks up accounts by username for modules that link a record to a login (a partner unit's
 * contact). Implemented by the access module; declared here so that the modules below access do
 * not depend on it.
 */
public interface AccountDirectory {

    Optional<Long> idOf(String username);
}
