package org.lianxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.node.ObjectNode;

class AreaTreeTests extends ApiTest {

    private ObjectNode area(long parentId, String level, String name, String boundary) {
        ObjectNode body = Http.JSON.createObjectNode().put("parentId", parentId).put("level", level).put("name", name);
        if (boundary != null) {
            body.set("boundary", Http.JSON.readTree(boundary));
        }
        return body;
    }

    @Test
    void theSubdistrictOfficerSeesTheWholeDemoTreeWithPolygons() {
        Http officer = as("xinan");
        Response roots = officer.get("/api/v1/areas/roots");
        assertThat(roots.json().findValuesAsString("name")).containsExactly("西南街道");

        Response communities = officer.get("/api/v1/areas?parentId=" + areaId("西南街道"));
        // the demo's two communities (CaseStatisticsTests adds communities of its own, named 统计社区…, beside them)
        assertThat(communities.get("content").findValuesAsString("name").stream().filter(n -> !n.startsWith("统计社区")))
                .containsExactlyInAnyOrder("北江社区", "沙头社区");
        Response map = officer.get("/api/v1/areas/" + areaId("北江社区") + "/map");
        assertThat(map.get("features")).hasSize(4);
        assertThat(map.get("features").get(1).get("geometry").get("type").asString()).isEqualTo("Polygon");
    }

    @Test
    void aCommunitySecretarySeesOnlyHerSubtreeAndAnotherCommunityAnswers404() {
        Http mei = as("beijiang");
        assertThat(mei.get("/api/v1/areas/roots").json().findValuesAsString("name")).containsExactly("北江社区");
        assertThat(mei.get("/api/v1/areas/" + areaId("北江社区第一网格")).status()).isEqualTo(200);

        Response other = mei.get("/api/v1/areas/" + areaId("沙头社区"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.get("detail").asString()).isEqualTo("未找到该区域，或您无权查看");
        assertThat(mei.get("/api/v1/areas/" + areaId("西南街道")).status()).isEqualTo(404);
        assertThat(mei.get("/api/v1/areas?level=COMMUNITY").get("content").findValuesAsString("name"))
                .containsExactly("北江社区");
        assertThat(mei.put("/api/v1/areas/" + areaId("沙头社区第一网格"), Http.JSON.createObjectNode()
                .put("name", "改名").put("version", 0)).status()).isEqualTo(404);
    }

    @Test
    void sheAddsAGridWithAPolygonAndSeesItOnTheMap() {
        Http mei = as("beijiang");
        String name = unique("北江社区新网格");
        Response created = mei.post("/api/v1/areas", area(areaId("北江社区"), "GRID", name, square(112.881, 23.151, 0.002)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.get("path").asString()).startsWith(areaPath("北江社区")).endsWith(created.get("id").asLong() + "/");
        assertThat(created.get("levelLabel").asString()).isEqualTo("网格");
        Response map = mei.get("/api/v1/areas/" + areaId("北江社区") + "/map");
        assertThat(map.get("features").findValuesAsString("name")).contains(name);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'area.create' and object_id = ?",
                Integer.class, created.get("id").asString())).isEqualTo(1);
    }

    @Test
    void movingAMicroGridToAnotherGridCarriesItsSubtreeAlong() {
        Http mei = as("beijiang");
        long grid1 = areaId("北江社区第一网格");
        long grid2 = areaId("北江社区第二网格");
        Response micro = mei.post("/api/v1/areas", area(grid1, "MICRO_GRID", unique("待迁微网格"), null));
        Response compound = mei.post("/api/v1/areas", area(micro.get("id").asLong(), "COMPOUND", unique("待迁小区"), null));
        Response building = mei.post("/api/v1/areas", area(compound.get("id").asLong(), "BUILDING", "1座", null));

        Response moved = mei.post("/api/v1/areas/" + micro.get("id").asLong() + "/move",
                Http.JSON.createObjectNode().put("parentId", grid2).put("version", micro.get("version").asLong()));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        String newPath = areaPath("北江社区第二网格") + micro.get("id").asLong() + "/";
        assertThat(moved.get("path").asString()).isEqualTo(newPath);
        Response buildingNow = mei.get("/api/v1/areas/" + building.get("id").asLong());
        assertThat(buildingNow.get("path").asString())
                .isEqualTo(newPath + compound.get("id").asLong() + "/" + building.get("id").asLong() + "/");
        assertThat(buildingNow.get("ancestors").findValuesAsString("name")).contains("北江社区第二网格");
    }

    @Test
    void aMoveThatMakesACycleOrBreaksTheLevelsIsRefusedAndChangesNothing() {
        Http mei = as("beijiang");
        Response grid = mei.post("/api/v1/areas", area(areaId("北江社区"), "GRID", unique("环测网格"), null));
        Response micro = mei.post("/api/v1/areas", area(grid.get("id").asLong(), "MICRO_GRID", unique("环测微网格"), null));
        String before = areaPath("北江社区第一网格");

        Response cycle = mei.post("/api/v1/areas/" + grid.get("id").asLong() + "/move",
                Http.JSON.createObjectNode().put("parentId", micro.get("id").asLong()).put("version", 0));
        Response levels = mei.post("/api/v1/areas/" + areaId("北江社区第一网格") + "/move",
                Http.JSON.createObjectNode().put("parentId", grid.get("id").asLong()).put("version", 0));

        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.get("errors").get(0).get("field").asString()).isEqualTo("parentId");
        assertThat(cycle.get("detail").asString()).contains("下级");
        assertThat(levels.status()).isEqualTo(400);
        assertThat(areaPath("北江社区第一网格")).isEqualTo(before);
    }

    @Test
    void aStaleVersionIsAConflictNotASilentOverwrite() {
        Http mei = as("beijiang");
        Response grid = mei.post("/api/v1/areas", area(areaId("北江社区"), "GRID", unique("版本网格"), null));
        long id = grid.get("id").asLong();
        assertThat(mei.put("/api/v1/areas/" + id, Http.JSON.createObjectNode().put("name", unique("甲"))
                .put("version", 0)).status()).isEqualTo(200);

        Response stale = mei.put("/api/v1/areas/" + id, Http.JSON.createObjectNode().put("name", unique("乙"))
                .put("version", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.get("type").asString()).endsWith("/stale-version");
    }

    @Test
    void aNodeWithChildrenCannotBeDeletedButALeafCan() {
        Http mei = as("beijiang");
        assertThat(mei.delete("/api/v1/areas/" + areaId("北江社区第一网格")).status()).isEqualTo(409);
        Response leaf = mei.post("/api/v1/areas", area(areaId("北江社区第二网格"), "MICRO_GRID", unique("临时微网格"), null));
        assertThat(mei.delete("/api/v1/areas/" + leaf.get("id").asLong()).status()).isEqualTo(204);
        assertThat(mei.get("/api/v1/areas/" + leaf.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void communityStaffMaySeeButNotChangeTheTree() {
        Http staff = as("bjstaff");
        assertThat(staff.get("/api/v1/areas/" + areaId("北江社区第一网格")).status()).isEqualTo(200);
        Response refused = staff.post("/api/v1/areas", area(areaId("北江社区"), "GRID", unique("无权网格"), null));
        assertThat(refused.status()).isEqualTo(403);
    }
}
