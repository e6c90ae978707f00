package org.lianxin.shared;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The one way a query is limited to a {@link Scope}: the row's path starts with one of its prefixes. */
public final class ScopeSpecification {

    private ScopeSpecification() {
    }

    /** Rows whose {@code pathAttribute} lies inside the scope; none when the scope is empty. */
    public static <T> Specification<T> within(Scope scope, String pathAttribute) {
        return (root, query, cb) -> predicate(cb, root.get(pathAttribute), scope);
    }

    public static Predicate predicate(CriteriaBuilder cb, Path<String> path, Scope scope) {
        if (scope.isEmpty()) {
            return cb.disjunction();
        }
        // paths hold only digits and slashes, so no LIKE wildcard can slip in
        return cb.or(scope.prefixes().stream().map(prefix -> cb.like(path, prefix + "%")).toArray(Predicate[]::new));
    }
}
