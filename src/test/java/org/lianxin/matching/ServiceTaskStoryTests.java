package org.lianxin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.shared.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The service list (服务清单) over HTTP: story S3, capacity under 50 concurrent claims, giving a place back, and bad
 * input with nothing half-saved.
 */
class ServiceTaskStoryTests extends ApiTest {

    @Autowired
    ServiceTaskClaims claiming;

    @Autowired
    ServiceTaskRepository tasks;

    private static String saturdayAt(int weeks, int hour) {
        return LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).plusWeeks(weeks)
                .atTime(LocalTime.of(hour, 0)).atZone(ServiceTask.ZONE).toInstant().toString();
    }

    private static String mondayAt(int weeks, int hour) {
        return LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks)
                .atTime(LocalTime.of(hour, 0)).atZone(ServiceTask.ZONE).toInstant().toString();
    }

    private long list(Http mei, String title, List<String> skills, String startsAt, String endsAt, int places) {
        Response created = mei.post("/api/v1/service-tasks", Map.of("title", title, "description", "社区需要帮手",
                "skills", skills, "place", "北江社区党群服务中心", "startsAt", startsAt, "endsAt", endsAt, "places", places));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.get("taken").asInt()).isZero();
        return created.get("id").asLong();
    }

    private static List<String> titlesInOrder(Response page, List<String> ours) {
        List<String> titles = new ArrayList<>();
        for (JsonNode t : page.get("content")) {
            if (ours.contains(t.get("title").asString())) {
                titles.add(t.get("title").asString());
            }
        }
        return titles;
    }

    @Test
    void s3_secretaryMeiListsFourTasksMembersClaimByTheirSkillsAndNobodyIsAssigned() {
        Http mei = as("beijiang");
        String env = unique("小区环境整治");
        String lift = unique("加装电梯协调");
        String rental = unique("出租屋人口核查");
        String patrol = unique("无物业楼栋巡查");
        // weekday daytime does not suit 刘明 or 林志强 (weekends and evenings); the others do
        long envId = list(mei, env, List.of("CONSTRUCTION", "PHOTOGRAPHY"), mondayAt(1, 9), mondayAt(1, 12), 5);
        long liftId = list(mei, lift, List.of("LAW", "CONSTRUCTION"), saturdayAt(1, 14), saturdayAt(1, 16), 2);
        long rentalId = list(mei, rental, List.of("NETWORK", "LANGUAGES"), saturdayAt(2, 9), saturdayAt(2, 11), 2);
        long patrolId = list(mei, patrol, List.of("PLUMBING", "DRIVING"), saturdayAt(2, 9), saturdayAt(2, 12), 3);
        List<String> ours = List.of(env, lift, rental, patrol);

        // 刘明 (network, law; weekends and evenings) sees first the tasks that fit his skills and time
        Http liu = as("member");
        Response liuList = liu.get("/api/v1/service-tasks?state=OPEN&size=100");
        assertThat(liuList.status()).as(liuList.toString()).isEqualTo(200);
        assertThat(titlesInOrder(liuList, ours)).containsExactly(lift, rental, patrol, env);
        // 林志强 (plumbing, driving) sees the patrol first
        Http lin = as("louzhang");
        assertThat(titlesInOrder(lin.get("/api/v1/service-tasks?state=OPEN&size=100"), ours).get(0)).isEqualTo(patrol);

        // nobody is assigned: every task starts empty and only the members' own claims fill them
        assertThat(mei.get("/api/v1/service-tasks/" + liftId + "/claims").json()).isEmpty();
        Response liuClaims = liu.post("/api/v1/service-tasks/" + rentalId + "/claims", Map.of());
        assertThat(liuClaims.status()).as(liuClaims.toString()).isEqualTo(201);
        assertThat(liuClaims.get("taken").asInt()).isEqualTo(1);
        assertThat(liuClaims.get("myClaimState").asString()).isEqualTo("CLAIMED");
        assertThat(liu.post("/api/v1/service-tasks/" + liftId + "/claims", Map.of()).status()).isEqualTo(201);
        assertThat(lin.post("/api/v1/service-tasks/" + patrolId + "/claims", Map.of()).status()).isEqualTo(201);
        // the secretary cannot claim for anyone
        assertThat(mei.post("/api/v1/service-tasks/" + envId + "/claims", Map.of()).status()).isEqualTo(403);
        // claiming twice is refused
        Response twice = liu.post("/api/v1/service-tasks/" + rentalId + "/claims", Map.of());
        assertThat(twice.status()).isEqualTo(409);

        assertThat(mei.get("/api/v1/service-tasks/" + rentalId + "/claims").text()).contains("刘明").doesNotContain("林志强");
        assertThat(mei.get("/api/v1/service-tasks/" + envId + "/claims").json()).isEmpty();
        assertThat(liu.get("/api/v1/service-tasks/mine").text()).contains(rental, lift).doesNotContain(patrol);

        // 刘明 gives his place on the lift task back; the place is free again
        long claimId = liu.get("/api/v1/service-tasks/" + liftId).get("myClaimId").asLong();
        Response given = liu.post("/api/v1/service-tasks/" + liftId + "/claims/" + claimId + "/cancel", Map.of());
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.get("taken").asInt()).isZero();

        // done: each member who held a place is credited (ServiceTaskCompleted, in the audit log)
        Response completed = mei.post("/api/v1/service-tasks/" + rentalId + "/complete", Map.of());
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'ServiceTask' and object_id = ? "
                + "and action = 'service-task.completed'", Long.class, String.valueOf(rentalId))).isEqualTo(1L);
        Response late = lin.post("/api/v1/service-tasks/" + rentalId + "/claims", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text()).contains("COMPLETED");
    }

    @Test
    void fiftyMembersClaimingTenPlacesAtOnceGetExactlyTenPlaces() throws Exception {
        long id = list(as("beijiang"), unique("周末清洁"), List.of("CONSTRUCTION"), saturdayAt(3, 9), saturdayAt(3, 11), 10);
        ServiceTask task = tasks.findById(id).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long member = 9_000_000L + i;
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    claiming.claim(task, member, null, "党员" + member);
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int placed = 0;
        for (Future<Boolean> answer : answers) {
            placed += answer.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(placed).isEqualTo(10);
        assertThat(jdbc.queryForObject("select taken from service_task where id = ?", Integer.class, id)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from service_task_claim where task_id = ? and state = 'CLAIMED'",
                Long.class, id)).isEqualTo(10L);
        Response full = as("member").post("/api/v1/service-tasks/" + id + "/claims", Map.of());
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text()).contains("10");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsSaved() {
        Http mei = as("beijiang");
        long before = jdbc.queryForObject("select count(*) from service_task", Long.class);
        Response bad = mei.post("/api/v1/service-tasks", Map.of("title", "", "skills", List.of("JUGGLING"),
                "place", "", "startsAt", "2020-01-01T01:00:00Z", "endsAt", "2019-01-01T01:00:00Z", "places", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("title", "description", "skills", "place", "startsAt", "endsAt", "places");
        Response wrongType = mei.post("/api/v1/service-tasks", Map.of("title", "x", "places", "many"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(as("member").post("/api/v1/service-tasks", Map.of("title", "x")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from service_task", Long.class)).isEqualTo(before);
        // another community's secretary neither sees nor completes 北江's tasks
        long id = list(mei, unique("敬老院探访"), List.of("ARTS"), saturdayAt(1, 9), saturdayAt(1, 11), 4);
        assertThat(as("shatou").get("/api/v1/service-tasks/" + id).status()).isEqualTo(404);
        assertThat(as("shatou").post("/api/v1/service-tasks/" + id + "/complete", Map.of()).status()).isEqualTo(404);
    }
}
