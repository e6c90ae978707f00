package org.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Registration with a community (报到) and unit registration (双报到) over HTTP. */
class RegistrationTests extends ApiTest {

    private long orgUnit(String name) {
        return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
    }

    private ObjectNode application(String grid) {
        ObjectNode form = Http.JSON.createObjectNode().put("communityId", areaId("北江社区")).put("gridId", areaId(grid))
                .put("note", "周末可以参加志愿服务");
        form.putArray("skills").add("NETWORK").add("LAW");
        form.putArray("availability").add("WEEKENDS");
        return form;
    }

    private int registeredIn(JsonNode overview, String grid) {
        for (JsonNode row : overview) {
            if (row.get("gridName").asString().equals(grid)) {
                return row.get("registered").asInt();
            }
        }
        throw new AssertionError("no row for " + grid + " in " + overview);
    }

    @Test
    void registrationStory_aMemberAppliesOnHisPhoneTheSecretaryPlacesHimInTheThirdGridsBranchAndHeAppearsThere() {
        String username = unique("bd");
        Http member = Members.memberWithLogin(port, username, "报到" + username, areaId("北江社区"));
        Http secretary = as("beijiang");
        long community = areaId("北江社区");
        int before = registeredIn(secretary.get("/api/v1/registrations/by-grid?communityId=" + community).json(), "北江社区第三网格");

        Response applied = member.post("/api/v1/registrations", application("北江社区第三网格"));
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.get("state").asString()).isEqualTo("PENDING");
        long id = applied.get("id").asLong();

        Response queue = secretary.get("/api/v1/registrations?state=PENDING&size=100");
        assertThat(queue.text()).contains("报到" + username);

