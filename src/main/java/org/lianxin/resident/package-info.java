/**
 * The resident ledger (居民信息台账): households (户) in the buildings of the area tree, the residents
 * living in each with their relation to the householder and tags (living alone, elderly, disabled…),
 * ID and phone numbers sealed with a blind index and shown masked, an audited reveal; and the
 * residents' own mobile accounts through SMS-code self-signup confirmed by community staff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "居民台账")
package org.lianxin.resident;
