package org.lianxin.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Micro-projects (微项目) over HTTP: published by the community, joined by partner units up to the project's number
 * (also when they all press at once), built with progress updates and photos, returned and then accepted; bad input
 * saves nothing; other communities and unpaired units do not see it.
 */
class MicroProjectTests extends ApiTest {

    private static final String PASSWORD = "Project#2026x";

    private ObjectNode form(String title, int maxUnits) {
        ObjectNode form = Http.JSON.createObjectNode().put("areaId", areaId("北江社区")).put("title", title)
                .put("description", "在社区党群服务中心一楼建一个长者阅读角").put("place", "党群服务中心一楼")
                .put("budget", 8000).put("maxUnits", maxUnits);
        ArrayNode milestones = form.putArray("milestones");
        milestones.addObject().put("title", "采购书架").put("dueOn", LocalDate.now().plusDays(10).toString());
        milestones.addObject().put("title", "布置开放").put("dueOn", LocalDate.now().plusDays(30).toString());
        return form;
    }

    private long published(String title, int maxUnits) {
        Response created = as("beijiang").post("/api/v1/micro-projects", form(title, maxUnits));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    /** A new partner unit paired with {@code community}, whose contact has a login; the contact's client. */
    private Http unitContact(String unitName, String community) {
        Http sysadmin = as("sysadmin");
        String username = unique("unit");
        Response account = sysadmin.post("/api/v1/accounts", Http.JSON.createObjectNode().put("username", username)
                .put("displayName", unitName + "联系人").put("password", PASSWORD));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        assertThat(sysadmin.post("/api/v1/accounts/" + account.get("id").asLong() + "/role-assignments",
                Http.JSON.createObjectNode().put("role", "PARTNER_CONTACT").put("areaId", areaId("西南街道"))).status())
                .isLessThan(300);
        Http officer = as("xinan");
        Response unit = officer.post("/api/v1/partner-units", Http.JSON.createObjectNode().put("name", unitName)
                .put("kind", "ENTERPRISE").put("areaId", areaId("西南街道")).put("description", "共建单位"));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        long unitId = unit.get("id").asLong();
        assertThat(officer.post("/api/v1/partner-units/" + unitId + "/contacts", Http.JSON.createObjectNode()
                .put("name", "联系人").put("phone", "13712345678").put("username", username)).status()).isEqualTo(201);
        assertThat(officer.post("/api/v1/partner-units/" + unitId + "/pairings", Http.JSON.createObjectNode()
                .put("communityId", areaId(community)).put("since", "2026-11-01")).status()).isEqualTo(201);
        Http http = anonymous();
        assertThat(http.login(username, PASSWORD).status()).isEqualTo(200);
        return http;
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void theCommunityPublishesAReadingCornerTwoUnitsBuildItWithProgressPhotosAndTheCommunityAcceptsItAfterOneReturn() {
        Http mei = as("beijiang");
        Http telecom = as("telecom");
        Http gas = unitContact(unique("三水燃气公司第二支部"), "北江社区");
        Http third = unitContact(unique("西南物业公司"), "北江社区");
        String title = unique("长者阅读角");
        long id = published(title, 2);

        // open for the paired units, with what it is, the budget and the milestones
        Response open = telecom.get("/api/v1/micro-projects/open?size=100");
        assertThat(open.text()).contains(title);
        Response seen = telecom.get("/api/v1/micro-projects/" + id);
        assertThat(seen.get("budget").asInt()).isEqualTo(8000);
        assertThat(seen.get("milestones")).hasSize(2);
        assertThat(seen.get("actions").toString()).contains("claim");

        Response claimed = telecom.post("/api/v1/micro-projects/" + id + "/claim", Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(claimed.get("placesLeft").asInt()).isEqualTo(1);
        assertThat(claimed.get("mine").asBoolean()).isTrue();
        // the same unit again: 409 naming it
        Response twice = telecom.post("/api/v1/micro-projects/" + id + "/claim", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("中国电信佛山三水分公司");
        assertThat(gas.post("/api/v1/micro-projects/" + id + "/claim", Map.of()).status()).isEqualTo(200);
        // two units was the number: the third hears it is full, and is no longer offered to join
        Response full = third.post("/api/v1/micro-projects/" + id + "/claim", Map.of());
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text()).contains("名额已满");
        assertThat(third.get("/api/v1/micro-projects/" + id).get("actions").toString()).doesNotContain("claim");

        // completing with milestones open names them
        Response early = telecom.post("/api/v1/micro-projects/" + id + "/complete", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text()).contains("采购书架").contains("布置开放");

        Response first = telecom.post("/api/v1/micro-projects/" + id + "/updates", Map.of("text", "书架和图书已采购",
                "milestone", 0, "photo", "data:image/png;base64," + WishStoryTests.PNG));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.get("milestones").get(0).get("doneAt").isNull()).isFalse();
        long updateId = first.get("updates").get(0).get("id").asLong();
        assertThat(first.get("updates").get(0).get("unitName").asString()).isEqualTo("中国电信佛山三水分公司");
        Http.Bytes photo = mei.getBytes("/api/v1/micro-projects/" + id + "/updates/" + updateId + "/photo");
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).startsWith("image/png");
        // a milestone is finished once
        assertThat(gas.post("/api/v1/micro-projects/" + id + "/updates", Map.of("text", "again", "milestone", 0))
                .status()).isEqualTo(409);
        assertThat(gas.post("/api/v1/micro-projects/" + id + "/updates", Map.of("text", "阅读角布置完成",
                "milestone", 1)).status()).isEqualTo(201);
        assertThat(gas.post("/api/v1/micro-projects/" + id + "/complete", Map.of()).get("state").asString())
                .isEqualTo("COMPLETED");

        // the community returns it once, the units hear why, then accepts it
        Response returned = mei.post("/api/v1/micro-projects/" + id + "/return", Map.of("reason", "书架未固定在墙上"));
        assertThat(returned.get("state").asString()).isEqualTo("IN_PROGRESS");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                telecom.get("/api/v1/notifications?size=50").text()).contains("书架未固定在墙上"));
        assertThat(telecom.post("/api/v1/micro-projects/" + id + "/updates", Map.of("text", "书架已用膨胀螺丝固定"))
                .status()).isEqualTo(201);
        assertThat(telecom.post("/api/v1/micro-projects/" + id + "/complete", Map.of()).status()).isEqualTo(200);
        // a unit does not accept its own work
        assertThat(telecom.post("/api/v1/micro-projects/" + id + "/accept", Map.of("note", "ok")).status()).isEqualTo(403);
        Response accepted = mei.post("/api/v1/micro-projects/" + id + "/accept", Map.of("note", "书架牢固，已开放"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("acceptedBy").asString()).contains("梅丽华");
        assertThat(accepted.get("steps").toString()).contains("return").contains("accept");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                gas.get("/api/v1/notifications?size=50").text()).contains("微项目已通过验收").contains(title));
        assertThat(count("select count(*) from audit_entry where object_type = 'MicroProject' and object_id = ?"
                + " and action = 'micro-project.accept'", String.valueOf(id))).isEqualTo(1);
        // accepted is final
        assertThat(mei.post("/api/v1/micro-projects/" + id + "/cancel", Map.of("reason", "x")).text())
                .contains("ACCEPTED");
        assertThat(telecom.get("/api/v1/micro-projects/mine").text()).contains(title);
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsSaved() {
        Http mei = as("beijiang");
        int before = count("select count(*) from micro_project");
        ObjectNode bad = form("", 0).put("budget", -5);
        ((ArrayNode) bad.get("milestones")).addObject().put("title", "过去的事").put("dueOn", "2020-01-01");
        Response refused = mei.post("/api/v1/micro-projects", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("title").contains("budget").contains("maxUnits").contains("milestones[2].dueOn");
        assertThat(mei.post("/api/v1/micro-projects", form("x", 1).put("areaId", areaId("沙头社区"))).text())
                .contains("areaId");
        assertThat(mei.post("/api/v1/micro-projects", form("x", 1).putNull("milestones")).text()).contains("milestones");
        assertThat(count("select count(*) from micro_project")).isEqualTo(before);

        long id = published(unique("楼道照明"), 1);
        Http telecom = as("telecom");
        assertThat(mei.post("/api/v1/micro-projects/" + id + "/accept", Map.of("note", "好")).text())
                .contains("PUBLISHED");
        assertThat(telecom.post("/api/v1/micro-projects/" + id + "/updates", Map.of("text", "x")).status())
                .isEqualTo(403);
        assertThat(telecom.post("/api/v1/micro-projects/" + id + "/claim", Map.of()).status()).isEqualTo(200);
        int steps = count("select count(*) from micro_project_step where project_id = ?", id);
        Response notImage = telecom.post("/api/v1/micro-projects/" + id + "/updates", Map.of("text", "进展",
                "milestone", 0, "photo", "data:image/png;base64,SGVsbG8gd29ybGQ="));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.text()).contains("photo");
        assertThat(telecom.post("/api/v1/micro-projects/" + id + "/updates", Map.of("text", "进展", "milestone", 7))
                .text()).contains("milestone");
        assertThat(count("select count(*) from micro_project_update where project_id = ?", id)).isZero();
        assertThat(count("select count(*) from micro_project_step where project_id = ?", id)).isEqualTo(steps);
        assertThat(count("select count(*) from micro_project_milestone where project_id = ? and done_at is not null", id))
                .isZero();
        assertThat(mei.post("/api/v1/micro-projects/" + id + "/cancel", Map.of()).text()).contains("reason");
        assertThat(telecom.post("/api/v1/micro-projects/" + id + "/cancel", Map.of("reason", "不做了")).status())
                .isEqualTo(403);
    }

    @Test
    void otherCommunitiesAndUnpairedUnitsDoNotSeeIt() {
        long id = published(unique("无障碍坡道"), 2);
        assertThat(as("shatou").get("/api/v1/micro-projects/" + id).status()).isEqualTo(404);
        assertThat(as("shatou").get("/api/v1/micro-projects?size=100").text()).doesNotContain("\"id\":" + id + ",");
        Http elsewhere = unitContact(unique("沙头共建单位"), "沙头社区");
        assertThat(elsewhere.get("/api/v1/micro-projects/" + id).status()).isEqualTo(404);
        assertThat(elsewhere.post("/api/v1/micro-projects/" + id + "/claim", Map.of()).status()).isEqualTo(404);
        assertThat(elsewhere.get("/api/v1/micro-projects/open?size=100").text()).doesNotContain("无障碍坡道");
        assertThat(as("resident").get("/api/v1/micro-projects/" + id).status()).isEqualTo(404);
        assertThat(as("resident").get("/api/v1/micro-projects").status()).isEqualTo(403);
        assertThat(as("xinan").get("/api/v1/micro-projects/" + id).status()).isEqualTo(200);
        assertThat(as("xinan").post("/api/v1/micro-projects/" + id + "/cancel", Map.of("reason", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void fiveUnitsPressingJoinAtOnceOnTheLastPlaceGiveOneClaim() throws Exception {
        long id = published(unique("社区小菜园"), 1);
        List<Http> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contacts.add(unitContact(unique("共建单位" + i), "北江社区"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (Http contact : contacts) {
            answers.add(pool.submit(() -> {
                start.await();
                return contact.post("/api/v1/micro-projects/" + id + "/claim", Map.of()).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(count("select count(*) from micro_project_claim where project_id = ?", id)).isEqualTo(1);
    }
}
