package org.lianxin.member;

import java.util.List;

import org.lianxin.shared.ConflictException;

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
        if (!allowed().contains(step)) {
            throw new ConflictException("invalid-state", "registration.state.not-allowed", step, name(),
                    allowed().isEmpty() ? "-" : String.join(", ", allowed()));
        }
    }
}
