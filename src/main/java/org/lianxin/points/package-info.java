/**
 * Points (积分): an append-only ledger per person, fed only by the other modules' events; rules per
 * subdistrict; balances, history, rankings and the service-hours certificate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "积分")
package org.lianxin.points;
