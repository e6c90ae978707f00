package org.lianxin.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Return visits (回访) over HTTP: which closed cases are sampled (the drawn share, every reopened or low-rated one,
 * never an unreachable reporter), a visit that does not reach the reporter then one that finds him dissatisfied and
 * reopens the case at the community, what the reporter sees in his history, the reporter's phone masked and revealed
 * with an audit entry, scope, bad input, illegal steps, two staff recording at once, and overdue visits announced once.
 * Also the category editor's create and disable.
 */
class ReturnVisitTests extends ApiTest {

    @Autowired
    ReturnVisits sampling;
    @Autowired
    CaseSchedule schedule;
    @Autowired
    WorkingCalendar calendar;

    private final int configured = 30;

    @AfterEach
    void giveTheRateBack() {
        sampling.samplePercent(configured);
    }

    private static Response ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    /** A case reported by {@code reporter} in 北江社区's third grid, taken to CLOSED by the grid and the community. */
    private long closedCase(Http reporter, String text) {
        Response reported = reporter.post("/api/v1/cases", Map.of("category", "FACILITY", "description", text,
                "longitude", CaseStoryTests.LON, "latitude", CaseStoryTests.LAT, "coordSystem", "WGS84"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        long id = reported.get("id").asLong();
        Http wu = as("grid3");
        Http sun = as("bjstaff");
        ok(wu.post("/api/v1/cases/" + id + "/accept", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/register", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/dispatch", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/start", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/handle", Map.of("comment", "已更换损坏部件")));
        ok(sun.post("/api/v1/cases/" + id + "/verify", Map.of()));
        ok(sun.post("/api/v1/cases/" + id + "/close", Map.of()));
        return id;
    }

    private Map<String, Object> visit(long caseId) {
        return jdbc.queryForMap("select sampled, reason, status, attempts, reopened from return_visit "
                + "where case_id = ? order by round desc limit 1", caseId);
    }

    private static String listText(Http who, String filter) {
        return who.get("/api/v1/return-visits?size=100&filter=" + filter).text();
    }

    @Test
    void allDrawnAtOneHundredPercentNoneAtZeroButALowRatingOrAReopeningAlwaysAndNeverAnUnreachableReporter() {
        Http chen = as("resident");
        Http sun = as("bjstaff");

        sampling.samplePercent(100);
        String drawnText = unique("单元门闭门器损坏");
        long drawn = closedCase(chen, drawnText);
        Map<String, Object> decided = visit(drawn);
        assertThat(decided.get("sampled")).isEqualTo(true);
        assertThat(decided.get("reason")).isEqualTo("DRAWN");
        assertThat(decided.get("status")).isEqualTo("DUE");
        // due three working days after closing, over the working calendar
        Instant closedAt = jdbc.queryForObject("select closed_at from return_visit where case_id = ?",
                java.time.OffsetDateTime.class, drawn).toInstant();
        assertThat(jdbc.queryForObject("select due_at from return_visit where case_id = ?", java.time.OffsetDateTime.class,
                drawn).toInstant()).isEqualTo(calendar.plusWorkingDays(closedAt, 3));
        assertThat(listText(sun, "DUE")).contains(drawnText);

        // a patrol find of a grid worker: nobody to call back, never sampled even at 100 %
        long patrol = closedCase(as("grid3"), unique("巡查发现路灯杆倾斜"));
        assertThat(visit(patrol).get("sampled")).isEqualTo(false);
        assertThat(visit(patrol).get("reason")).isEqualTo("NO_CONTACT");

        sampling.samplePercent(0);
        String notDrawnText = unique("楼道扶手松动");
        long notDrawn = closedCase(chen, notDrawnText);
        assertThat(visit(notDrawn).get("sampled")).isEqualTo(false);
        assertThat(visit(notDrawn).get("reason")).isEqualTo("NOT_DRAWN");
        assertThat(listText(sun, "DUE")).doesNotContain(notDrawnText);
        Response notSampled = sun.post("/api/v1/cases/" + notDrawn + "/return-visit/attempts",
                Map.of("way", "PHONE", "reached", false));
        assertThat(notSampled.status()).isEqualTo(409);
        assertThat(notSampled.text()).contains("没有被抽中回访");

        // she rates it two stars after closing: now it is sampled, as of the rating
        ok(chen.post("/api/v1/cases/" + notDrawn + "/rate", Map.of("rating", 2, "comment", "修得很敷衍")));
        assertThat(visit(notDrawn).get("sampled")).isEqualTo(true);
        assertThat(visit(notDrawn).get("reason")).isEqualTo("LOW_RATING");
        assertThat(listText(sun, "DUE")).contains(notDrawnText);

        // a good rating does not
        long rated = closedCase(chen, unique("垃圾桶破损"));
        ok(chen.post("/api/v1/cases/" + rated + "/rate", Map.of("rating", 4)));
        assertThat(visit(rated).get("sampled")).isEqualTo(false);

        // she reopens one; closed again, it is always sampled
        long reopened = closedCase(chen, unique("消防栓漏水"));
        ok(chen.post("/api/v1/cases/" + reopened + "/reopen", Map.of("reason", "还在漏水")));
        ok(as("grid3").post("/api/v1/cases/" + reopened + "/handle", Map.of("comment", "更换阀门")));
        ok(sun.post("/api/v1/cases/" + reopened + "/verify", Map.of()));
        ok(sun.post("/api/v1/cases/" + reopened + "/close", Map.of()));
        assertThat(visit(reopened).get("reason")).isEqualTo("REOPENED");
        assertThat(visit(reopened).get("status")).isEqualTo("DUE");
    }

    @Test
    void aVisitThatDoesNotReachHerThenOneThatFindsHerDissatisfiedReopensTheCaseAtTheCommunity() {
        sampling.samplePercent(100);
        Http chen = as("resident");
        Http sun = as("bjstaff");
        String text = unique("小区东门路面塌陷");
        long id = closedCase(chen, text);
        Response summaryBefore = ok(sun.get("/api/v1/return-visits/summary"));

        // the list shows her masked phone; showing it in full is audited
        Response due = ok(sun.get("/api/v1/return-visits?size=100"));
        Map<String, Object> row = null;
        for (var item : due.get("content")) {
            if (item.get("caseId").asLong() == id) {
                assertThat(item.get("maskedPhone").asString()).isEqualTo("137****7001");
                assertThat(item.get("overdue").asBoolean()).isFalse();
                row = Map.of("version", item.get("version").asLong());
            }
        }
        assertThat(row).as("the case is in the 待回访 list").isNotNull();
        assertThat(due.text()).doesNotContain("13700137001");
        Response phone = ok(sun.post("/api/v1/cases/" + id + "/return-visit/reveal-phone", Map.of()));
        assertThat(phone.get("phone").asString()).isEqualTo("13700137001");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'case.reporter.reveal' and object_id = ? and actor = 'bjstaff'",
                Integer.class, String.valueOf(id))).isEqualTo(1));

