package org.lianxin.member;

/** When a registering member can serve. */
enum Availability {
    WEEKDAY_DAYTIME, WEEKDAY_EVENINGS, WEEKENDS, HOLIDAYS, ANY_TIME
}
