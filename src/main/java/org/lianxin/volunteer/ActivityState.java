package org.lianxin.volunteer;

import java.util.List;

import org.lianxin.shared.StateSteps;

/**
 * PUBLISHED (members sign up, check in on site) → CONFIRMED once the organiser confirms the attendance list
 * after the activity; a confirmed list may still be corrected line by line, with a reason. Before it ends the
 * organiser may edit it (only its description once it has started) or cancel it with a reason (CANCELLED: its
 * sign-ups end as cancelled by the organiser, nothing more happens to it).
 */
enum ActivityState {
    PUBLISHED, CONFIRMED, CANCELLED;

    List<String> allowed() {
        return switch (this) {
            case PUBLISHED -> List.of("sign-up", "check-in", "confirm", "edit", "cancel");
            case CONFIRMED -> List.of("correct");
            case CANCELLED -> List.of();
        };
    }

    void require(String step) {
        StateSteps.require("activity.state.not-allowed", this, allowed(), step, "");
    }
}
