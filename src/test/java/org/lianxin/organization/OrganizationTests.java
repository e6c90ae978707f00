package org.lianxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

/** The Party organisation tree, partner units with their contacts and pairings, and the six grid roles. */
class OrganizationTests extends ApiTest {

    private long orgUnitId(String name) {
        return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
    }

    @Test
    void thePartyOrganisationTreeHasFiveLevelsEachBoundToItsArea() {
        Http officer = as("xinan");
        Response roots = officer.get("/api/v1/org-units/roots");
        assertThat(roots.json().findValuesAsString("name")).containsExactly("中共西南街道工作委员会");
        assertThat(roots.json().get(0).get("levelLabel").asString()).isEqualTo("街道党工委");

        Response communities = officer.get("/api/v1/org-units?parentId=" + roots.json().get(0).get("id").asLong());
        assertThat(communities.get("content").findValuesAsString("areaName")).containsExactlyInAnyOrder("北江社区", "沙头社区");
        Response branches = officer.get("/api/v1/org-units?parentId=" + orgUnitId("中共北江社区委员会"));
        assertThat(branches.get("content").findValuesAsString("levelLabel")).containsOnly("网格党支部");
        Response levels = officer.get("/api/v1/org-units/levels");
        assertThat(levels.json().findValuesAsString("label"))
                .containsExactly("街道党工委", "社区党委", "网格党支部", "网格党小组", "党员责任区");
    }

    @Test
    void aSecretaryAddsABranchBoundToAGridOfHerCommunityOnly() {
        Http mei = as("beijiang");
        assertThat(mei.get("/api/v1/org-units/roots").json().findValuesAsString("name")).containsExactly("中共北江社区委员会");
        long committee = orgUnitId("中共北江社区委员会");

        Response ok = mei.post("/api/v1/org-units", Http.JSON.createObjectNode().put("parentId", committee)
                .put("level", "GRID_BRANCH").put("name", unique("北江新支部")).put("areaId", areaId("北江社区第二网格")));
        Response foreignArea = mei.post("/api/v1/org-units", Http.JSON.createObjectNode().put("parentId", committee)
                .put("level", "GRID_BRANCH").put("name", unique("越界支部")).put("areaId", areaId("沙头社区第一网格")));
        Response wrongLevel = mei.post("/api/v1/org-units", Http.JSON.createObjectNode().put("parentId", committee)
                .put("level", "GRID_BRANCH").put("name", unique("楼栋支部")).put("areaId", areaId("北江社区")));

        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.get("areaName").asString()).isEqualTo("北江社区第二网格");
        assertThat(foreignArea.status()).isEqualTo(404);
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.get("errors").get(0).get("field").asString()).isEqualTo("areaId");
        assertThat(mei.get("/api/v1/org-units/" + orgUnitId("中共沙头社区委员会")).status()).isEqualTo(404);
    }

    @Test
    void aPartnerUnitsContactLogsInAndSeesItsPairings() {
        Http telecom = as("telecom");
        Response mine = telecom.get("/api/v1/partner-units/mine");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.json().get(0).get("name").asString()).isEqualTo("中国电信佛山三水分公司");
        assertThat(mine.json().get(0).get("pairings").findValuesAsString("communityName")).containsExactly("北江社区");
        assertThat(mine.json().get(0).get("contacts").get(0).get("phone").asString()).isEqualTo("138****8001");
        assertThat(telecom.get("/api/v1/areas/roots").json()).isEmpty();
        assertThat(telecom.get("/api/v1/partner-units").get("content")).isEmpty();
    }

    @Test
    void partnerUnitsAreRecordedWithContactsAndPairedWithCommunities() {
        Http officer = as("xinan");
        String name = unique("三水区图书馆");
        Response created = officer.post("/api/v1/partner-units", Http.JSON.createObjectNode().put("name", name)
                .put("kind", "ORGAN").put("areaId", areaId("西南街道")).put("description", "阅读角与讲座"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();

        Response contact = officer.post("/api/v1/partner-units/" + id + "/contacts", Http.JSON.createObjectNode()
                .put("name", "杨馆长").put("phone", "13712345678").put("position", "馆长"));
        assertThat(contact.status()).isEqualTo(201);
        assertThat(contact.get("contacts").get(0).get("phone").asString()).isEqualTo("137****5678");
        assertThat(jdbc.queryForObject("select phone_cipher from partner_contact where name = '杨馆长'", String.class))
                .doesNotContain("13712345678");

        Response paired = officer.post("/api/v1/partner-units/" + id + "/pairings", Http.JSON.createObjectNode()
                .put("communityId", areaId("沙头社区")).put("since", "2026-11-01").put("note", "读书会"));
        assertThat(paired.status()).isEqualTo(201);
        assertThat(officer.post("/api/v1/partner-units/" + id + "/pairings", Http.JSON.createObjectNode()
                .put("communityId", areaId("沙头社区")).put("since", "2026-11-02")).status()).isEqualTo(409);

        // the paired community sees it, the other community does not
        assertThat(as("shatou").get("/api/v1/partner-units/" + id).status()).isEqualTo(200);
        assertThat(as("beijiang").get("/api/v1/partner-units/" + id).status()).isEqualTo(404);

        long pairing = paired.get("pairings").get(0).get("id").asLong();
        Response ended = officer.post("/api/v1/partner-units/" + id + "/pairings/" + pairing + "/end",
                Http.JSON.createObjectNode().put("until", "2026-11-20"));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.get("pairings").get(0).get("active").asBoolean()).isFalse();
        assertThat(as("shatou").get("/api/v1/partner-units/" + id).status()).isEqualTo(404);
    }

    @Test
    void theSixGridRolesAreFilledPerGridAndShownMasked() {
        Http grid3 = as("grid3");
        Response roles = grid3.get("/api/v1/grid-roles?gridId=" + areaId("北江社区第三网格"));

        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.json()).hasSize(6);
        assertThat(roles.json().findValuesAsString("roleLabel")).contains("网格员及社区工作者", "商户联盟成员");
        assertThat(roles.json().findValuesAsString("phone")).allMatch(p -> p.contains("****"));
        assertThat(grid3.get("/api/v1/grid-roles?gridId=" + areaId("北江社区第一网格")).status()).isEqualTo(404);

        Http staff = as("bjstaff");
        Response added = staff.post("/api/v1/grid-roles", Http.JSON.createObjectNode().put("gridId", areaId("北江社区第一网格"))
                .put("role", "SOCIAL_MEDICAL").put("personName", "社区医生 苏").put("phone", "13698765432"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.get("phone").asString()).isEqualTo("136****5432");
        assertThat(staff.delete("/api/v1/grid-roles/" + added.get("id").asLong()).status()).isEqualTo(204);
        assertThat(as("grid3").post("/api/v1/grid-roles", Http.JSON.createObjectNode().put("gridId", areaId("北江社区第三网格"))
                .put("role", "VOLUNTEER").put("personName", "x")).status()).isEqualTo(403);
    }
}
