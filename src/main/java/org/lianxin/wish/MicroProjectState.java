package org.lianxin.wish;

import java.util.List;

import org.lianxin.shared.StateSteps;

/**
 * PUBLISHED → IN_PROGRESS (the first unit claims) → COMPLETED (a claimant reports it done) → ACCEPTED (the
 * community accepts it); COMPLETED → IN_PROGRESS when the community returns it for more work; the community may
 * cancel a project with a reason until it is completed. Units may join while it is published or in progress, up to
 * the project's number of units.
 */
enum MicroProjectState {
    PUBLISHED, IN_PROGRESS, COMPLETED, ACCEPTED, CANCELLED;

    List<String> allowed() {
        return switch (this) {
            case PUBLISHED -> List.of("claim", "cancel");
            case IN_PROGRESS -> List.of("claim", "update", "complete", "cancel");
            case COMPLETED -> List.of("accept", "return");
            default -> List.of();
        };
    }

    /** An illegal step answers 409 naming the current state and the steps it allows. */
    void require(String step) {
        StateSteps.require("micro-project.state.not-allowed", this, allowed(), step);
    }
}
