package org.lianxin.volunteer;

import java.util.List;

import org.lianxin.shared.ConflictException;

/**
 * PUBLISHED (members sign up, check in on site) → CONFIRMED once the organiser confirms the attendance list
 * after the activity; a confirmed list may still be corrected line by line, with a reason.
 */
enum ActivityState {
    PUBLISHED, CONFIRMED;

    List<String> allowed() {
        return switch (this) {
            case PUBLISHED -> List.of("sign-up", "check-in", "confirm");
            case CONFIRMED -> List.of("correct");
        };
    }

    void require(String step) {
        if (!allowed().contains(step)) {
            throw new ConflictException("invalid-state", "activity.state.not-allowed", step, name(),
                    String.join(", ", allowed()));
        }
    }
}
