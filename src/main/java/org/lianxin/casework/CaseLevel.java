package org.lianxin.casework;

/**
 * Who holds a case: the grid, or after escalation the community, the subdistrict, or a partner unit / functional
 * department (UNIT) named by the level that handed it over. Each level has its own time limit per category.
 */
enum CaseLevel {
    GRID, COMMUNITY, SUBDISTRICT, UNIT
}
