package org.lianxin.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The part of the area tree a caller may see for one permission: a set of materialized path
 * prefixes ({@code /1/12/}). A row belongs to the scope when its area path starts with one of
 * them. Nested prefixes are folded into their ancestor, so the list stays short.
 */
public final class Scope {

    private static final Scope NONE = new Scope(List.of());

    private final List<String> prefixes;

    private Scope(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    public static Scope none() {
        return NONE;
    }

    public static Scope of(Collection<String> paths) {
        List<String> sorted = paths.stream().distinct().sorted(Comparator.comparingInt(String::length)).toList();
        List<String> kept = new ArrayList<>();
        for (String path : sorted) {
            if (!path.startsWith("/") || !path.endsWith("/")) {
                throw new IllegalArgumentException("not a materialized path: " + path);
            }
            if (kept.stream().noneMatch(path::startsWith)) {
                kept.add(path);
            }
        }
        return kept.isEmpty() ? NONE : new Scope(kept);
    }

    public static Scope of(String... paths) {
        return of(List.of(paths));
    }

    /** Where the caller holds either permission, e.g. read or manage: the union of two scopes. */
    public Scope or(Scope other) {
        List<String> both = new ArrayList<>(prefixes);
        both.addAll(other.prefixes);
        return of(both);
    }

    /** Whether a row whose area has this path lies inside the scope. */
    public boolean contains(String path) {
        return path != null && prefixes.stream().anyMatch(path::startsWith);
    }

    public boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /** The top paths of the scope, none of which lies inside another. */
    public List<String> prefixes() {
        return prefixes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope other && other.prefixes.equals(prefixes);
    }

    @Override
    public int hashCode() {
        return prefixes.hashCode();
    }

    @Override
    public String toString() {
        return "Scope" + prefixes;
    }
}
