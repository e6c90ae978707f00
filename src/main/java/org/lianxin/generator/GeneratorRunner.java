package org.lianxin.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar lianxin.jar --lianxin.generate.scale=district [--lianxin.generate.seed=42]} writes the
 * scale into the configured database after the migrations, prints progress, and exits (unless
 * {@code --lianxin.generate.exit=false}, then Lianxin keeps serving the data).
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "lianxin.generate.scale")
class GeneratorRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

    private final Generator generator;
    private final ConfigurableApplicationContext context;
    private final String scale;
    private final long seed;
    private final boolean exit;
    private final CaseGenerator caseGenerator;
    private final int cases;

    GeneratorRunner(Generator generator, ConfigurableApplicationContext context,
                    @Value("${lianxin.generate.scale}") String scale, @Value("${lianxin.generate.seed:42}") long seed,
                    @Value("${lianxin.generate.exit:true}") boolean exit, CaseGenerator caseGenerator,
                    @Value("${lianxin.generate.cases:0}") int cases) {
        this.caseGenerator = caseGenerator;
        this.cases = cases;
        this.generator = generator;
        this.context = context;
        this.scale = scale;
        this.seed = seed;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        Generator.Summary summary = generator.generate(Scale.of(scale), seed, line -> log.info("generating: {}", line));
        log.info("Generated scale {} with seed {} in {} s: {} areas, {} Party organisations, {} partner units, "
                        + "{} pairings, {} grid roles, {} accounts (password {}), {} households, {} residents", scale, seed,
                summary.millis() / 1000, summary.areas(), summary.orgUnits(), summary.partnerUnits(), summary.pairings(),
                summary.gridRoles(), summary.accounts(), Generator.PASSWORD, summary.households(), summary.residents());
        if (cases > 0) {
            // a year of grid cases over the district's grids (bench/cases.sh)
            long started = System.currentTimeMillis();
            int written = caseGenerator.generate("/" + summary.districtId() + "/", cases, seed, java.time.Instant.now(),
                    line -> log.info("generating: {}", line));
            log.info("Generated {} cases in {} s", written, (System.currentTimeMillis() - started) / 1000);
        }
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
