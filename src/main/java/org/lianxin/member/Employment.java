package org.lianxin.member;

/** What a member does for a living; in-service members (在职党员) register where they live. */
enum Employment {
    IN_SERVICE, RETIRED, STUDENT, FLEXIBLE, UNEMPLOYED, OTHER
}
