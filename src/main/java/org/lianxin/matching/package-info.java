/**
 * Service matching (三单): the needs list (需求清单), the resources list (资源清单) of partner units and
 * members, matching with reasons, dispatch and take order (发单/接单), and the service list (服务清单) of
 * tasks members claim by skill.
 */
@org.springframework.modulith.ApplicationModule(displayName = "三单服务")
package org.lianxin.matching;
