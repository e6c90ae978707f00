package org.lianxin.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianxin.ApiTest;
import org.lianxin.LianxinApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The overdue job started on two nodes sharing one database at the same moment announces an overdue case once:
 * one audit entry, one inbox notice per person (ShedLock, and the per-deadline mark behind it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseOverdueTwoNodesTests extends ApiTest {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    void startTwoMoreNodes() {
        for (int i = 0; i < 2; i++) {
            nodes.add(new SpringApplicationBuilder(LianxinApplication.class).profiles("test")
                    .run("--server.port=0", "--spring.jmx.enabled=false"));
        }
    }

    @AfterAll
    void stopThem() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theOverdueJobStartedOnTwoNodesAtOnceAnnouncesACaseOnce() throws Exception {
        long id = as("grid3").post("/api/v1/cases", Map.of("category", "FACILITY", "description", unique("两节点：井盖缺失"),
                "longitude", CaseStoryTests.LON, "latitude", CaseStoryTests.LAT)).get("id").asLong();
        jdbc.update("update grid_case set deadline = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(600)), id);
        // an earlier run in this JVM may still hold the lock for its minimum time
        jdbc.update("update shedlock set lock_until = ? where name = 'case-overdue'", Timestamp.from(Instant.now().minusSeconds(60)));
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Void>> runs = nodes.stream().map(node -> CompletableFuture.runAsync(() -> {
            try {
                Object job = node.getBean("caseSchedule");
                Method announce = job.getClass().getMethod("announceOverdue");
                start.await();
                announce.invoke(job);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from notification where kind = 'case.overdue' and source_id like ? and recipient_account_id = "
                        + "(select id from account where username = 'grid3')", Integer.class, id + ":%")).isEqualTo(1));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'case.overdue' and object_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }
}
