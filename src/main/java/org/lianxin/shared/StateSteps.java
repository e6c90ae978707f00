package org.lianxin.shared;

import java.util.List;

/**
 * The one check behind every state enum's {@code require(step)}: a step the current state does not allow answers
 * 409 {@code invalid-state} with the step, the current state and the steps it allows. Each enum keeps its own
 * transition table ({@code allowed()}) and message key ({@code <thing>.state.not-allowed}, arguments: step, state,
 * allowed steps joined by ", ").
 */
public final class StateSteps {

    private StateSteps() {
    }

    /** Throws the 409 unless {@code allowed} contains {@code step}; no allowed step reads "-". */
    public static void require(String messageKey, Enum<?> state, List<String> allowed, String step) {
        require(messageKey, state, allowed, step, "-");
    }

    /** As {@link #require(String, Enum, List, String)}, naming no allowed step as {@code none}. */
    public static void require(String messageKey, Enum<?> state, List<String> allowed, String step, String none) {
        if (!allowed.contains(step)) {
            throw new ConflictException("invalid-state", messageKey, step, state.name(),
                    allowed.isEmpty() ? none : String.join(", ", allowed));
        }
    }
}
