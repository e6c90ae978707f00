package org.lianxin.member;

/**
 * What a placed member leads (负责): his grid branch as its secretary (网格党支部书记), his group as its
 * leader (党小组长) or his responsibility zone as its leader (党员责任区长). At most one per branch, group
 * and zone. Printed on the public board (公示) and the responsibility card (党员责任卡).
 */
enum Leadership {
    BRANCH_SECRETARY, GROUP_LEADER, ZONE_LEADER
}
