package org.lianxin.casework;

import java.util.List;

/**
 * The case cycle (GLOSSARY.md): REPORTED → ACCEPTED → REGISTERED → DISPATCHED → HANDLING → HANDLED → VERIFIED →
 * CLOSED → RATED. HANDLED and VERIFIED may be returned for rework (back to HANDLING); the reporter may reopen a
 * handled or closed case within a set time (back to HANDLING). REJECTED and DUPLICATE end a case before it is
 * registered: rejected with a reason that says who decided and where to go instead, or marked a duplicate of
 * another case whose notices its reporter then follows. The labels are configuration (message bundles).
 */
enum CaseState {
    REPORTED, ACCEPTED, REGISTERED, DISPATCHED, HANDLING, HANDLED, VERIFIED, CLOSED, RATED, REJECTED, DUPLICATE;

    /** The steps that change the state from here. */
    List<String> steps() {
        return switch (this) {
            case REPORTED -> List.of("accept", "reject", "duplicate");
            case ACCEPTED -> List.of("register", "reject", "duplicate");
            case REGISTERED -> List.of("dispatch", "escalate", "reject");
            case DISPATCHED -> List.of("start", "escalate");
            case HANDLING -> List.of("handle", "escalate");
            case HANDLED -> List.of("verify", "return", "reopen");
            case VERIFIED -> List.of("close", "return", "reopen");
            case CLOSED -> List.of("rate", "reopen");
            default -> List.of();
        };
    }

    /** Open: someone still has to act, so the case has a deadline and a responsible person or unit. */
    boolean open() {
        return ordinal() <= VERIFIED.ordinal();
    }
}
