/**
 * Care: 1+n contact (联系户: a Party member in contact with n households of his community, 5–7 advised),
 * households due or overdue a visit (computed from the last visit), visits (走访) logged from mobile that
 * raise needs or cases in the same step, and care visits (一看二谈三送) to members in a care category.
 */
@org.springframework.modulith.ApplicationModule(displayName = "联系户与走访")
package org.lianxin.care;
