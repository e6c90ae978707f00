/**
 * Who may use Lianxin: accounts, roles held at a node of the area tree, login with lockout,
 * database-backed sessions, CSRF, and the hash-chained audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "账号与权限")
package org.lianxin.access;
