package org.lianxin.care;

/**
 * The checklist of a care visit to a member in a care category (一看二谈三送): one look, two talks,
 * three deliveries. Labels: {@code care.item.<NAME>} in the message bundles.
 */
enum CareItem {
    /** 一看：看望慰问，看身体、看生活 */
    LOOK,
    /** 二谈：谈心谈生活 */
    TALK_LIFE,
    /** 二谈：谈政策、谈形势 */
    TALK_POLICY,
    /** 三送：送温暖 */
    DELIVER_WARMTH,
    /** 三送：送服务 */
    DELIVER_SERVICE,
    /** 三送：送组织关怀 */
    DELIVER_ORGANISATION_CARE
}