        // first call: nobody answers; the visit stays due
        Response first = ok(sun.post("/api/v1/cases/" + id + "/return-visit/attempts", Map.of("way", "PHONE",
                "reached", false, "remark", "无人接听，备注：她白天上班")));
        assertThat(first.get("status").asString()).isEqualTo("DUE");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        // she sees that the community tried, without staff's note
        Response hers = ok(chen.get("/api/v1/cases/" + id));
        var last = hers.get("steps").get(hers.get("steps").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("return-visit");
        assertThat(last.get("comment").asString()).isEqualTo("电话回访，未联系上");
        assertThat(hers.text()).doesNotContain("她白天上班");

        // second: reached at home, dissatisfied: the case goes back to the community in the same step
        Response second = ok(sun.post("/api/v1/cases/" + id + "/return-visit/attempts", Map.of("way", "VISIT",
                "reached", true, "satisfaction", "DISSATISFIED", "remark", "路面只是临时填平，下雨又塌了",
                "reopen", true, "reason", "回访发现路面再次塌陷，需重新修复")));
        assertThat(second.get("status").asString()).isEqualTo("DONE");
        assertThat(second.get("satisfaction").asString()).isEqualTo("DISSATISFIED");
        assertThat(second.get("reopened").asBoolean()).isTrue();
        assertThat(second.get("history").size()).isEqualTo(2);
        assertThat(second.get("history").get(1).get("remark").asString()).contains("临时填平");
        Response reopened = ok(sun.get("/api/v1/cases/" + id));
        assertThat(reopened.get("state").asString()).isEqualTo("HANDLING");
        assertThat(reopened.get("level").asString()).isEqualTo("COMMUNITY");
        assertThat(reopened.get("responsibleName").asString()).isEqualTo("北江社区");
        assertThat(reopened.get("deadline").isNull()).isFalse();
        assertThat(reopened.get("closedAt").isNull()).isTrue();
        var steps = reopened.get("steps");
        assertThat(steps.get(steps.size() - 2).get("comment").asString()).isEqualTo("上门回访，不满意");
        assertThat(steps.get(steps.size() - 1).get("action").asString()).isEqualTo("reopen");
        // the community may take the step now: it holds the case
        assertThat(reopened.get("actions").toString()).contains("handle");

        // recorded twice as final: 409 with the state
        Response again = sun.post("/api/v1/cases/" + id + "/return-visit/attempts", Map.of("way", "PHONE",
                "reached", true, "satisfaction", "SATISFIED"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("DONE");
        assertThat(listText(sun, "DONE")).contains(text);
        assertThat(listText(sun, "DUE")).doesNotContain(text);

        Response summaryAfter = ok(sun.get("/api/v1/return-visits/summary"));
        assertThat(summaryAfter.get("sampled").asLong()).isEqualTo(summaryBefore.get("sampled").asLong());
        assertThat(summaryAfter.get("due").asLong()).isEqualTo(summaryBefore.get("due").asLong() - 1);
        assertThat(summaryAfter.get("done").asLong()).isEqualTo(summaryBefore.get("done").asLong() + 1);
        assertThat(summaryAfter.get("dissatisfied").asLong()).isEqualTo(summaryBefore.get("dissatisfied").asLong() + 1);
        assertThat(summaryAfter.get("reopened").asLong()).isEqualTo(summaryBefore.get("reopened").asLong() + 1);
        assertThat(summaryAfter.get("satisfactionRate").asDouble()).isLessThan(1.0);

        // handled again and closed: sampled again, always
        ok(sun.post("/api/v1/cases/" + id + "/handle", Map.of("comment", "重新铺设沥青路面")));
        ok(sun.post("/api/v1/cases/" + id + "/verify", Map.of()));
        ok(sun.post("/api/v1/cases/" + id + "/close", Map.of()));
        assertThat(visit(id).get("reason")).isEqualTo("REOPENED");
        assertThat(visit(id).get("status")).isEqualTo("DUE");
    }

    @Test
    void badInputIsRefusedFieldByFieldOtherCommunitiesAnswer404AndAVisitIsGivenUpOnlyAfterThreeAttempts() {
        sampling.samplePercent(100);
        Http sun = as("bjstaff");
        long id = closedCase(as("resident"), unique("楼顶防水层破损"));
        String url = "/api/v1/cases/" + id + "/return-visit/attempts";

        Response empty = sun.post(url, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("way").contains("reached");
        Response noSatisfaction = sun.post(url, Map.of("way", "PHONE", "reached", true, "remark", "x".repeat(501)));
        assertThat(noSatisfaction.status()).isEqualTo(400);
        assertThat(noSatisfaction.text()).contains("satisfaction").contains("remark");
        Response reopenSatisfied = sun.post(url, Map.of("way", "PHONE", "reached", true, "satisfaction", "SATISFIED",
                "reopen", true));
        assertThat(reopenSatisfied.status()).isEqualTo(400);
        assertThat(reopenSatisfied.text()).contains("reopen").contains("reason");
        Response english = as("bjstaff").language("en").post(url, Map.of("way", "PHONE"));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text()).contains("reached");
        assertThat(jdbc.queryForObject("select attempts from return_visit where case_id = ?", Integer.class, id)).isZero();

        // another community's secretary: as if absent; a grid worker and a resident: not theirs to do
        assertThat(as("shatou").post(url, Map.of("way", "PHONE", "reached", false)).status()).isEqualTo(404);
        assertThat(as("shatou").post("/api/v1/cases/" + id + "/return-visit/reveal-phone", Map.of()).status()).isEqualTo(404);
        assertThat(as("shatou").get("/api/v1/return-visits?size=100").text()).doesNotContain(String.valueOf(id));
        assertThat(as("grid3").post(url, Map.of("way", "PHONE", "reached", false)).status()).isEqualTo(403);
        assertThat(as("grid3").get("/api/v1/return-visits").status()).isEqualTo(403);
        assertThat(as("resident").post(url, Map.of("way", "PHONE", "reached", false)).status()).isEqualTo(403);

        String giveUp = "/api/v1/cases/" + id + "/return-visit/give-up";
        ok(sun.post(url, Map.of("way", "PHONE", "reached", false)));
        ok(sun.post(url, Map.of("way", "SMS", "reached", false)));
        Response early = sun.post(giveUp, Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text()).contains("3");
        Response third = ok(sun.post(url, Map.of("way", "VISIT", "reached", false)));
        assertThat(third.get("mayGiveUp").asBoolean()).isTrue();
        Response gaveUp = ok(sun.post(giveUp, Map.of()));
        assertThat(gaveUp.get("status").asString()).isEqualTo("UNREACHABLE");
        assertThat(sun.post(giveUp, Map.of()).status()).isEqualTo(409);
        // the number is for making the visit: not shown once it is over
        assertThat(sun.post("/api/v1/cases/" + id + "/return-visit/reveal-phone", Map.of()).status()).isEqualTo(409);
        assertThat(sun.post(url, Map.of("way", "PHONE", "reached", false)).status()).isEqualTo(409);
    }

    @Test
    void twoStaffRecordingTheFinalVisitAtOnceOneSucceedsTheOtherIsTold409() throws Exception {
        sampling.samplePercent(100);
        long id = closedCase(as("resident"), unique("单元楼信报箱损坏"));
        List<Http> staff = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            staff.add(i % 2 == 0 ? as("bjstaff") : as("beijiang"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (Http one : staff) {
            answers.add(pool.submit(() -> {
                start.await();
                return one.post("/api/v1/cases/" + id + "/return-visit/attempts", Map.of("way", "PHONE",
                        "reached", true, "satisfaction", "SATISFIED")).status();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (var answer : answers) {
            statuses.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(statuses).containsEntry(200, 1).containsEntry(409, 7);
        assertThat(jdbc.queryForObject("select count(*) from return_visit_attempt a join return_visit v on v.id = a.visit_id "
                + "where v.case_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_step where case_id = ? and action = 'return-visit'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void anOverdueVisitIsListedInRedAndTheCommunityIsToldOnce() {
        sampling.samplePercent(100);
        Http sun = as("bjstaff");
        String text = unique("健身器材螺丝脱落");
        long id = closedCase(as("resident"), text);
        jdbc.update("update return_visit set due_at = ? where case_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(3600)), id);
        assertThat(listText(sun, "OVERDUE")).contains(text);
        jdbc.update("update shedlock set lock_until = ? where name = 'case-return-visit-overdue'",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        schedule.announceOverdueReturnVisits();
        schedule.announceOverdueReturnVisits();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                sun.get("/api/v1/notifications?size=100").text()).contains("回访已超期", text.substring(0, 6)));
        long sunId = jdbc.queryForObject("select id from account where username = 'bjstaff'", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_account_id = ? and kind = "
                + "'case.return-visit-overdue' and source_id like ?", Integer.class, sunId, id + ":%")).isEqualTo(1);
    }

    @Test
    void theAdministratorAddsACategoryAndADisabledOneLeavesTheReportForms() {
        Http admin = as("sysadmin");
        String code = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        Map<String, Object> form = new HashMap<>(Map.of("code", code, "nameZh", "测试类别", "nameEn", "Test category",
                "acceptLimit", "4h", "dispatchLimit", "4h", "gridLimit", "2d", "communityLimit", "5d",
                "subdistrictLimit", "10d", "verifyLimit", "1d"));
        Response bad = admin.post("/api/v1/case-categories", Map.of("code", "bad code", "nameZh", "", "acceptLimit", "0d"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("code").contains("nameZh").contains("nameEn").contains("acceptLimit")
                .contains("verifyLimit");
        Response created = admin.post("/api/v1/case-categories", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/case-categories", form).status()).isEqualTo(409);
        assertThat(as("beijiang").post("/api/v1/case-categories", form).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'case.category.change' and object_id = ?", Integer.class,
                code)).isEqualTo(1));

        Http chen = as("resident");
        assertThat(chen.get("/api/v1/case-categories").text()).contains(code);
        Response report = chen.post("/api/v1/cases", Map.of("category", code, "description", unique("测试类别事件"),
                "longitude", CaseStoryTests.LON, "latitude", CaseStoryTests.LAT));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);

        // in use: it cannot be removed, only disabled; it leaves the report forms, its cases keep it
        Map<String, Object> change = new HashMap<>(form);
        change.remove("code");
        change.put("active", false);
        change.put("version", created.get("version").asLong());
        Response disabled = ok(admin.put("/api/v1/case-categories/" + code, change));
        assertThat(disabled.get("cases").asLong()).isEqualTo(1);
        assertThat(admin.put("/api/v1/case-categories/" + code, change).status()).isEqualTo(409);
        assertThat(chen.get("/api/v1/case-categories").text()).doesNotContain(code);
        assertThat(admin.get("/api/v1/case-categories?includeDisabled=true").text()).contains(code);
        assertThat(chen.get("/api/v1/case-categories?includeDisabled=true").status()).isEqualTo(403);
        Response refused = chen.post("/api/v1/cases", Map.of("category", code, "description", unique("停用类别事件"),
                "longitude", CaseStoryTests.LON, "latitude", CaseStoryTests.LAT));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("category");
        assertThat(chen.get("/api/v1/cases/" + report.get("id").asLong()).get("categoryLabel").asString()).isEqualTo("测试类别");

        // the default category of handed-over cases stays on
        Map<String, Object> other = new HashMap<>(Map.of("nameZh", "其他事项", "nameEn", "Other matters", "acceptLimit", "8h",
                "dispatchLimit", "8h", "gridLimit", "5d", "communityLimit", "10d", "subdistrictLimit", "15d",
                "verifyLimit", "2d", "active", false));
        assertThat(admin.put("/api/v1/case-categories/OTHER", other).status()).isEqualTo(409);
    }
}
