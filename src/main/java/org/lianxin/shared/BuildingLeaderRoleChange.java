package org.lianxin.shared;

import java.util.List;

/**
 * An event saying that an account now leads (or no longer leads) some buildings: the member module
 * publishes it when a building leader is appointed, steps down, is dismissed or his term ends; the
 * access module gives or takes the BUILDING_LEADER role at those buildings. Declared here so that
 * access need not depend on member (member depends on resident, which depends on access).
 */
public interface BuildingLeaderRoleChange {

    /** The leader's login account; null when the member has none (then nothing changes). */
    Long accountId();

    List<Long> buildingIds();

    /** true: appointed, the role is given; false: the term ended, the role is taken. */
    boolean holds();
}
