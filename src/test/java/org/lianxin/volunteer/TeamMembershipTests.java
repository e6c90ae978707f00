package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

/**
 * Members leaving a service team (党群服务队) over HTTP: leaving himself, removed with a reason (told, audited), the
 * leader handing over before leaving, rejoining later with the history kept.
 */
class TeamMembershipTests extends ApiTest {

    private long memberId(String name) {
        return jdbc.queryForObject("select min(id) from member where name = ?", Long.class, name);
    }

    private long team(String leader, String... others) {
        Http mei = as("beijiang");
        Response created = mei.post("/api/v1/service-teams", Map.of("name", unique("服务队"), "kind", "INTEREST",
                "areaId", areaId("北江社区"), "leaderMemberId", memberId(leader)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        for (String o : others) {
            assertThat(mei.post("/api/v1/service-teams/" + id + "/members", Map.of("memberId", memberId(o))).status()).isEqualTo(200);
        }
        return id;
    }

    @Test
    void aMemberLeavesHimselfAndMayRejoinLaterWithHisFirstStintKept() {
        long id = team("林志强", "刘明");
        Http liu = as("member");
        Response before = liu.get("/api/v1/service-teams/" + id);
        assertThat(before.get("myRole").asString()).isEqualTo("MEMBER");
        Response left = liu.post("/api/v1/service-teams/" + id + "/leave", Map.of());
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.get("memberCount").asInt()).isEqualTo(1);
        assertThat(left.get("myRole").isNull()).isTrue();
        assertThat(left.get("pastMembers").get(0).get("name").asString()).isEqualTo("刘明");
        assertThat(left.get("pastMembers").get(0).get("leftAt").isNull()).isFalse();
        assertThat(liu.post("/api/v1/service-teams/" + id + "/leave", Map.of()).status()).as("not a member now").isEqualTo(409);

        Response back = as("beijiang").post("/api/v1/service-teams/" + id + "/members", Map.of("memberId", memberId("刘明")));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.get("memberCount").asInt()).isEqualTo(2);
        assertThat(back.get("pastMembers").size()).as("the first stint is kept").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'service-team.member.leave' and object_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1));
    }

    @Test
    void theLeaderHandsOverBeforeHeMayLeave() {
        long id = team("刘明", "林志强");
        Http liu = as("member");
        Response refused = liu.post("/api/v1/service-teams/" + id + "/leave", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("detail").asString()).contains("队长").contains("移交");
        assertThat(liu.post("/api/v1/service-teams/" + id + "/leader", Map.of("memberId", 987_654_321L)).status())
                .as("not in the team").isIn(400, 404);
        Response handed = liu.post("/api/v1/service-teams/" + id + "/leader", Map.of("memberId", memberId("林志强")));
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        assertThat(handed.get("leaderName").asString()).isEqualTo("林志强");
        assertThat(liu.post("/api/v1/service-teams/" + id + "/leave", Map.of()).status()).isEqualTo(200);
        assertThat(as("beijiang").post("/api/v1/service-teams/" + id + "/members/" + memberId("林志强") + "/remove",
                Map.of("reason", "试试")).status()).as("the leader cannot be removed either").isEqualTo(409);
    }

    @Test
    void staffRemoveAMemberWithAReasonAndHeIsTold() {
        long id = team("林志强", "刘明");
        Http mei = as("beijiang");
        Response noReason = mei.post("/api/v1/service-teams/" + id + "/members/" + memberId("刘明") + "/remove", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        assertThat(as("member").post("/api/v1/service-teams/" + id + "/members/" + memberId("林志强") + "/remove",
                Map.of("reason", "x")).status()).as("a plain member cannot").isEqualTo(403);
        assertThat(as("shatou").post("/api/v1/service-teams/" + id + "/members/" + memberId("刘明") + "/remove",
                Map.of("reason", "x")).status()).isEqualTo(404);
        Response removed = mei.post("/api/v1/service-teams/" + id + "/members/" + memberId("刘明") + "/remove",
                Map.of("reason", "长期未参加活动"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.get("pastMembers").get(0).get("leftReason").asString()).isEqualTo("长期未参加活动");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(as("member").get("/api/v1/notifications?size=100").text()).contains("移出").contains("长期未参加活动");
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'service-team.member.remove' "
                    + "and object_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        });
    }

    @Test
    void theDemoVanguardTeamHasAPastMemberAndStillCountsItsHours() {
        long id = jdbc.queryForObject("select min(id) from service_team where name = '北江社区党员先锋服务队'", Long.class);
        Response team = as("beijiang").get("/api/v1/service-teams/" + id);
        assertThat(team.get("pastMembers").size()).isEqualTo(1);
        assertThat(team.get("pastMembers").get(0).get("leftReason").asString()).contains("广州");
        assertThat(team.get("attendances").asLong()).isEqualTo(5);
    }
}
