/**
 * The data generator for benchmarks and trials: named scales (community, district) written with
 * bulk SQL that respects every constraint, personal data sealed like the application seals it,
 * deterministic for a seed. Run it with {@code --lianxin.generate.scale=district} (see bench/README.md).
 * It writes other modules' tables directly, as a loader does; no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "数据生成")
package org.lianxin.generator;
