package org.lianxin.member;

import java.util.List;

import org.lianxin.shared.StateSteps;

/** PENDING → APPROVED | REJECTED; PENDING or APPROVED → WITHDRAWN. The same for unit registrations. */
enum RegistrationState {
    PENDING, APPROVED, REJECTED, WITHDRAWN;

    boolean active() {
        return this == PENDING || this == APPROVED;
    }

    List<String> allowed() {
        return switch (this) {
            case PENDING -> List.of("approve", "reject", "withdraw");
            case APPROVED -> List.of("withdraw", "lead");
            default -> List.of();
        };
    }

    /** An illegal step answers 409 naming the current state and the steps it allows. */
    void require(String step) {
        StateSteps.require("registration.state.not-allowed", this, allowed(), step);
    }
}
