package org.lianxin.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;

/**
 * The map a reporter picks a place on (在地图上选点): residents and members, who cannot read the area tree, get the
 * grids of their own community; a grid worker his grid; never another community's map.
 */
class ReportMapTests extends ApiTest {

    private static List<String> names(Response map, String role) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : map.get("features")) {
            if (role.equals(f.get("properties").get("role").asString())) {
                names.add(f.get("properties").get("name").asString());
            }
        }
        return names;
    }

    @Test
    void aResidentGetsTheGridsOfHerCommunityAndNoOtherCommunitys() {
        // 陈美玲 may not read the area tree, so the organization map is closed to her
        assertThat(as("resident").get("/api/v1/areas/" + areaId("北江社区") + "/map").status()).isIn(403, 404);

        Response map = as("resident").get("/api/v1/cases/report-map");
        assertThat(map.status()).as(map.toString()).isEqualTo(200);
        assertThat(map.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(names(map, "self")).containsExactly("北江社区");
        assertThat(names(map, "child")).contains("北江社区第三网格", "第3网格微网格1")
                .allSatisfy(name -> assertThat(name).doesNotContain("沙头"));
        String beijiang = areaPath("北江社区");
        for (JsonNode f : map.get("features")) {
            long id = f.get("properties").get("id").asLong();
            assertThat(jdbc.queryForObject("select path from area where id = ?", String.class, id)).startsWith(beijiang);
            assertThat(f.get("geometry").get("type").asString()).isEqualTo("Polygon");
        }
        // every grid of the community with a boundary is there, and only places: no people
        Long grids = jdbc.queryForObject("select count(*) from area where path like ? and level in ('GRID', 'MICRO_GRID') "
                + "and boundary is not null", Long.class, beijiang + "%");
        assertThat(names(map, "child")).hasSize(grids.intValue());
        assertThat(map.text()).doesNotContain("陈美玲", "phone");
    }

    @Test
    void aMemberGetsHisRegisteredCommunityAndAGridWorkerHisGrid() {
        Response member = as("member").get("/api/v1/cases/report-map");
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(names(member, "self")).containsExactly("北江社区");

        Response shatou = as("shatou").get("/api/v1/cases/report-map");
        assertThat(shatou.status()).as(shatou.toString()).isEqualTo(200);
        assertThat(names(shatou, "self")).containsExactly("沙头社区");
        assertThat(names(shatou, "child")).isNotEmpty().allSatisfy(name -> assertThat(name).doesNotContain("北江"));

        Response grid = as("grid3").get("/api/v1/cases/report-map");
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        assertThat(names(grid, "self")).containsExactly("北江社区第三网格");
        assertThat(names(grid, "child")).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("第3网格微网格"));
    }

    @Test
    void nobodyElseGetsAMap() {
        assertThat(anonymous().get("/api/v1/cases/report-map").status()).isEqualTo(401);
        // the system administrator manages accounts, not cases
        assertThat(as("sysadmin").get("/api/v1/cases/report-map").status()).isEqualTo(403);
    }
}
