package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianxin.Http.Response;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of Lianxin side by side on one database (the test database: H2 in memory, or PostgreSQL
 * with LIANXIN_DB_URL): a session made on one works on the other, a scheduled job runs once, and
 * concurrent writes through both lose no update.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTests extends ApiTest {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private int portA;
    private int portB;

    @BeforeAll
    void startTwoMoreNodes() {
        for (int i = 0; i < 2; i++) {
            nodes.add(new SpringApplicationBuilder(LianxinApplication.class).profiles("test")
                    .run("--server.port=0", "--spring.jmx.enabled=false"));
        }
        portA = ((WebServerApplicationContext) nodes.get(0)).getWebServer().getPort();
        portB = ((WebServerApplicationContext) nodes.get(1)).getWebServer().getPort();
    }

    @AfterAll
    void stopThem() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aSessionMadeOnOneNodeWorksOnTheOther() {
        Http onA = Http.as(portA, "beijiang");
        Http onB = onA.on(portB);

        Response me = onB.get("/api/v1/auth/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.get("username").asString()).isEqualTo("beijiang");
        Response write = onB.post("/api/v1/areas", Http.JSON.createObjectNode().put("parentId", areaId("北江社区"))
                .put("level", "GRID").put("name", unique("跨节点网格")));
        assertThat(write.status()).as("a write on node B with the CSRF token of node A").isEqualTo(201);
        assertThat(onA.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        assertThat(onB.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void aScheduledJobStartedOnBothNodesAtOnceRunsOnce() throws Exception {
        int before = runsOfTheNightlyCheck();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Void>> runs = nodes.stream().map(node -> CompletableFuture.runAsync(() -> {
            try {
                Object job = node.getBean("auditSchedule");
                Method verify = job.getClass().getMethod("verifyChain");
                verify.setAccessible(true);
                start.await();
                verify.invoke(job);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        assertThat(runsOfTheNightlyCheck()).isEqualTo(before + 1);
    }

    private int runsOfTheNightlyCheck() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'audit.verify.scheduled'", Integer.class);
    }

    @Test
    void concurrentWritesThroughBothNodesLoseNoUpdate() throws Exception {
        Http onA = Http.as(portA, "beijiang");
        Http onB = Http.as(portB, "beijiang");
        Response created = onA.post("/api/v1/areas", Http.JSON.createObjectNode().put("parentId", areaId("北江社区"))
                .put("level", "GRID").put("name", unique("并发网格")));
        long id = created.get("id").asLong();
        long version = created.get("version").asLong();
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> rename(onA, id, "甲" + id, version, start));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> rename(onB, id, "乙" + id, version, start));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        Response winner = a.get().status() == 200 ? a.get() : b.get();
        Response now = onA.get("/api/v1/areas/" + id);
        assertThat(now.get("name").asString()).isEqualTo(winner.get("name").asString());
        assertThat(now.get("version").asLong()).isEqualTo(version + 1);
    }

    private static Response rename(Http http, long id, String name, long version, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return http.put("/api/v1/areas/" + id, Http.JSON.createObjectNode().put("name", name).put("version", version));
    }
}
