package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

/** Service teams (党群服务队) over HTTP: formed with a leader, members added, activities run, and their record. */
class ServiceTeamTests extends ApiTest {

    private long memberId(String name) {
        return jdbc.queryForObject("select min(id) from member where name = ?", Long.class, name);
    }

    @Test
    void theCommunityFormsAMedicalTeamAddsAMemberAndItsActivitiesShowOnItsPage() {
        Http mei = as("beijiang");
        String name = unique("医护志愿服务队");
        Response created = mei.post("/api/v1/service-teams", Map.of("name", name, "kind", "PROFESSION",
                "description", "社区里有医护背景的党员", "areaId", areaId("北江社区"), "leaderMemberId", memberId("刘明")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long team = created.get("id").asLong();
        assertThat(created.get("leaderName").asString()).isEqualTo("刘明");
        Response added = mei.post("/api/v1/service-teams/" + team + "/members", Map.of("memberId", memberId("林志强")));
        assertThat(added.get("memberCount").asInt()).isEqualTo(2);
        assertThat(mei.post("/api/v1/service-teams/" + team + "/members", Map.of("memberId", memberId("林志强"))).status())
                .as("twice").isEqualTo(409);

        Instant start = Instant.now().plus(Duration.ofDays(21));
        Map<String, Object> form = new HashMap<>(Map.of("title", "义诊进楼栋", "areaId", areaId("北江社区"), "place", "时代城小区",
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(), "capacity", 6,
                "skills", List.of("MEDICAL"), "serviceTeamId", team));
        Response activity = mei.post("/api/v1/activities", form);
        assertThat(activity.status()).as(activity.toString()).isEqualTo(201);
        assertThat(activity.get("organiserKind").asString()).isEqualTo("SERVICE_TEAM");
        assertThat(activity.get("organiserName").asString()).isEqualTo(name);

        Response page = mei.get("/api/v1/service-teams/" + team);
        assertThat(page.get("activityCount").asLong()).isEqualTo(1);
        assertThat(page.get("activities").get(0).get("title").asString()).isEqualTo("义诊进楼栋");
        assertThat(as("member").get("/api/v1/service-teams?size=100").text()).contains(name);
        assertThat(as("shatou").get("/api/v1/service-teams/" + team).status()).isEqualTo(404);
    }

    @Test
    void aTeamNeedsANameAKindAndALeaderInTheCallersArea() {
        Response bad = as("shatou").post("/api/v1/service-teams", Map.of("kind", "NONSENSE", "areaId", areaId("北江社区"),
                "leaderMemberId", memberId("刘明")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("name").contains("kind").contains("areaId").contains("leaderMemberId");
        assertThat(as("member").post("/api/v1/service-teams", Map.of("name", "x")).status()).isEqualTo(403);
    }

    @Test
    void theDemoVanguardTeamShowsTheHoursOfItsRiverbankCleanUp() {
        Response list = as("beijiang").get("/api/v1/service-teams?size=100");
        long id = -1;
        for (var t : list.get("content")) {
            if (t.get("name").asString().equals("北江社区党员先锋服务队")) {
                id = t.get("id").asLong();
            }
        }
        Response team = as("beijiang").get("/api/v1/service-teams/" + id);
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.get("attendances").asLong()).isEqualTo(5);
        assertThat(team.get("minutes").asLong()).isGreaterThan(0);
    }
}