        long branch = orgUnit("北江社区第三网格党支部");
        long group = orgUnit("北江社区第三网格第一党小组");
        Response approved = secretary.post("/api/v1/registrations/" + id + "/approve",
                Map.of("branchId", branch, "groupId", group));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("placement").get("branchName").asString()).isEqualTo("北江社区第三网格党支部");

        assertThat(secretary.get("/api/v1/registrations?branchId=" + branch + "&size=100").text()).contains("报到" + username);
        JsonNode overview = secretary.get("/api/v1/registrations/by-grid?communityId=" + community).json();
        assertThat(registeredIn(overview, "北江社区第三网格")).isEqualTo(before + 1);
        assertThat(overview.get(0).get("activitiesSince").asInt()).isZero();

        JsonNode mine = member.get("/api/v1/registrations/mine").json();
        assertThat(mine.get(0).get("state").asString()).isEqualTo("APPROVED");
        assertThat(mine.get(0).get("placement").get("groupName").asString()).isEqualTo("北江社区第三网格第一党小组");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'registration.approve' and object_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        // ... and on the grid's public board (公示), in the preview and in the PDF to post
        long grid = areaId("北江社区第三网格");
        JsonNode board = secretary.get("/api/v1/public-boards/" + grid).json();
        assertThat(board.get("branches").get(0).get("groups").get(0).get("members").toString()).contains("报到" + username);
        assertThat(org.lianxin.PdfText.of(secretary.download("/api/v1/public-boards/" + grid + "/pdf").bytes()))
                .contains("报到" + username).contains("北江社区第三网格党支部");
    }

    @Test
    void aSecondApplicationToTheSameCommunityIsRefusedWithAClearMessage() {
        Http member = Members.memberWithLogin(port, unique("dup"), unique("重复"), areaId("北江社区"));
        assertThat(member.post("/api/v1/registrations", application("北江社区第一网格")).status()).isEqualTo(201);
        Response again = member.post("/api/v1/registrations", application("北江社区第二网格"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("detail").asString()).contains("北江社区").contains("不能重复报到");
    }

    @Test
    void approvingTwiceIsRefusedNamingTheState() {
        Http member = Members.memberWithLogin(port, unique("twice"), unique("两次"), areaId("北江社区"));
        long id = member.post("/api/v1/registrations", application("北江社区第一网格")).get("id").asLong();
        Http secretary = as("beijiang");
        Map<String, Long> placement = Map.of("branchId", orgUnit("北江社区第一网格党支部"));
        assertThat(secretary.post("/api/v1/registrations/" + id + "/approve", placement).status()).isEqualTo(200);
        Response again = secretary.post("/api/v1/registrations/" + id + "/approve", placement);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("type").asString()).endsWith("invalid-state");
        assertThat(again.get("detail").asString()).contains("APPROVED");
    }

    @Test
    void aPlacementOutsideTheCommunityIsRefused() {
        Http member = Members.memberWithLogin(port, unique("out"), unique("区外"), areaId("北江社区"));
        long id = member.post("/api/v1/registrations", application("北江社区第二网格")).get("id").asLong();
        long shatouBranch = as("shatou").post("/api/v1/org-units", Http.JSON.createObjectNode()
                .put("parentId", orgUnit("中共沙头社区委员会")).put("level", "GRID_BRANCH").put("name", unique("沙头支部"))
                .put("areaId", areaId("沙头社区第一网格"))).get("id").asLong();
        Response refused = as("beijiang").post("/api/v1/registrations/" + id + "/approve", Map.of("branchId", shatouBranch));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("branchId");
        Response wrongGroup = as("beijiang").post("/api/v1/registrations/" + id + "/approve", Map.of(
                "branchId", orgUnit("北江社区第二网格党支部"), "groupId", orgUnit("北江社区第三网格第一党小组")));
        assertThat(wrongGroup.status()).isEqualTo(400);
        assertThat(as("beijiang").get("/api/v1/registrations/" + id).get("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void aRejectionNeedsAReasonAndTheMemberSeesIt() {
        Http member = Members.memberWithLogin(port, unique("rej"), unique("退回"), areaId("北江社区"));
        long id = member.post("/api/v1/registrations", application("北江社区第二网格")).get("id").asLong();
        assertThat(as("beijiang").post("/api/v1/registrations/" + id + "/reject", Map.of("reason", " ")).status())
                .isEqualTo(400);
        assertThat(as("beijiang").post("/api/v1/registrations/" + id + "/reject", Map.of("reason", "请改选第三网格"))
                .status()).isEqualTo(200);
        JsonNode mine = member.get("/api/v1/registrations/mine").json();
        assertThat(mine.get(0).get("reason").asString()).isEqualTo("请改选第三网格");
        // a rejection frees the community: he may apply again
        assertThat(member.post("/api/v1/registrations", application("北江社区第三网格")).status()).isEqualTo(201);
    }

    @Test
    void anotherCommunitysStaffCannotSeeOrDecideBeijiangsRegistrations() {
        long pending = jdbc.queryForObject("select min(r.id) from registration r join member m on m.id = r.member_id "
                + "where m.name = '刘明'", Long.class);
        assertThat(as("shatou").get("/api/v1/registrations/" + pending).status()).isEqualTo(404);
        assertThat(as("shatou").post("/api/v1/registrations/" + pending + "/reject", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(as("xinan").post("/api/v1/registrations/" + pending + "/reject", Map.of("reason", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void thePartnerUnitsContactRegistersItsPartyOrganisationAndTheCommunityApproves() {
        long unit = jdbc.queryForObject("select id from partner_unit where name = '三水燃气公司'", Long.class);
        Http secretary = as("beijiang");
        Response recorded = secretary.post("/api/v1/unit-registrations", Map.of("partnerUnitId", unit,
                "communityId", areaId("北江社区"), "partyOrganization", "三水燃气公司党支部", "offer", "燃气安全检查"));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(secretary.post("/api/v1/unit-registrations", Map.of("partnerUnitId", unit,
                "communityId", areaId("北江社区"), "partyOrganization", "三水燃气公司党支部")).status()).isEqualTo(409);
        long id = recorded.get("id").asLong();
        assertThat(secretary.post("/api/v1/unit-registrations/" + id + "/approve", Map.of()).get("state").asString())
                .isEqualTo("APPROVED");
        assertThat(secretary.post("/api/v1/unit-registrations/" + id + "/approve", Map.of()).status()).isEqualTo(409);

        JsonNode telecom = as("telecom").get("/api/v1/unit-registrations/mine").json();
        assertThat(telecom.toString()).contains("中国电信佛山三水分公司党委");
        assertThat(as("shatou").get("/api/v1/unit-registrations/" + id).status()).isEqualTo(404);
    }
}
