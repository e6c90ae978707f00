/**
 * Party members: their records with the five clear facts (五清) and care categories, registration
 * with the home community (报到) with placement in a grid branch, group and responsibility zone, and
 * partner units' Party organisations registering with a community (双报到).
 */
@org.springframework.modulith.ApplicationModule(displayName = "党员")
package org.lianxin.member;
