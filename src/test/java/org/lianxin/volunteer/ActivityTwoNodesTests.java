package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianxin.ApiTest;
import org.lianxin.LianxinApplication;
import org.lianxin.shared.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two running instances of Lianxin on one database (H2 in memory, or PostgreSQL with LIANXIN_DB_URL), modelled on
 * {@code TwoNodesTests}: 200 members sign up for 120 places at once, half through each node, and exactly 120
 * get a place and 80 wait.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityTwoNodesTests extends ApiTest {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @Autowired
    ActivityRepository activities;
    @Autowired
    Ids ids;

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
    void twoHundredSignUpsThroughTwoNodesFor120PlacesGive120PlacesAnd80OnTheWaitlist() throws Exception {
        long id = ActivityStoryTests.concurrencyActivity(activities, ids, areaPath("北江社区"), areaId("北江社区"), 120);
        List<SignUpDesk> desks = nodes.stream().map(node -> node.getBean(SignUpDesk.class)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SignUpState>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long member = 80_000_000L + id * 1000 + i;
            SignUpDesk desk = desks.get(i % 2);
            results.add(pool.submit(() -> {
                start.await();
                return desk.signUp(id, new SignUpDesk.Volunteer(member, null, "志愿者" + member), Instant.now()).state();
            }));
        }
        start.countDown();
        Map<SignUpState, Integer> count = new HashMap<>();
        for (Future<SignUpState> f : results) {
            count.merge(f.get(), 1, Integer::sum);
        }
        pool.shutdown();

        assertThat(count).containsEntry(SignUpState.SIGNED_UP, 120).containsEntry(SignUpState.WAITLISTED, 80);
        assertThat(jdbc.queryForObject("select taken from activity where id = ?", Integer.class, id)).isEqualTo(120);
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and state = 'SIGNED_UP'",
                Integer.class, id)).isEqualTo(120);
    }
}
