/**
 * Volunteering (志愿服务): activities with capacity, waitlist and on-site check-in, hours, service teams
 * (党群服务队), campaigns with their actions (e.g. 百日先锋行动).
 */
@org.springframework.modulith.ApplicationModule(displayName = "志愿服务")
package org.lianxin.volunteer;
