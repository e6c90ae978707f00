package org.lianxin.matching;

import java.util.List;

import org.lianxin.shared.StateSteps;

/**
 * SUBMITTED → DISPATCHED (发单) → TAKEN (接单) → FULFILLED → CLOSED (confirmed). A dispatched need that no unit takes in
 * time, or that every unit it was sent to declines, goes back to the community (RETURNED) and may be dispatched again.
 * The community may cancel a need until it is taken.
 */
enum NeedState {
    SUBMITTED, DISPATCHED, RETURNED, TAKEN, FULFILLED, CLOSED, CANCELLED;

    List<String> allowed() {
        return switch (this) {
            case SUBMITTED, RETURNED -> List.of("dispatch", "cancel");
            case DISPATCHED -> List.of("take", "decline", "cancel");
            case TAKEN -> List.of("fulfil");
            case FULFILLED -> List.of("confirm");
            default -> List.of();
        };
    }

    /** An illegal step answers 409 naming the current state and the steps it allows. */
    void require(String step) {
        StateSteps.require("need.state.not-allowed", this, allowed(), step);
    }
}
