/**
 * Value types and web conventions every module uses: the caller ({@link org.lianxin.shared.Actor})
 * and the data {@link org.lianxin.shared.Scope} it may see, paging, ProblemDetail errors, personal
 * data sealing, and the {@link org.lianxin.shared.AuditableEvent} contract.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN, displayName = "共享")
package org.lianxin.shared;
