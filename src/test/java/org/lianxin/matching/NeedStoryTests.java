package org.lianxin.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Needs (需求清单) over HTTP: story S2 end to end, proposals with reasons, the first unit to take wins under a real
 * race, decline and return to the community, scope, and bad input with nothing half-saved.
 */
class NeedStoryTests extends ApiTest {

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Autowired
    NeedSchedule schedule;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private long residentId(String name) {
        return jdbc.queryForObject("select min(id) from resident where name = ?", Long.class, name);
    }

    private long unitId(String name) {
        return jdbc.queryForObject("select id from partner_unit where name = ?", Long.class, name);
    }

    /** The secretary records a need for a resident of 北江社区; its id. */
    private long need(String residentName, String title, String category) {
        Response created = as("beijiang").post("/api/v1/needs", Map.of("title", title, "description", "需要帮忙",
                "category", category, "urgency", "NORMAL", "residentId", residentId(residentName)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private static void awaitInbox(Http http, String... parts) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/api/v1/notifications?size=50").text()).contains(parts));
    }

    @Test
    void s2_buildingLeaderLinReportsChenBroadbandTelecomTakesAndFixesItSheConfirms() {
        Http lin = as("louzhang");
        Http telecom = as("telecom");
        Http chen = as("resident");
        String title = unique("宽带断网");

        // 林志强 hears from 陈美玲 that her broadband is down and her grandson cannot attend online class
        Response reported = lin.post("/api/v1/needs", Map.of("title", title,
                "description", "家里宽带断了两天，孙子上不了网课，想请电信尽快上门检修。", "category", "BROADBAND_UTILITIES",
                "urgency", "URGENT", "residentId", residentId("陈美玲"), "identityVisibility", "HELPER"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        long id = reported.get("id").asLong();
        assertThat(reported.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(reported.get("source").asString()).isEqualTo("LEADER");
        assertThat(reported.get("requesterName").asString()).isEqualTo("陈美玲");
        assertThat(reported.get("submittedOnBehalf").asBoolean()).isTrue();

        // she follows it on her phone
        assertThat(chen.get("/api/v1/needs/mine").text()).contains(title);

        // the proposals put 中国电信's broadband offer first and say why
        Response proposals = lin.get("/api/v1/needs/" + id + "/proposals");
        assertThat(proposals.status()).as(proposals.toString()).isEqualTo(200);
        JsonNode first = proposals.json().get(0);
        assertThat(first.get("ownerName").asString()).isEqualTo("中国电信佛山三水分公司");
        assertThat(first.get("parts").toString()).contains("类别相符", "覆盖需求所在地", "本月还可服务");
        long telecomUnit = first.get("unitId").asLong();

        // 发单: Lin dispatches it to 中国电信, with the matched offer
        Response dispatched = lin.post("/api/v1/needs/" + id + "/dispatch", Map.of("unitIds", List.of(telecomUnit),
                "offerId", first.get("offerId").asLong()));
        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);
        assertThat(dispatched.get("state").asString()).isEqualTo("DISPATCHED");

        // 黄涛 sees the order without knowing who she is yet, and is told
        awaitInbox(telecom, "有新的需求派单", title);
        Response order = telecom.get("/api/v1/needs/" + id);
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.get("requesterName").isNull()).isTrue();
        assertThat(order.text()).doesNotContain("陈美玲");
        assertThat(order.get("actions").toString()).contains("take", "decline");
        assertThat(telecom.get("/api/v1/needs/orders?open=true&size=100").text()).contains(title);

        // 接单: he takes it; now (as she allowed) he sees whom to visit
        Response taken = telecom.post("/api/v1/needs/" + id + "/take", Map.of());
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.get("state").asString()).isEqualTo("TAKEN");
        assertThat(taken.get("takerName").asString()).isEqualTo("中国电信佛山三水分公司");
        assertThat(taken.get("requesterName").asString()).isEqualTo("陈美玲");
        assertThat(taken.get("phone").asString()).contains("****");
        awaitInbox(chen, "需求已被接单", title);

        // fixed, with a note and a photo
        Response fulfilled = telecom.post("/api/v1/needs/" + id + "/fulfil", Map.of("note",
                "上门更换了损坏的光猫，网速测试正常，孩子已能上网课。", "photo", PNG));
        assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
        assertThat(fulfilled.get("state").asString()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("hasPhoto").asBoolean()).isTrue();
        assertThat(chen.getBytes("/api/v1/needs/" + id + "/photo").status()).isEqualTo(200);
        awaitInbox(chen, "需求已办好，请确认", title);

        // 陈美玲 confirms and rates it herself; it closes and the unit's record grows
        Response confirmed = chen.post("/api/v1/needs/" + id + "/confirm", Map.of("rating", 5, "comment", "师傅很耐心，谢谢！"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(confirmed.get("confirmedOnBehalf").asBoolean()).isFalse();
        assertThat(confirmed.get("rating").asInt()).isEqualTo(5);
        awaitInbox(telecom, "需求已确认办结", title);

        // every step is in the history and the audit log, with NeedFulfilled for points
        assertThat(lin.get("/api/v1/needs/" + id).get("steps").toString())
                .contains("submit", "dispatch", "take", "fulfil", "confirm");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'Need' and object_id = ? "
                + "and action = 'need.fulfilled'", Long.class, String.valueOf(id))).isEqualTo(1L);

        // confirming twice is refused naming the state
        Response twice = chen.post("/api/v1/needs/" + id + "/confirm", Map.of("rating", 4));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("CLOSED");
    }

    @Test
    void twoUnitContactsTakingTheSameNeedAtOnceGiveOneOrderAndAConflictNamingTheTaker() throws Exception {
        // a second unit contact: 三水燃气公司, also paired with 北江社区
        Http admin = as("sysadmin");
        String username = unique("gas");
        Response account = admin.post("/api/v1/accounts", Map.of("username", username, "displayName", "冯嘉（燃气公司）",
                "password", "Ranqi#2026x"));
        long accountId = account.get("id").asLong();
        assertThat(admin.post("/api/v1/accounts/" + accountId + "/role-assignments",
                Map.of("role", "PARTNER_CONTACT", "areaId", areaId("北江社区"))).status()).isEqualTo(201);
        Response contact = as("xinan").post("/api/v1/partner-units/" + unitId("三水燃气公司") + "/contacts",
                Map.of("name", "冯嘉" + username.substring(3), "phone", "13800138012", "username", username));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        Http gas = anonymous();
        assertThat(gas.login(username, "Ranqi#2026x").status()).isEqualTo(200);
        Http telecom = as("telecom");

        long id = need("黎伯祥", unique("燃气灶打不着"), "REPAIRS");
        Response pooled = as("beijiang").post("/api/v1/needs/" + id + "/dispatch", Map.of("pool", true));
        assertThat(pooled.status()).as(pooled.toString()).isEqualTo(200);
        assertThat(gas.get("/api/v1/needs/orders?open=true&size=100").text()).contains(String.valueOf(id));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (Http who : List.of(telecom, gas)) {
            answers.add(pool.submit(() -> {
                start.await();
                return who.post("/api/v1/needs/" + id + "/take", Map.of());
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        String conflict = null;
        for (Future<Response> answer : answers) {
            Response r = answer.get();
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 409) {
                conflict = r.text();
            }
        }
        pool.shutdown();
        assertThat(statuses).containsEntry(200, 1).containsEntry(409, 1);
        String taker = jdbc.queryForObject("select taker_name from need where id = ?", String.class, id);
        assertThat(conflict).contains(taker);
        assertThat(jdbc.queryForObject("select count(*) from need_step where need_id = ? and action = 'take'",
                Long.class, id)).isEqualTo(1L);

        // a latecomer hears who took it too
        Response late = (taker.contains("电信") ? gas : telecom).post("/api/v1/needs/" + id + "/take", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text()).contains(taker);
    }

    @Test
    void whenEveryUnitDeclinesOrNobodyTakesInTimeTheNeedGoesBackToTheCommunity() {
        Http mei = as("beijiang");
        Http telecom = as("telecom");
        long id = need("黎伯祥", unique("法律咨询"), "LEGAL");
        mei.post("/api/v1/needs/" + id + "/dispatch", Map.of("unitIds", List.of(unitId("中国电信佛山三水分公司"))));

        Response noReason = telecom.post("/api/v1/needs/" + id + "/decline", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        Response declined = telecom.post("/api/v1/needs/" + id + "/decline", Map.of("reason", "我们没有法律服务资源"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        Response back = mei.get("/api/v1/needs/" + id);
        assertThat(back.get("state").asString()).isEqualTo("RETURNED");
        assertThat(back.get("steps").toString()).contains("我们没有法律服务资源");
        awaitInbox(mei, "需求已退回社区", back.get("title").asString());
        // the unit no longer sees it as an order, and taking it now answers 409 with the state
        Response late = telecom.post("/api/v1/needs/" + id + "/take", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text()).contains("RETURNED");

        // dispatched again to the pool, nobody takes it within the configured hours: back with a notice
        mei.post("/api/v1/needs/" + id + "/dispatch", Map.of("pool", true));
        jdbc.update("update need set dispatched_at = ? where id = ?", java.sql.Timestamp.from(
                Instant.now().minus(Duration.ofHours(49))), id);
        freeJobLock("need-return-untaken");
        schedule.returnUntaken();
        Response returned = mei.get("/api/v1/needs/" + id);
        assertThat(returned.get("state").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("steps").toString()).contains("系统（接单超时）");
    }

    @Test
    void unitsSeeOnlyWhatIsDispatchedToThemResidentsTheirOwnAndStaffTheirArea() {
        long id = need("黎伯祥", unique("看病陪护"), "HEALTH");
        // not dispatched yet: no unit, no other resident, no other community sees it
        assertThat(as("telecom").get("/api/v1/needs/" + id).status()).isEqualTo(404);
        assertThat(as("resident").get("/api/v1/needs/" + id).status()).isEqualTo(404);
        assertThat(as("shatou").get("/api/v1/needs/" + id).status()).isEqualTo(404);
        assertThat(as("shatou").get("/api/v1/needs?size=100").text()).doesNotContain(String.valueOf(id));
        assertThat(as("member").get("/api/v1/needs/" + id).status()).isEqualTo(404);
        // dispatched to the hospital only: 中国电信 still does not see it
        as("beijiang").post("/api/v1/needs/" + id + "/dispatch", Map.of("unitIds", List.of(unitId("三水区人民医院"))));
        assertThat(as("telecom").get("/api/v1/needs/" + id).status()).isEqualTo(404);
        assertThat(as("telecom").post("/api/v1/needs/" + id + "/take", Map.of()).status()).isEqualTo(404);
        // a grid worker reads but does not dispatch or cancel
        assertThat(as("grid3").get("/api/v1/needs?size=5").status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsHalfSaved() {
        Http mei = as("beijiang");
        long before = jdbc.queryForObject("select count(*) from need", Long.class);
        Response empty = mei.post("/api/v1/needs", Map.of("title", " ", "description", "", "residentId",
                residentId("黎伯祥")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("title", "description", "category", "urgency");
        Response unknown = mei.post("/api/v1/needs", Map.of("title", "修水管", "description", "x", "category", "NOPE",
                "urgency", "NORMAL", "residentId", residentId("黎伯祥")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("category");
        Response badUrgency = mei.post("/api/v1/needs", Map.of("title", "修水管", "description", "x",
                "category", "REPAIRS", "urgency", "SOON", "residentId", residentId("黎伯祥")));
        assertThat(badUrgency.status()).isEqualTo(400);
        Response noPlace = mei.post("/api/v1/needs", Map.of("title", "路灯坏了", "description", "x",
                "category", "REPAIRS", "urgency", "NORMAL", "areaId", areaId("时代城小区")));
        assertThat(noPlace.status()).isEqualTo(400);
        assertThat(noPlace.text()).contains("place");
        assertThat(jdbc.queryForObject("select count(*) from need", Long.class)).isEqualTo(before);

        long id = need("黎伯祥", unique("修门锁"), "REPAIRS");
        Response nobody = mei.post("/api/v1/needs/" + id + "/dispatch", Map.of("unitIds", List.of()));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.text()).contains("unitIds");
        Response ghost = mei.post("/api/v1/needs/" + id + "/dispatch", Map.of("unitIds", List.of(987_654_321L)));
        assertThat(ghost.status()).isEqualTo(400);
        assertThat(mei.get("/api/v1/needs/" + id).get("state").asString()).isEqualTo("SUBMITTED");
        // steps out of order: 409 naming the state and what is allowed
        Response early = mei.post("/api/v1/needs/" + id + "/confirm", Map.of("rating", 5));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text()).contains("SUBMITTED", "dispatch");

        mei.post("/api/v1/needs/" + id + "/dispatch", Map.of("unitIds", List.of(unitId("中国电信佛山三水分公司"))));
        Http telecom = as("telecom");
        assertThat(telecom.post("/api/v1/needs/" + id + "/take", Map.of()).status()).isEqualTo(200);
        Response noNote = telecom.post("/api/v1/needs/" + id + "/fulfil", Map.of("note", ""));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.text()).contains("note");
        Response notImage = telecom.post("/api/v1/needs/" + id + "/fulfil", Map.of("note", "修好了", "photo",
                java.util.Base64.getEncoder().encodeToString("%PDF-1.4".getBytes())));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.text()).contains("photo");
        assertThat(mei.get("/api/v1/needs/" + id).get("state").asString()).isEqualTo("TAKEN");
        assertThat(telecom.post("/api/v1/needs/" + id + "/fulfil", Map.of("note", "修好了")).status()).isEqualTo(200);
        Response badRating = mei.post("/api/v1/needs/" + id + "/confirm", Map.of("rating", 9));
        assertThat(badRating.status()).isEqualTo(400);
        assertThat(badRating.text()).contains("rating");
        Response onBehalf = mei.post("/api/v1/needs/" + id + "/confirm", Map.of("rating", 4));
        assertThat(onBehalf.status()).isEqualTo(200);
        assertThat(onBehalf.get("confirmedOnBehalf").asBoolean()).isTrue();

        // offers: every bad field named at once, nothing saved
        long offers = jdbc.queryForObject("select count(*) from offer", Long.class);
        Response badOffer = telecom.post("/api/v1/offers", Map.of("title", "", "category", "REPAIRS",
                "capacityPerMonth", 0, "areaIds", List.of(), "contactName", "黄涛", "contactPhone", "123",
                "validFrom", "2026-12-01", "validUntil", "2026-01-01"));
        assertThat(badOffer.status()).isEqualTo(400);
        assertThat(badOffer.text()).contains("title", "description", "capacityPerMonth", "contactPhone", "validUntil",
                "areaIds");
        assertThat(jdbc.queryForObject("select count(*) from offer", Long.class)).isEqualTo(offers);
    }

    @Test
    void aUnitContactKeepsHisUnitsOffersAndOnlyThem() {
        Http telecom = as("telecom");
        String title = unique("光猫免费检测");
        Response created = telecom.post("/api/v1/offers", Map.of("title", title, "description", "每月上门检测光猫与线路",
                "category", "BROADBAND_UTILITIES", "capacityPerMonth", 8, "areaIds", List.of(areaId("北江社区")),
                "contactName", "黄涛", "contactPhone", "13800138001", "validFrom", "2026-01-01", "validUntil", "2027-12-31"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.get("ownerName").asString()).isEqualTo("中国电信佛山三水分公司");
        long id = created.get("id").asLong();
        // the community sees it with the phone masked; the unit sees its own in full
        Response seen = as("beijiang").get("/api/v1/offers/" + id);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.get("contactPhone").asString()).isEqualTo("138****8001");
        assertThat(as("shatou").get("/api/v1/offers/" + id).status()).isEqualTo(404);
        // another unit's offer is not his to change
        long other = jdbc.queryForObject("select min(id) from offer where owner_name = '三水区人民医院'", Long.class);
        assertThat(telecom.put("/api/v1/offers/" + other, Map.of("title", "x")).status()).isIn(403, 404);
        assertThat(telecom.post("/api/v1/offers/" + id + "/withdraw", Map.of()).get("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void aNeedNotedOnAVisitOrHandedOverFromTheMailboxArrivesOnceInTheCommunitysList() {
        long visitId = 880_000_000L + System.nanoTime() % 1_000_000;
        long household = jdbc.queryForObject("select household_id from resident where id = ?", Long.class,
                residentId("黎伯祥"));
        String path = jdbc.queryForObject("select area_path from household where id = ?", String.class, household);
        String text = unique("老人想申请居家养老上门服务");
        var raised = new org.lianxin.care.CareEvents.VisitRaisedNeed(visitId, household, path, text, "刘明");
        // delivered twice (a redelivery): one need
        tx.executeWithoutResult(s -> publisher.publishEvent(raised));
        tx.executeWithoutResult(s -> publisher.publishEvent(raised));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from need where source_key = ?", Long.class, "visit:" + visitId)).isEqualTo(1L));
        Response listed = as("beijiang").get("/api/v1/needs?state=SUBMITTED&size=100");
        assertThat(listed.text()).contains(text).contains("VISIT");

        long messageId = visitId + 1;
        String letter = unique("楼道堆满杂物，希望有人来清理");
        var escalated = new org.lianxin.member.MemberEvents.MailboxMessageEscalated(messageId, "NEED", 0L, path,
                residentId("黎伯祥"), letter, "林志强");
        var toCase = new org.lianxin.member.MemberEvents.MailboxMessageEscalated(messageId + 1, "CASE", 0L, path,
                residentId("黎伯祥"), letter + "（事件）", "林志强");
        tx.executeWithoutResult(s -> {
            publisher.publishEvent(escalated);
            publisher.publishEvent(toCase);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from need where source_key = ?", Long.class, "mailbox:" + messageId)).isEqualTo(1L));
        assertThat(jdbc.queryForObject("select count(*) from need where source_key = ?", Long.class,
                "mailbox:" + (messageId + 1))).isZero();
        assertThat(as("beijiang").get("/api/v1/needs?state=SUBMITTED&size=100").text()).contains(letter.substring(0, 10));
    }
}
