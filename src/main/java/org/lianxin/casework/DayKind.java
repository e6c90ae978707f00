package org.lianxin.casework;

/**
 * What a listed day is. Days not listed follow the week: Monday to Friday work, Saturday and Sunday
 * rest. A HOLIDAY is a weekday off (放假); a WORKDAY is a weekend day worked to make up for one (调休上班).
 */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
