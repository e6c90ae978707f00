package org.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Download;
import org.lianxin.Http.Response;
import org.lianxin.PdfText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Responsibility zones' households, leaders, the public board (公示) per grid and the responsibility cards, over HTTP. */
class PublicBoardTests extends ApiTest {

    /** The printed documents, kept under target/pdf/ for a look (and the user guide). */
    private static void save(String name, byte[] pdf) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "pdf");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), pdf);
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                var image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80);
                javax.imageio.ImageIO.write(image, "png", dir.resolve(name.replace(".pdf", ".png")).toFile());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long orgUnit(String name) {
        return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
    }

    private long building(String compound, String building) {
        return jdbc.queryForObject("select b.id from area b join area c on c.id = b.parent_id where c.name = ? and b.name = ?",
                Long.class, compound, building);
    }

    private long household(Http staff, String compound, String building, String door) {
        Response created = staff.post("/api/v1/households", Http.JSON.createObjectNode()
                .put("buildingId", building(compound, building)).put("doorNumber", door));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private ObjectNode zoneForm(Long zoneId, long... householdIds) {
        ObjectNode form = Http.JSON.createObjectNode();
        if (zoneId == null) {
            form.putNull("zoneId");
        } else {
            form.put("zoneId", zoneId);
        }
        var ids = form.putArray("householdIds");
        for (long id : householdIds) {
            ids.add(id);
        }
        return form;
    }

    @Test
    void theThirdGridsBoardNamesTheSecretaryTheZoneLeaderWithAMaskedPhoneAndTheDoorsAsJsonAndAsPdf() {
        Http secretary = as("beijiang");
        long grid = areaId("北江社区第三网格");
        JsonNode board = secretary.get("/api/v1/public-boards/" + grid).json();
        assertThat(board.get("title").asString()).isEqualTo("北江社区第三网格 党员责任区公示");
        JsonNode branch = board.get("branches").get(0);
        assertThat(branch.get("name").asString()).isEqualTo("北江社区第三网格党支部");
        assertThat(branch.get("secretary").get("name").asString()).isEqualTo("梁志华");
        JsonNode group = branch.get("groups").get(0);
        assertThat(group.get("leader").get("name").asString()).isEqualTo("刘明");
        JsonNode zone = group.get("zones").get(0);
        assertThat(zone.get("name").asString()).isEqualTo("第3网格微网格1党员责任区");
        assertThat(zone.get("leader").get("name").asString()).isEqualTo("黄丽娟");
        assertThat(zone.get("leader").get("phone").asString()).isEqualTo("137****1005");
        assertThat(zone.get("households").toString()).contains("3座0605", "3座1101");
        assertThat(board.toString()).doesNotContain("13700001005").doesNotContain("13900139002");
        assertThat(board.get("contacts").toString()).contains("吴海", "139****9002");

        Download pdf = secretary.download("/api/v1/public-boards/" + grid + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        save("public-board.pdf", pdf.bytes());
        String text = PdfText.of(pdf.bytes());
        assertThat(text).contains("北江社区第三网格", "党员责任区公示", "梁志华", "黄丽娟", "137****1005", "3座0605", "3座1101",
                "刘明", "吴海", "北江社区党委");
        assertThat(text).doesNotContain("13700001005").doesNotContain("13700001001");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'public-board.print' and object_id = ?",
                Integer.class, String.valueOf(grid))).isPositive();
    }

    @Test
    void aMembersCardListsHisZonesHouseholdsAndTheMemberDownloadsHisOwn() {
        long huang = jdbc.queryForObject("select id from member where name = '黄丽娟'", Long.class);
        Download staff = as("bjstaff").download("/api/v1/members/" + huang + "/responsibility-card");
        assertThat(staff.status()).isEqualTo(200);
        String text = PdfText.of(staff.bytes());
        assertThat(text).contains("党员责任卡", "黄丽娟", "北江社区第三网格党支部", "第3网格微网格1党员责任区", "3座0605", "3座1101",
                "联系服务群众", "梁志华", "党员责任区长");
        assertThat(text).doesNotContain("13700001005");

        Download own = as("member").download("/api/v1/responsibility-cards/mine");
        assertThat(own.status()).isEqualTo(200);
        save("responsibility-card.pdf", own.bytes());
        assertThat(PdfText.of(own.bytes())).contains("刘明", "党小组长", "3座0605", "137****1001");
        assertThat(own.disposition()).contains("inline");
    }

    @Test
    void theGridsCardsComeAsOnePdfWithOnePagePerPlacedMember() {
        long grid = areaId("北江社区第三网格");
        int placed = jdbc.queryForObject("select count(*) from registration r join org_unit o on o.id = r.branch_id "
                + "where o.name = '北江社区第三网格党支部' and r.state = 'APPROVED'", Integer.class);
        Download cards = as("beijiang").download("/api/v1/public-boards/" + grid + "/cards");
        assertThat(cards.status()).isEqualTo(200);
        assertThat(placed).isGreaterThanOrEqualTo(3);
        assertThat(PdfText.pages(cards.bytes())).isEqualTo(placed);
        assertThat(PdfText.of(cards.bytes())).contains("黄丽娟", "梁志华", "刘明");
    }

    @Test
    void staffPutHouseholdsIntoAZoneTheBoardShowsThemAndTakingThemOutRemovesThem() {
        Http staff = as("bjstaff");
        String door = "3座" + unique("z").substring(1, 6);
        long household = household(staff, "颐澳湾小区", "3座", door);
        long zone = orgUnit("第3网格微网格1党员责任区");
        Response placed = staff.post("/api/v1/households/responsibility-zone", zoneForm(zone, household));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
        assertThat(placed.get("zoneName").asString()).isEqualTo("第3网格微网格1党员责任区");
        assertThat(staff.get("/api/v1/households?zoneId=" + zone + "&size=100").text()).contains(door);
        long grid = areaId("北江社区第三网格");
        assertThat(as("beijiang").get("/api/v1/public-boards/" + grid).text()).contains(door);
        assertThat(PdfText.of(as("beijiang").download("/api/v1/public-boards/" + grid + "/pdf").bytes())).contains(door);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'household.zone.join' and object_id = ?",
                Integer.class, String.valueOf(household))).isEqualTo(1);

        Response out = staff.post("/api/v1/households/responsibility-zone", zoneForm(null, household));
        assertThat(out.status()).isEqualTo(200);
        assertThat(as("beijiang").get("/api/v1/public-boards/" + grid).text()).doesNotContain(door);
        assertThat(staff.get("/api/v1/households/" + household).get("zoneId").isNull()).isTrue();
    }

    @Test
    void aHouseholdOutsideTheZonesGridOrAZoneIdThatIsNoZoneIsRefusedAndNothingChanges() {
        Http staff = as("bjstaff");
        long inside = household(staff, "颐澳湾小区", "3座", "3座" + unique("i").substring(1, 6));
        long outside = household(staff, "时代城小区", "2座", "2座" + unique("o").substring(1, 6));
        long zone = orgUnit("第3网格微网格1党员责任区");
        Response refused = staff.post("/api/v1/households/responsibility-zone", zoneForm(zone, inside, outside));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("householdIds");
        assertThat(refused.get("errors").toString()).contains("不在该责任区所属的网格内");
        assertThat(staff.get("/api/v1/households/" + inside).get("zoneId").isNull()).isTrue();

        Response notAZone = staff.post("/api/v1/households/responsibility-zone",
                zoneForm(orgUnit("北江社区第三网格第一党小组"), inside));
        assertThat(notAZone.status()).isEqualTo(400);
        assertThat(notAZone.get("errors").get(0).get("field").asString()).isEqualTo("zoneId");

        Response empty = staff.post("/api/v1/households/responsibility-zone", zoneForm(zone));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.get("errors").get(0).get("field").asString()).isEqualTo("householdIds");
    }

    @Test
    void anotherCommunityNeitherSeesTheBoardNorPlacesItsHouseholds() {
        long grid = areaId("北江社区第三网格");
        Http shatou = as("shatou");
        assertThat(shatou.get("/api/v1/public-boards/" + grid).status()).isEqualTo(404);
        assertThat(shatou.download("/api/v1/public-boards/" + grid + "/pdf").status()).isEqualTo(404);
        assertThat(shatou.download("/api/v1/public-boards/" + grid + "/cards").status()).isEqualTo(404);
        long huang = jdbc.queryForObject("select id from member where name = '黄丽娟'", Long.class);
        assertThat(shatou.download("/api/v1/members/" + huang + "/responsibility-card").status()).isEqualTo(404);
        assertThat(as("beijiang").get("/api/v1/public-boards/" + areaId("沙头社区第一网格")).status()).isEqualTo(404);
        assertThat(as("resident").get("/api/v1/public-boards/" + grid).status()).isIn(403, 404);

        long household = jdbc.queryForObject("select id from household where door_number = '3座0605'", Long.class);
        Response refused = shatou.post("/api/v1/households/responsibility-zone",
                zoneForm(orgUnit("第3网格微网格1党员责任区"), household));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(as("beijiang").get("/api/v1/public-boards/" + areaId("北江社区")).status()).isEqualTo(400);
    }

    @Test
    void anUnplacedMembersCardIsRefusedWithAClearMessage() {
        long deng = jdbc.queryForObject("select id from member where name = '邓嘉欣'", Long.class);
        Response refused = as("beijiang").get("/api/v1/members/" + deng + "/responsibility-card");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("detail").asString()).contains("邓嘉欣还没有在本社区报到并被安排");
        Http fresh = Members.memberWithLogin(port, unique("card"), unique("未编入"), areaId("北江社区"));
        assertThat(fresh.get("/api/v1/responsibility-cards/mine").status()).isEqualTo(409);
    }

    @Test
    void oneLeaderPerZoneAndALeaderMustBePlacedThere() {
        String username = unique("lead");
        String name = "组长" + username;
        Http member = Members.memberWithLogin(port, username, name, areaId("北江社区"));
        ObjectNode application = Http.JSON.createObjectNode().put("communityId", areaId("北江社区"))
                .put("gridId", areaId("北江社区第三网格"));
        application.putArray("availability").add("WEEKENDS");
        long id = member.post("/api/v1/registrations", application).get("id").asLong();
        Http secretary = as("beijiang");
        assertThat(secretary.post("/api/v1/registrations/" + id + "/lead", Map.of("role", "ZONE_LEADER")).status())
                .isEqualTo(409); // still pending
        secretary.post("/api/v1/registrations/" + id + "/approve", Map.of("branchId", orgUnit("北江社区第三网格党支部"),
                "groupId", orgUnit("北江社区第三网格第一党小组"), "zoneId", orgUnit("第3网格微网格1党员责任区")));

        Response taken = secretary.post("/api/v1/registrations/" + id + "/lead", Map.of("role", "ZONE_LEADER"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.get("detail").asString()).contains("黄丽娟");

        // placed only in the branch: no group to lead
        Http other = Members.memberWithLogin(port, unique("nogrp"), unique("无小组"), areaId("北江社区"));
        long only = other.post("/api/v1/registrations", application).get("id").asLong();
        secretary.post("/api/v1/registrations/" + only + "/approve", Map.of("branchId", orgUnit("北江社区第三网格党支部")));
        Response noGroup = secretary.post("/api/v1/registrations/" + only + "/lead", Map.of("role", "GROUP_LEADER"));
        assertThat(noGroup.status()).isEqualTo(400);
        assertThat(noGroup.get("errors").get(0).get("field").asString()).isEqualTo("role");

        Response notTheirs = as("shatou").post("/api/v1/registrations/" + id + "/lead", Map.of("role", "ZONE_LEADER"));
        assertThat(notTheirs.status()).isEqualTo(404);

        Response lead = secretary.post("/api/v1/registrations/" + id + "/lead", Http.JSON.createObjectNode().putNull("role"));
        assertThat(lead.status()).isEqualTo(200);
        assertThat(lead.get("leads").isNull()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'registration.lead' and object_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void theEnglishBoardSpeaksEnglish() {
        long grid = areaId("北江社区第三网格");
        JsonNode board = as("beijiang").language("en").get("/api/v1/public-boards/" + grid).json();
        assertThat(board.get("title").asString()).contains("responsibility zones");
        assertThat(board.get("branches").get(0).get("secretary").get("leadsLabel").asString())
                .isEqualTo("Grid branch secretary");
    }
}
