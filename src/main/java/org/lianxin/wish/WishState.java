package org.lianxin.wish;

import java.util.List;

import org.lianxin.shared.StateSteps;

/**
 * SUBMITTED → PUBLISHED | DECLINED; PUBLISHED → CLAIMED → FULFILLED → CONFIRMED; the claimant (or the
 * daily job, when the time to fulfil is over) may release a claim back to PUBLISHED.
 */
enum WishState {
    SUBMITTED, PUBLISHED, DECLINED, CLAIMED, FULFILLED, CONFIRMED;

    List<String> allowed() {
        return switch (this) {
            case SUBMITTED -> List.of("publish", "decline");
            case PUBLISHED -> List.of("claim");
            case CLAIMED -> List.of("release", "fulfil");
            case FULFILLED -> List.of("confirm");
            default -> List.of();
        };
    }

    /** An illegal step answers 409 naming the current state and the steps it allows. */
    void require(String step) {
        StateSteps.require("wish.state.not-allowed", this, allowed(), step);
    }
}
