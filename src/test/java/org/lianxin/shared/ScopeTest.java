package org.lianxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void theUnionOfTwoScopesKeepsOnlyTheTopPathsAndSeesWhatEitherSaw() {
        Scope read = Scope.of("/1/2/", "/1/5/");
        Scope manage = Scope.of("/1/2/3/", "/9/");
        Scope both = read.or(manage);
        assertThat(both.prefixes()).containsExactlyInAnyOrder("/1/2/", "/1/5/", "/9/");
        assertThat(both.contains("/9/10/")).isTrue();
        assertThat(both.contains("/1/7/")).isFalse();
        assertThat(Scope.none().or(Scope.none()).isEmpty()).isTrue();
    }
}
