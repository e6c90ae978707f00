package org.lianxin.casework;

/**
 * Where a case came from (intake channel): a grid worker's patrol, a resident (or member) on the mobile H5, a
 * building leader handing over a mailbox message, staff recording a phone call or a walk-in, a household visit.
 */
enum Channel {
    PATROL, RESIDENT, MAILBOX, PHONE, WALK_IN, VISIT
}
