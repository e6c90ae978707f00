package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.matching.MatchingEvents.ServiceTaskCompleted;
import org.lianxin.wish.WishEvents.WishConfirmed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, "activities, wishes and tasks can be tagged to an action" over HTTP: the community tags a service task and a
 * micro-wish to an action of a campaign rolled out to it and running; unknown actions, actions of a campaign not rolled
 * out and of a campaign that ended are refused naming the field; when the task is completed and the wish confirmed the
 * campaign dashboard counts them beside the activities, a member who did both counts once, and the same event delivered
 * twice counts once.
 */
class CampaignTagTests extends ApiTest {

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aTaggedTaskAndWishAreCountedOnTheDashboardOnceEachAndTheMemberWhoDidBothOnce() {
        Http zhou = as("xinan");
        Http mei = as("beijiang");
        Http liu = as("member");
        long running = campaign(zhou, unique("百日先锋行动"), LocalDate.now().minusDays(1), LocalDate.now().plusDays(60), true);
        long ended = campaign(zhou, unique("春季行动"), LocalDate.now().minusDays(60), LocalDate.now().minusDays(10), true);
        long draft = campaign(zhou, unique("未部署行动"), LocalDate.now().minusDays(1), LocalDate.now().plusDays(60), false);
        JsonNode actions = zhou.get("/api/v1/campaigns/" + running).get("actions");
        long care = actions.get(1).get("id").asLong(); // 关爱困难党员群众
        long home = actions.get(2).get("id").asLong(); // 守护家园环境
        long endedAction = zhou.get("/api/v1/campaigns/" + ended).get("actions").get(0).get("id").asLong();
        long draftAction = zhou.get("/api/v1/campaigns/" + draft).get("actions").get(0).get("id").asLong();

        // the task form offers the running campaign's actions, not the ended or the undeployed one's
        Response offered = mei.get("/api/v1/service-tasks/campaign-actions?areaId=" + areaId("北江社区"));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        assertThat(ids(offered.json())).contains(care, home).doesNotContain(endedAction, draftAction);
        assertThat(as("shatou").get("/api/v1/service-tasks/campaign-actions?areaId=" + areaId("北江社区")).status())
                .as("another community's area").isEqualTo(404);

        // a task tagged to an unknown action, to the ended campaign, to the undeployed one: 400 naming the field, nothing saved
        long tasksBefore = jdbc.queryForObject("select count(*) from service_task", Long.class);
        Instant start = Instant.now().plus(Duration.ofDays(2));
        Map<String, Object> form = new HashMap<>(Map.of("title", "河堤垃圾清理", "description", "清理北江河堤白色垃圾",
                "skills", List.of("CONSTRUCTION"), "place", "北江大堤", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(2)).toString(), "places", 3, "areaId", areaId("北江社区")));
        for (long bad : List.of(987_654_321L, endedAction, draftAction)) {
            form.put("campaignActionId", bad);
            Response refused = mei.post("/api/v1/service-tasks", form);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.text()).contains("campaignActionId");
        }
        Response english = as("beijiang").language("en").post("/api/v1/service-tasks", form);
        assertThat(english.text()).contains("No such campaign action");
        form.put("campaignActionId", endedAction);
        assertThat(mei.post("/api/v1/service-tasks", form).text()).contains("不在进行中");
        assertThat(jdbc.queryForObject("select count(*) from service_task", Long.class)).isEqualTo(tasksBefore);

        form.put("campaignActionId", home);
        Response task = mei.post("/api/v1/service-tasks", form);
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        long taskId = task.get("id").asLong();
        assertThat(task.get("campaignAction").get("name").asString()).isEqualTo("守护家园环境");
        assertThat(liu.get("/api/v1/service-tasks/" + taskId).get("campaignAction").get("id").asLong()).isEqualTo(home);

        // 刘明 claims a place; the community completes the task
        assertThat(liu.post("/api/v1/service-tasks/" + taskId + "/claims", Map.of()).status()).isEqualTo(201);
        assertThat(mei.post("/api/v1/service-tasks/" + taskId + "/complete", Map.of()).status()).isEqualTo(200);
        Response late = mei.post("/api/v1/service-tasks/" + taskId + "/campaign-action", Map.of("campaignActionId", care));
        assertThat(late.status()).as("a completed task keeps the tag it was counted with").isEqualTo(409);

        // a wish: the community publishes it tagged to 关爱困难党员群众; 刘明 claims and fulfils it; it is confirmed
        Response submitted = mei.post("/api/v1/wishes", Map.of("title", unique("冬天的厚棉被"), "story", "老人怕冷，想要一床厚棉被",
                "category", "DAILY_NEEDS", "estimatedValue", 200, "residentId", residentId("何秀英")));
        long wishId = submitted.get("id").asLong();
        assertThat(submitted.get("actions").toString()).contains("tag");
        Response choices = mei.get("/api/v1/wishes/" + wishId + "/campaign-actions");
        assertThat(ids(choices.json())).contains(care).doesNotContain(endedAction, draftAction);
        Response badPublish = mei.post("/api/v1/wishes/" + wishId + "/publish", Map.of("campaignActionId", endedAction));
        assertThat(badPublish.status()).isEqualTo(400);
        assertThat(badPublish.text()).contains("campaignActionId");
        assertThat(mei.get("/api/v1/wishes/" + wishId).get("state").asString()).as("nothing half-saved").isEqualTo("SUBMITTED");
        Response published = mei.post("/api/v1/wishes/" + wishId + "/publish", Map.of("campaignActionId", care));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.get("campaignAction").get("name").asString()).isEqualTo("关爱困难党员群众");
        assertThat(published.get("campaignAction").get("campaignId").asLong()).isEqualTo(running);
        JsonNode onWall = null;
        for (JsonNode w : liu.get("/api/v1/wishes/wall?size=100").get("content")) {
            if (w.get("id").asLong() == wishId) {
                onWall = w;
            }
        }
        assertThat(onWall).as("on the wall").isNotNull();
        assertThat(onWall.get("campaignAction").get("name").asString()).isEqualTo("关爱困难党员群众");
        assertThat(liu.post("/api/v1/wishes/" + wishId + "/campaign-action", Map.of("campaignActionId", home)).status())
                .as("only the community tags").isEqualTo(403);
        assertThat(liu.post("/api/v1/wishes/" + wishId + "/claim", Map.of()).status()).isEqualTo(200);
        assertThat(liu.post("/api/v1/wishes/" + wishId + "/fulfil", Map.of("note", "已送到", "photo", PNG)).status())
                .isEqualTo(200);
        assertThat(mei.post("/api/v1/wishes/" + wishId + "/confirm", Map.of()).status()).isEqualTo(200);
        assertThat(mei.post("/api/v1/wishes/" + wishId + "/campaign-action", Map.of("campaignActionId", home)).status())
                .as("a confirmed wish keeps its tag").isEqualTo(409);

        // the dashboard: in 北江社区 one task under 守护家园环境, one wish under 关爱困难党员群众, 刘明 counted once
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode row = row(zhou.get("/api/v1/campaigns/" + running + "/dashboard"), "北江社区");
            assertThat(row.get("tasks").asLong()).isEqualTo(1);
            assertThat(row.get("wishes").asLong()).isEqualTo(1);
        });
        JsonNode board = zhou.get("/api/v1/campaigns/" + running + "/dashboard").json();
        JsonNode beijiang = row(board, "北江社区");
        assertThat(beijiang.get("members").asLong()).as("刘明 did both").isEqualTo(1);
        assertThat(beijiang.get("activities").asLong()).isEqualTo(0);
        assertThat(beijiang.get("minutes").asLong()).as("hours are activity hours").isEqualTo(0);
        assertThat(beijiang.get("lagging").asBoolean()).isFalse();
        assertThat(cell(beijiang, home).get("tasks").asLong()).isEqualTo(1);
        assertThat(cell(beijiang, home).get("wishes").asLong()).isEqualTo(0);
        assertThat(cell(beijiang, home).get("members").asLong()).isEqualTo(1);
        assertThat(cell(beijiang, care).get("wishes").asLong()).isEqualTo(1);
        assertThat(cell(beijiang, care).get("members").asLong()).isEqualTo(1);
        JsonNode shatou = row(board, "沙头社区");
        assertThat(shatou.get("wishes").asLong() + shatou.get("tasks").asLong() + shatou.get("members").asLong()).isZero();
        assertThat(shatou.get("lagging").asBoolean()).isTrue();
        // the ended campaign's dashboard is untouched
        assertThat(row(zhou.get("/api/v1/campaigns/" + ended + "/dashboard"), "北江社区").get("tasks").asLong()).isZero();

        // the same events delivered again count once
        long claimId = jdbc.queryForObject("select id from service_task_claim where task_id = ?", Long.class, taskId);
        long liuId = jdbc.queryForObject("select member_id from service_task_claim where task_id = ?", Long.class, taskId);
        tx.executeWithoutResult(s -> {
            publisher.publishEvent(new ServiceTaskCompleted(taskId, claimId, liuId, null, areaPath("北江社区"), 120,
                    Instant.now(), home));
            publisher.publishEvent(new WishConfirmed(wishId, areaPath("北江社区"), "MEMBER", 0, liuId, null, true, false,
                    Instant.now(), care));
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from campaign_contribution where campaign_action_id in (?, ?)", Long.class, home, care))
                .isEqualTo(2));
        JsonNode again = row(zhou.get("/api/v1/campaigns/" + running + "/dashboard"), "北江社区");
        assertThat(again.get("tasks").asLong()).isEqualTo(1);
        assertThat(again.get("wishes").asLong()).isEqualTo(1);
    }

    @Test
    void anOpenTaskIsRetaggedOrUntaggedByTheCommunityOnly() {
        Http zhou = as("xinan");
        Http mei = as("beijiang");
        long running = campaign(zhou, unique("护学行动"), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), true);
        JsonNode actions = zhou.get("/api/v1/campaigns/" + running).get("actions");
        long first = actions.get(0).get("id").asLong();
        long school = actions.get(5).get("id").asLong();
        Instant start = Instant.now().plus(Duration.ofDays(3));
        Response task = mei.post("/api/v1/service-tasks", Map.of("title", "护学岗", "description", "校门口护送学生",
                "skills", List.of("EDUCATION"), "place", "北江小学", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(1)).toString(), "places", 2, "areaId", areaId("北江社区")));
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        long id = task.get("id").asLong();
        assertThat(task.get("campaignAction").isNull()).isTrue();
        assertThat(task.get("actions").toString()).contains("tag");
        Response tagged = mei.post("/api/v1/service-tasks/" + id + "/campaign-action", Map.of("campaignActionId", school));
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        assertThat(tagged.get("campaignAction").get("name").asString()).isEqualTo("护学护校");
        assertThat(as("member").post("/api/v1/service-tasks/" + id + "/campaign-action",
                Map.of("campaignActionId", first)).status()).isEqualTo(403);
        Map<String, Object> clear = new HashMap<>();
        clear.put("campaignActionId", null);
        Response cleared = mei.post("/api/v1/service-tasks/" + id + "/campaign-action", clear);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.get("campaignAction").isNull()).isTrue();
        assertThat(jdbc.queryForObject("select campaign_action_id from service_task where id = ?", Long.class, id)).isNull();
    }

    private long campaign(Http zhou, String name, LocalDate from, LocalDate to, boolean rollOut) {
        Response created = zhou.post("/api/v1/campaigns", Map.of("name", name, "areaId", areaId("西南街道"),
                "startsOn", from.toString(), "endsOn", to.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        if (rollOut) {
            assertThat(zhou.post("/api/v1/campaigns/" + id + "/roll-out", Map.of()).status()).isEqualTo(200);
        }
        return id;
    }

    private long residentId(String name) {
        return jdbc.queryForObject("select min(id) from resident where name = ?", Long.class, name);
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new java.util.ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    private static JsonNode row(Response board, String community) {
        return row(board.json(), community);
    }

    private static JsonNode row(JsonNode board, String community) {
        for (JsonNode r : board.get("communities")) {
            if (r.get("communityName").asString().equals(community)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + community + " in " + board);
    }

    private static JsonNode cell(JsonNode row, long actionId) {
        for (JsonNode c : row.get("cells")) {
            if (c.get("actionId").asLong() == actionId) {
                return c;
            }
        }
        throw new AssertionError("no cell for " + actionId + " in " + row);
    }
}
