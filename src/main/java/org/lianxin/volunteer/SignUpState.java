package org.lianxin.volunteer;

import java.util.List;

import org.lianxin.shared.StateSteps;

/**
 * A member's sign-up: SIGNED_UP (holds a place) or WAITLISTED (in the queue, promoted to SIGNED_UP when a place
 * frees); either may be CANCELLED before the start (and signed up again). On site SIGNED_UP → CHECKED_IN →
 * CHECKED_OUT. When the organiser confirms the list, a checked-in line becomes ATTENDED (with its minutes) and a
 * SIGNED_UP one NO_SHOW; a confirmed line may be corrected (ATTENDED ↔ NO_SHOW by its minutes). When the organiser
 * cancels the activity every sign-up not yet settled ends as ORGANISER_CANCELLED (told apart from the member's
 * own CANCELLED on the roster; nothing follows from it).
 */
enum SignUpState {
    SIGNED_UP, WAITLISTED, CANCELLED, CHECKED_IN, CHECKED_OUT, ATTENDED, NO_SHOW, ORGANISER_CANCELLED;

    List<String> allowed() {
        return switch (this) {
            case SIGNED_UP -> List.of("cancel", "check-in", "no-show");
            case WAITLISTED -> List.of("cancel", "promote");
            case CANCELLED -> List.of("sign-up");
            case CHECKED_IN -> List.of("check-out", "attend");
            case CHECKED_OUT -> List.of("attend");
            case ATTENDED, NO_SHOW -> List.of("correct");
            case ORGANISER_CANCELLED -> List.of();
        };
    }

    /** Holding a place or a place in the queue: what counts for overlapping activities. */
    boolean active() {
        return this == SIGNED_UP || this == WAITLISTED || this == CHECKED_IN || this == CHECKED_OUT;
    }

    void require(String step) {
        StateSteps.require("sign-up.state.not-allowed", this, allowed(), step, "");
    }
}
