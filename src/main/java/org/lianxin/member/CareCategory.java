package org.lianxin.member;

/** The four kinds of members who need care rather than tasks (四类党员). Sensitive: needs consent. */
enum CareCategory {
    FRAIL_ELDERLY, IMMOBILE, SERIOUSLY_ILL, DISABLED
}
