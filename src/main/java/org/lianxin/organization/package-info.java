/**
 * Where things are and who is organised there: the area tree (district … building) with grid
 * polygons, the Party organisation tree bound to it, partner units paired with communities, and the
 * six roles linked in each grid (六员联动).
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织架构")
package org.lianxin.organization;
