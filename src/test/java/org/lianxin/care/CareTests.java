package org.lianxin.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * 1+n contact and visits over HTTP: the visit story (an overdue weekly visit to an elderly resident living
 * alone is flagged, the member is told once, his visit raises a need), the 5–7 rule, one contact per
 * household under concurrency, bad input and scope.
 */
class CareTests extends ApiTest {

    static final String PNG = CareDemo.PHOTO;

    @Autowired
    VisitSchedule schedule;

    static String idNumber() {
        var random = ThreadLocalRandom.current();
        String first17 = "440607" + (1940 + random.nextInt(20)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** A new household of 时代城小区 1座 with one resident carrying these tags; its door number. */
    private long household(String door, String name, String... tags) {
        return householdIn("时代城小区", door, name, tags);
    }

    /** A new household of building 1座 of a compound of 北江社区 with one resident carrying these tags. */
    private long householdIn(String compound, String door, String name, String... tags) {
        Http staff = as("beijiang");
        long building = jdbc.queryForObject("select a.id from area a join area c on c.id = a.parent_id "
                + "where a.name = '1座' and c.name = ?", Long.class, compound);
        Response created = staff.post("/api/v1/households", Map.of("buildingId", building, "doorNumber", door));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        Response resident = staff.post("/api/v1/residents", Map.of("householdId", id, "name", name, "idNumber", idNumber(),
                "relation", "HOUSEHOLDER", "tags", List.of(tags)));
        assertThat(resident.status()).as(resident.toString()).isEqualTo(201);
        return id;
    }

    private long memberId(String name) {
        return jdbc.queryForObject("select min(id) from member where name = ?", Long.class, name);
    }

    private JsonNode mineFor(Http http, long householdId) {
        for (JsonNode a : http.get("/api/v1/contact-assignments/mine").json()) {
            if (a.get("householdId").asLong() == householdId) {
                return a;
            }
        }
        return null;
    }

    private void runTheDailyJob() {
        jdbc.update("update shedlock set lock_until = current_timestamp where name = 'care-visit-overdue'");
        schedule.notifyOverdue();
    }

    /** A household of a building in another community (沙头社区), made directly: the resident ledger has none there. */
    private long elsewhere() {
        long grid = areaId("沙头社区第一网格");
        String gridPath = areaPath("沙头社区第一网格");
        long id = 8_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        String path = gridPath + id + "/";
        jdbc.update("insert into area (id, parent_id, level, name, code, path, boundary, version) values "
                + "(?, ?, 'BUILDING', ?, null, ?, null, 0)", id, grid, unique("沙头楼"), path);
        jdbc.update("insert into household (id, building_id, door_number, area_path, created_at, version) values "
                + "(?, ?, '0101', ?, current_timestamp, 0)", id, id, path);
        return id;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void anOverdueVisitIsFlaggedToTheGridWorkerOfTheHouseholdsGridOnceAndNotToOtherGrids() {
        String door3 = "1座" + unique("G");
        long inGrid3 = householdIn("颐澳湾小区", door3, "独居老人" + door3, "ELDERLY", "LIVING_ALONE");
        String door1 = "1座" + unique("G");
        long inGrid1 = household(door1, "独居老人" + door1, "ELDERLY", "LIVING_ALONE");
        Http staff = as("beijiang");
        Response assigned = staff.post("/api/v1/contact-assignments", Map.of("memberId", memberId("刘明"),
                "householdIds", List.of(inGrid3, inGrid1)));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        for (JsonNode a : assigned.get("assignments")) {
            jdbc.update("update contact_assignment set started_at = ? where id = ?",
                    java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(9))), a.get("id").asLong());
        }

        runTheDailyJob();
        runTheDailyJob();

        // 吴海, grid worker of 北江社区第三网格 (颐澳湾小区), hears of his grid's household, naming the member
        Http wu = as("grid3");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(wu.get("/api/v1/notifications?size=100").text()).contains("网格内联系户走访超期")
                        .contains(door3).contains("刘明"));
        assertThat(wu.get("/api/v1/notifications?size=100").text()).doesNotContain(door1);
        long wuId = count("select id from account where username = 'grid3'");
        assertThat(count("select count(*) from notification where kind = 'visit.overdue-grid' and recipient_account_id = ?"
                + " and source_id like ?", wuId, count("select max(id) from contact_assignment where household_id = ?", inGrid3) + "@%"))
                .isEqualTo(1L);
        // the member is still told of both households, as before
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as("member").get("/api/v1/notifications?size=100").text()).contains(door3).contains(door1));
    }

    @Test
    void visitStory_anOverdueWeeklyVisitToAnElderlyResidentLivingAloneIsFlaggedAndTheVisitRaisesANeed() {
        String door = "1座" + unique("V");
        long home = household(door, "独居老人" + door, "ELDERLY", "LIVING_ALONE");
        Http staff = as("beijiang");
        Http liu = as("member");

        // the community puts 刘明 in contact with the household; he hears of it
        Response assigned = staff.post("/api/v1/contact-assignments", Map.of("memberId", memberId("刘明"),
                "householdIds", List.of(home)));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        long assignment = assigned.get("assignments").get(0).get("id").asLong();
        assertThat(assigned.get("assignments").get(0).get("weekly").asBoolean()).isTrue();
        assertThat(mineFor(liu, home).get("status").asString()).isEqualTo("OK");

        // ten days pass without a visit: the weekly visit is overdue, in red on both sides
        jdbc.update("update contact_assignment set started_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(10))), assignment);
        assertThat(mineFor(liu, home).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(staff.get("/api/v1/contact-assignments?status=OVERDUE&size=100").text()).contains(door);

        // the daily job tells him, once however often it runs
        runTheDailyJob();
        runTheDailyJob();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(liu.get("/api/v1/notifications?size=50").text()).contains("联系户走访已超期").contains(door));
        assertThat(count("select count(*) from audit_entry where action = 'visit.overdue' and object_id = ?",
                String.valueOf(assignment))).isEqualTo(1L);
        assertThat(count("select count(*) from notification where kind = 'visit.overdue' and source_id like ?",
                assignment + "@%")).isEqualTo(1L);

        // he visits and raises a need in the same step
        Response visit = liu.post("/api/v1/visits", Map.of("householdId", home, "seen", "老人说最近膝盖疼，下楼困难",
                "residentPresent", true, "raiseNeed", "需要志愿者每周帮忙买菜", "photo", "data:image/png;base64," + PNG));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        long visitId = visit.get("id").asLong();
        assertThat(visit.get("raisedNeed").asString()).isEqualTo("需要志愿者每周帮忙买菜");
        assertThat(visit.get("hasPhoto").asBoolean()).isTrue();

        // no longer overdue; the need is announced (audited); staff see the visit in the log
        assertThat(mineFor(liu, home).get("status").asString()).isEqualTo("OK");
        assertThat(staff.get("/api/v1/contact-assignments?status=OVERDUE&size=100").text()).doesNotContain(door);
        assertThat(count("select count(*) from audit_entry where action = 'visit.raise-need' and object_id = ?",
                String.valueOf(visitId))).isEqualTo(1L);
        assertThat(staff.get("/api/v1/visits?householdId=" + home).text()).contains("需要志愿者每周帮忙买菜");
        assertThat(staff.getBytes("/api/v1/visits/" + visitId + "/photo").contentType()).isEqualTo("image/png");
    }

    @Test
    void aboveSevenHouseholdsTheAnswerWarnsButTheAssignmentStands() {
        List<Long> homes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            homes.add(household("1座" + unique("W"), "住户" + i));
        }
        Http staff = as("beijiang");
        long huang = memberId("黄丽娟");
        Response first = staff.post("/api/v1/contact-assignments", Map.of("memberId", huang, "householdIds",
                homes.subList(0, 6)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.get("warning").isNull()).isTrue();
        Response more = staff.post("/api/v1/contact-assignments", Map.of("memberId", huang, "householdIds",
                homes.subList(6, 8)));
        assertThat(more.status()).as(more.toString()).isEqualTo(201);
        assertThat(more.get("households").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(more.get("warning").asString()).contains("超过 7 户，建议 5—7 户");
        JsonNode summary = null;
        for (JsonNode s : staff.get("/api/v1/contact-assignments/by-member").json()) {
            if (s.get("memberId").asLong() == huang) {
                summary = s;
            }
        }
        assertThat(summary.get("overAdvised").asBoolean()).isTrue();
    }

    @Test
    void aHouseholdHasOneContactAtATimeEvenWhenTwoAssignAtOnceAndEndingKeepsTheHistory() throws Exception {
        long home = household("1座" + unique("C"), "住户并发");
        Http staff = as("beijiang");
        Http other = as("bjstaff");
        var a = CompletableFuture.supplyAsync(() -> staff.post("/api/v1/contact-assignments",
                Map.of("memberId", memberId("梁志华"), "householdIds", List.of(home))));
        var b = CompletableFuture.supplyAsync(() -> other.post("/api/v1/contact-assignments",
                Map.of("memberId", memberId("张伟"), "householdIds", List.of(home))));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(count("select count(*) from contact_assignment where household_id = ? and active_key is not null", home))
                .isEqualTo(1L);

        // a third try names the current contact
        Response again = staff.post("/api/v1/contact-assignments", Map.of("memberId", memberId("罗晓燕"),
                "householdIds", List.of(home)));
        assertThat(again.status()).isEqualTo(409);
        String current = jdbc.queryForObject("select member_name from contact_assignment where household_id = ? "
                + "and active_key is not null", String.class, home);
        assertThat(again.text()).contains(current);

        // ending frees the household; the ended one stays as history
        long id = jdbc.queryForObject("select id from contact_assignment where household_id = ? and active_key is not null",
                Long.class, home);
        assertThat(as("shatou").post("/api/v1/contact-assignments/" + id + "/end", Map.of()).status()).isEqualTo(404);
        assertThat(staff.post("/api/v1/contact-assignments/" + id + "/end", Map.of()).status()).isEqualTo(200);
        assertThat(staff.post("/api/v1/contact-assignments/" + id + "/end", Map.of()).status()).isEqualTo(409);
        assertThat(staff.post("/api/v1/contact-assignments", Map.of("memberId", memberId("罗晓燕"),
                "householdIds", List.of(home))).status()).isEqualTo(201);
        assertThat(count("select count(*) from contact_assignment where household_id = ?", home)).isEqualTo(2L);
        assertThat(staff.get("/api/v1/contact-assignments?includeEnded=true&size=100").text()).contains("ENDED");
    }

    @Test
    void badVisitsAreRefusedWith400NamingTheFieldAndNothingIsSaved() {
        long home = household("1座" + unique("B"), "住户坏输入");
        Http liu = as("member");
        long before = count("select count(*) from visit");

        Response future = liu.post("/api/v1/visits", Map.of("householdId", home, "seen", "x",
                "visitedAt", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.text()).contains("visitedAt");

        long foreign = elsewhere();
        Response outside = liu.post("/api/v1/visits", Map.of("householdId", foreign, "seen", "x"));
        assertThat(outside.status()).as(outside.toString()).isEqualTo(400);
        assertThat(outside.text()).contains("householdId");

        Response notImage = liu.post("/api/v1/visits", Map.of("householdId", home, "seen", "x",
                "photo", java.util.Base64.getEncoder().encodeToString("%PDF-1.4 not an image".getBytes())));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.text()).contains("photo");

        long cared = jdbc.queryForObject("select min(id) from member where care_category is not null and community_id = ?",
                Long.class, areaId("北江社区"));
        Map<String, Object> care = new HashMap<>(Map.of("kind", "CARE", "caredMemberId", cared, "seen", "x",
                "checklist", List.of("LOOK", "SING_A_SONG")));
        Response unknown = liu.post("/api/v1/visits", care);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.text()).contains("checklist[1]");

        assertThat(count("select count(*) from visit")).isEqualTo(before);

        // the same care visit with the six items is recorded
        care.put("checklist", List.of("LOOK", "TALK_LIFE", "TALK_POLICY", "DELIVER_WARMTH", "DELIVER_SERVICE",
                "DELIVER_ORGANISATION_CARE"));
        Response ok = liu.post("/api/v1/visits", care);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.get("checklist")).hasSize(6);
        assertThat(ok.text()).contains("一看：看望慰问");
    }

    @Test
    void anotherCommunitySeesNoneOfItAndCareCategoriesStayHidden() {
        long home = household("1座" + unique("S"), "住户范围");
        Http staff = as("beijiang");
        staff.post("/api/v1/contact-assignments", Map.of("memberId", memberId("郑家豪"), "householdIds", List.of(home)));
        Http shatou = as("shatou");
        assertThat(shatou.get("/api/v1/contact-assignments?size=100").text()).doesNotContain("郑家豪");
        assertThat(shatou.get("/api/v1/visits?size=100").text()).doesNotContain("时代城小区");
        assertThat(shatou.post("/api/v1/visits", Map.of("householdId", home, "seen", "x")).status()).isEqualTo(404);
        assertThat(shatou.post("/api/v1/contact-assignments", Map.of("memberId", memberId("郑家豪"),
                "householdIds", List.of(home))).status()).isEqualTo(404);
        assertThat(shatou.get("/api/v1/visits/care-members?communityId=" + areaId("北江社区")).status()).isEqualTo(404);
        // members due care visits: names only, never the category or health text
        String cared = staff.get("/api/v1/visits/care-members").text();
        assertThat(cared).contains("何秀英").doesNotContain("FRAIL_ELDERLY").doesNotContain("高血压");
    }

    @Test
    void theDemoShowsLinZhiqiangsOverdueWeeklyVisitToHeXiuying() {
        JsonNode mine = as("louzhang").get("/api/v1/contact-assignments/mine").json();
        assertThat(mine.size()).isEqualTo(6);
        assertThat(mine.get(0).get("householder").asString()).isEqualTo("何秀英");
        assertThat(mine.get(0).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(as("member").get("/api/v1/contact-assignments/mine").json().size()).isGreaterThanOrEqualTo(3);
        assertThat(as("beijiang").get("/api/v1/visits?kind=CARE").get("totalElements").asInt()).isGreaterThanOrEqualTo(1);
    }
}
