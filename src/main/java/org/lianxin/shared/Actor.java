package org.lianxin.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: the account, its role grants, and for every permission the scope in which the
 * grants give it. Built once per request by the access module; passed to controllers with
 * {@link CurrentUser}.
 */
public record Actor(long accountId, String username, String displayName, List<Grant> grants,
                    Map<String, Scope> scopes) {

    /** One role held at one node of the area tree. */
    public record Grant(long id, String role, long areaId, String areaName, String areaLevel, String areaPath) {
    }

    public Actor {
        grants = List.copyOf(grants);
        scopes = Map.copyOf(scopes);
    }

    /** The part of the area tree in which this actor holds the permission; empty when it holds none. */
    public Scope scopeFor(String permission) {
        return scopes.getOrDefault(permission, Scope.none());
    }

    public boolean has(String permission) {
        return !scopeFor(permission).isEmpty();
    }

    public Set<String> permissions() {
        return new TreeSet<>(scopes.keySet());
    }
}
