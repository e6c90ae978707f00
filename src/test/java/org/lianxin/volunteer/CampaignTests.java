package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/**
 * Story S5 over HTTP: the subdistrict defines a campaign with its eight actions and rolls it out to every community
 * below; a community tags an activity to an action; the dashboard counts participation per community and action and
 * marks the communities lagging behind.
 */
class CampaignTests extends ApiTest {

    /**
     * Members of 北江社区 taking part in the demo 百日先锋行动: the riverbank clean-up's five; 刘明 (the quilt) and the two
     * on the school-gate duty are among them, so they count once.
     */
    static final long DEMO_MEMBERS = 5;

    @Test
    void s5_theSubdistrictRollsOutAHundredDayPioneerActionAndTheDashboardShowsWhoLagsBehind() {
        Http zhou = as("xinan");
        String name = unique("百日先锋行动");
        Response created = zhou.post("/api/v1/campaigns", Map.of("name", name, "areaId", areaId("西南街道"),
                "startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusDays(100).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("actions").size()).isEqualTo(8);
        assertThat(created.get("actions").get(2).get("name").asString()).isEqualTo("守护家园环境");
        assertThat(as("beijiang").get("/api/v1/campaigns/" + id).status()).as("not yet rolled out").isEqualTo(404);

        Response rolled = zhou.post("/api/v1/campaigns/" + id + "/roll-out", Map.of());
        assertThat(rolled.status()).as(rolled.toString()).isEqualTo(200);
        assertThat(rolled.get("communityCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(zhou.post("/api/v1/campaigns/" + id + "/roll-out", Map.of()).status()).as("once").isEqualTo(409);

        // 北江社区 sees it and tags an activity to an action
        Http mei = as("beijiang");
        assertThat(mei.get("/api/v1/campaigns?size=100").text()).contains(name);
        long action = created.get("actions").get(2).get("id").asLong();
        Instant start = Instant.now().plus(Duration.ofDays(25));
        Map<String, Object> form = new HashMap<>(Map.of("title", "楼道杂物清理", "areaId", areaId("北江社区"), "place", "时代城小区",
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(), "capacity", 10,
                "organiserKind", "COMMUNITY", "organiserName", "北江社区党委", "campaignActionId", action));
        Response activity = mei.post("/api/v1/activities", form);
        assertThat(activity.status()).as(activity.toString()).isEqualTo(201);
        assertThat(activity.get("campaignActionId").asLong()).isEqualTo(action);
        form.put("campaignActionId", 987_654_321L);
        assertThat(mei.post("/api/v1/activities", form).status()).isEqualTo(400);

        Response board = zhou.get("/api/v1/campaigns/" + id + "/dashboard");
        JsonNode beijiang = row(board, "北江社区");
        assertThat(beijiang.get("activities").asLong()).isEqualTo(1);
        assertThat(row(board, "沙头社区").get("lagging").asBoolean()).as("no activity at all").isTrue();
    }

    @Test
    void theDemoCampaignCountsTheVanguardTeamsRiverbankCleanUp() {
        Response list = as("xinan").get("/api/v1/campaigns?size=100");
        long id = -1;
        for (JsonNode c : list.get("content")) {
            if (c.get("name").asString().equals("百日先锋行动")) {
                id = c.get("id").asLong();
            }
        }
        Response board = as("xinan").get("/api/v1/campaigns/" + id + "/dashboard");
        assertThat(board.status()).isEqualTo(200);
        JsonNode beijiang = row(board, "北江社区");
        assertThat(beijiang.get("members").asLong()).isEqualTo(DEMO_MEMBERS);
        // the demo's tagged work: 黎伯祥's quilt (a wish 刘明 fulfilled) and the school-gate duty (a task completed)
        assertThat(beijiang.get("wishes").asLong()).isEqualTo(1);
        assertThat(beijiang.get("tasks").asLong()).isEqualTo(1);
        assertThat(beijiang.get("minutes").asLong()).isGreaterThan(0);
        assertThat(beijiang.get("lagging").asBoolean()).isFalse();
        assertThat(row(board, "沙头社区").get("lagging").asBoolean()).isTrue();
    }

    @Test
    void aCampaignIsDefinedByADistrictOrSubdistrictWithAProperPeriod() {
        Response bad = as("beijiang").post("/api/v1/campaigns", Map.of("name", "社区行动", "areaId", areaId("北江社区"),
                "startsOn", "2026-12-01", "endsOn", "2026-11-01", "actions", List.of("宣讲", "宣讲")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("areaId").contains("endsOn").contains("actions");
        assertThat(as("member").post("/api/v1/campaigns", Map.of("name", "x")).status()).isEqualTo(403);
    }

    private static JsonNode row(Response board, String community) {
        for (JsonNode r : board.get("communities")) {
            if (r.get("communityName").asString().equals(community)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + community + " in " + board);
    }
}
