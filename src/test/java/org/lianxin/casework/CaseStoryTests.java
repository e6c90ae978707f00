package org.lianxin.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.care.CareEvents.VisitRaisedCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grid cases (网格事件) over HTTP: story S6 (a patrol finds a problem, handled in the grid; another escalated to
 * the community; the deadline job flags an overdue one and the inbox hears of it), routing, bad input with nothing
 * half-saved, the cycle's order, rating once, scope, and cases raised by a visit.
 */
class CaseStoryTests extends ApiTest {

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    /** Inside 北江社区第三网格, in its first micro-grid (WGS-84). */
    static final double LON = 112.8965;
    static final double LAT = 23.1552;

    @Autowired
    CaseSchedule schedule;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate tx;

    private Response report(Http who, String category, String text, double lon, double lat) {
        return who.post("/api/v1/cases", Map.of("category", category, "description", text, "longitude", lon,
                "latitude", lat, "coordSystem", "WGS84"));
    }

    private static Response ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static void awaitInbox(Http http, String... parts) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/v1/notifications?size=100").text()).contains(parts));
    }

    @Test
    void s6_aPatrolFindsAProblemHandledInTheGridAnotherIsEscalatedToTheCommunityAndAnOverdueOneIsFlagged() {
        Http wu = as("grid3");
        Http mei = as("beijiang");
        Http sun = as("bjstaff");
        Http chen = as("resident");

        // 1. on patrol, grid worker 吴海 finds rubbish piled at a building entrance and reports it with a photo
        String rubbish = unique("3座门口堆放建筑垃圾");
        Response reported = wu.post("/api/v1/cases", Map.of("category", "ENVIRONMENT", "description", rubbish,
                "longitude", LON, "latitude", LAT, "coordSystem", "WGS84", "photos", List.of("data:image/png;base64," + PNG)));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        long id = reported.get("id").asLong();
        assertThat(reported.get("state").asString()).isEqualTo("REPORTED");
        assertThat(reported.get("channel").asString()).isEqualTo("PATROL");
        assertThat(reported.get("gridName").asString()).isEqualTo("第3网格微网格1");
        assertThat(reported.get("responsibleName").asString()).contains("吴海");
        assertThat(reported.get("deadline").isNull()).isFalse();
        assertThat(reported.get("photoIds").size()).isEqualTo(1);

        // he handles it in the grid himself
        ok(wu.post("/api/v1/cases/" + id + "/accept", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/register", Map.of("comment", "属网格内可自行处置事项")));
        Response dispatched = ok(wu.post("/api/v1/cases/" + id + "/dispatch", Map.of()));
        assertThat(dispatched.get("responsibleName").asString()).contains("吴海");
        ok(wu.post("/api/v1/cases/" + id + "/start", Map.of()));
        Response handled = ok(wu.post("/api/v1/cases/" + id + "/handle", Map.of("comment", "已联系物业清运完毕",
                "photos", List.of(PNG))));
        assertThat(handled.get("state").asString()).isEqualTo("HANDLED");
        ok(sun.post("/api/v1/cases/" + id + "/verify", Map.of("comment", "现场核查已清理干净")));
        Response closed = ok(sun.post("/api/v1/cases/" + id + "/close", Map.of()));
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("deadline").isNull()).isTrue();
        // every step is in the history: who, from, to, comment, attachments
        var steps = closed.get("steps");
        assertThat(steps.size()).isEqualTo(8);
        assertThat(steps.get(5).get("action").asString()).isEqualTo("handle");
        assertThat(steps.get(5).get("fromState").asString()).isEqualTo("HANDLING");
        assertThat(steps.get(5).get("toState").asString()).isEqualTo("HANDLED");
        assertThat(steps.get(5).get("by").asString()).contains("吴海");
        assertThat(steps.get(5).get("comment").asString()).isEqualTo("已联系物业清运完毕");
        assertThat(steps.get(5).get("photoIds").size()).isEqualTo(1);

        // 2. resident 陈美玲 reports a loose manhole cover on the main road: more than the grid can fix
        String manhole = unique("主干道井盖松动");
        Response second = report(chen, "SAFETY", manhole, LON + 0.001, LAT + 0.001);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        long id2 = second.get("id").asLong();
        assertThat(second.get("channel").asString()).isEqualTo("RESIDENT");
        awaitInbox(wu, "您有新的网格事件待办", manhole.substring(0, 6));
        ok(wu.post("/api/v1/cases/" + id2 + "/accept", Map.of()));
        ok(wu.post("/api/v1/cases/" + id2 + "/register", Map.of()));
        Response escalated = ok(wu.post("/api/v1/cases/" + id2 + "/escalate", Map.of("reason", "需市政部门更换井盖，网格无法处置")));
        assertThat(escalated.get("level").asString()).isEqualTo("COMMUNITY");
        assertThat(escalated.get("state").asString()).isEqualTo("REGISTERED");
        assertThat(escalated.get("responsibleName").asString()).isEqualTo("北江社区");
        awaitInbox(mei, "有网格事件上报到您这一级");
        // the grid no longer dispatches it: that is the community's now
        assertThat(wu.post("/api/v1/cases/" + id2 + "/dispatch", Map.of()).status()).isEqualTo(403);
        Response toSun = ok(mei.post("/api/v1/cases/" + id2 + "/dispatch", Map.of("username", "bjstaff",
                "comment", "请联系市政所")));
        assertThat(toSun.get("responsibleName").asString()).contains("孙悦");
        ok(sun.post("/api/v1/cases/" + id2 + "/start", Map.of()));
        ok(sun.post("/api/v1/cases/" + id2 + "/handle", Map.of("comment", "市政所已更换新井盖")));
        awaitInbox(chen, "您反映的事件已处置", "市政所已更换新井盖");
        // the notice opens this case's progress on her phone
        assertThat(chen.get("/api/v1/notifications?size=100").text()).contains("/m/cases?case=" + id2);
        ok(sun.post("/api/v1/cases/" + id2 + "/verify", Map.of()));
        ok(mei.post("/api/v1/cases/" + id2 + "/close", Map.of()));
        // she follows it on her phone and rates it, once
        assertThat(chen.get("/api/v1/cases/mine?size=100").text()).contains(manhole);
        Response rated = ok(chen.post("/api/v1/cases/" + id2 + "/rate", Map.of("rating", 5, "comment", "处理很及时")));
        assertThat(rated.get("state").asString()).isEqualTo("RATED");
        Response again = chen.post("/api/v1/cases/" + id2 + "/rate", Map.of("rating", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("RATED");
        assertThat(jdbc.queryForObject("select rating from grid_case where id = ?", Integer.class, id2)).isEqualTo(5);

        // 3. a third case sits too long: the deadline job flags it once, the grid and the community hear of it
        String lamp = unique("路灯不亮");
        long id3 = report(wu, "FACILITY", lamp, LON, LAT).get("id").asLong();
        jdbc.update("update grid_case set deadline = ? where id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(3600)), id3);
        // another test's run may still hold the job's lock for its minimum time
        jdbc.update("update shedlock set lock_until = ? where name = 'case-overdue'",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        schedule.announceOverdue();
        schedule.announceOverdue();
        assertThat(jdbc.queryForObject("select overdue_notified_at from grid_case where id = ?", Instant.class, id3)).isNotNull();
        awaitInbox(wu, "网格事件已超时", "#" + id3);
        awaitInbox(mei, "网格事件已超时", "#" + id3);
        Response overdue = ok(mei.get("/api/v1/cases?overdue=true&size=100"));
        assertThat(overdue.text()).contains(lamp);
        Response one = ok(mei.get("/api/v1/cases/" + id3));
        assertThat(one.get("deadlineStatus").asString()).isEqualTo("RED");
        // the community (the level above the grid) urges; the grid worker cannot urge himself
        assertThat(wu.post("/api/v1/cases/" + id3 + "/urge", Map.of()).status()).isEqualTo(403);
        Response urged = ok(mei.post("/api/v1/cases/" + id3 + "/urge", Map.of("comment", "请今天内处理")));
        assertThat(urged.get("urgeCount").asInt()).isEqualTo(1);
        awaitInbox(wu, "事件催办", lamp.substring(0, 4));
        // and supervises: the holder must reply
        ok(mei.post("/api/v1/cases/" + id3 + "/supervise", Map.of("comment", "请说明未按时办理原因")));
        Response replied = ok(wu.post("/api/v1/cases/" + id3 + "/reply", Map.of("comment", "灯具缺货，明日更换")));
        assertThat(replied.get("supervisionOpen").asBoolean()).isFalse();
        awaitInbox(mei, "督办事件已回复", "灯具缺货");
        String log = String.valueOf(jdbc.queryForList("select count(*) from notification where source_id like ?",
                id3 + ":case.overdue:%"));
        assertThat(jdbc.queryForObject("select count(*) from notification where source_id like ? and recipient_account_id = "
                + "(select id from account where username = 'grid3')", Long.class, id3 + ":case.overdue:%")).as(log).isEqualTo(1);
    }

    @Test
    void twentyWorkersAcceptingTheSameCaseAtOnceGiveOneAcceptanceAndNineteenConflicts() throws Exception {
        long id = report(as("resident"), "ENVIRONMENT", unique("楼道堆放杂物"), LON, LAT).get("id").asLong();
        List<Http> workers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            workers.add(i % 2 == 0 ? as("grid3") : as("bjstaff"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (Http worker : workers) {
            answers.add(pool.submit(() -> {
                start.await();
                return worker.post("/api/v1/cases/" + id + "/accept", Map.of()).status();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (var answer : answers) {
            statuses.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(statuses).containsEntry(200, 1).containsEntry(409, 19);
        assertThat(jdbc.queryForObject("select count(*) from case_step where case_id = ? and action = 'accept'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aGridWorkerPatrolsHisGridRecordsPointsAndTheCasesHeFindsAreThePatrolsFinds() {
        Http wu = as("grid3");
        Response started = wu.post("/api/v1/patrols", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        long patrol = started.get("id").asLong();
        assertThat(started.get("gridName").asString()).isEqualTo("北江社区第三网格");
        assertThat(wu.post("/api/v1/patrols", Map.of()).status()).isEqualTo(409);
        ok(wu.post("/api/v1/patrols/" + patrol + "/points", Map.of("longitude", LON, "latitude", LAT)));
        double[] gcj = Coordinates.wgs84ToGcj02(LON + 0.001, LAT + 0.001);
        ok(wu.post("/api/v1/patrols/" + patrol + "/points", Map.of("longitude", gcj[0], "latitude", gcj[1],
                "coordSystem", "GCJ02")));
        assertThat(wu.post("/api/v1/patrols/" + patrol + "/points", Map.of("longitude", 500)).status()).isEqualTo(400);
        long found = report(wu, "ENVIRONMENT", unique("巡查发现共享单车乱停放"), LON, LAT).get("id").asLong();
        Response ended = ok(wu.post("/api/v1/patrols/" + patrol + "/end", Map.of("note", "巡查一圈，发现一处问题")));
        assertThat(ended.get("active").asBoolean()).isFalse();
        assertThat(ended.get("points").size()).isEqualTo(2);
        assertThat(ended.get("casesFound").asLong()).isEqualTo(1);
        assertThat(ended.get("points").get(1).get("longitude").asDouble()).isCloseTo(LON + 0.001, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(jdbc.queryForObject("select patrol_id from grid_case where id = ?", Long.class, found)).isEqualTo(patrol);
        assertThat(wu.post("/api/v1/patrols/" + patrol + "/end", Map.of()).status()).isEqualTo(409);
        assertThat(wu.get("/api/v1/patrols/mine").status()).isEqualTo(204);
        // the community sees the patrol; another community does not; nobody else records on it
        assertThat(as("bjstaff").get("/api/v1/patrols?size=100").text()).contains("\"id\":" + patrol + ",");
        assertThat(as("shatou").get("/api/v1/patrols?size=100").text()).doesNotContain("\"id\":" + patrol + ",");
        assertThat(as("bjstaff").post("/api/v1/patrols/" + patrol + "/points", Map.of("longitude", LON, "latitude", LAT))
                .status()).isEqualTo(404);
    }

    @Test
    void theWeeklyClearanceListsEveryCaseOfTheWeekClosedOrOpenWithItsDeadline() {
        Http wu = as("grid3");
        String text = unique("周周清测试：楼道消防栓无水");
        long id = report(wu, "SAFETY", text, LON, LAT).get("id").asLong();
        long grid = areaId("北江社区第三网格");
        Response week = ok(as("beijiang").get("/api/v1/cases/weekly-clearance?gridId=" + grid));
        assertThat(week.get("gridName").asString()).isEqualTo("北江社区第三网格");
        assertThat(week.text()).contains(text);
        assertThat(week.get("open").asLong()).isPositive();
        assertThat(week.get("reported").asLong()).isPositive();
        var item = java.util.stream.StreamSupport.stream(week.get("items").spliterator(), false)
                .filter(i -> i.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(item.get("deadline").isNull()).isFalse();
        assertThat(item.get("state").asString()).isEqualTo("REPORTED");
        assertThat(as("shatou").get("/api/v1/cases/weekly-clearance?gridId=" + grid).status()).isEqualTo(404);
    }

    @Test
    void theAdministratorChangesACategorysTimeLimitsAndBadLimitsAreRefusedFieldByField() {
        Http admin = as("sysadmin");
        Map<String, Object> form = new HashMap<>(Map.of("nameZh", "其他事项", "nameEn", "Other matters", "acceptLimit", "8h",
                "dispatchLimit", "8h", "gridLimit", "4d", "communityLimit", "10d", "subdistrictLimit", "15d", "verifyLimit", "2d"));
        Response changed = ok(admin.put("/api/v1/case-categories/OTHER", form));
        assertThat(changed.get("gridLimit").asString()).isEqualTo("4d");
        form.put("gridLimit", "5d");
        ok(admin.put("/api/v1/case-categories/OTHER", form));
        form.put("gridLimit", "five days");
        form.put("verifyLimit", "0h");
        Response bad = admin.put("/api/v1/case-categories/OTHER", form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("gridLimit").contains("verifyLimit");
        assertThat(jdbc.queryForObject("select grid_limit from case_category where code = 'OTHER'", String.class)).isEqualTo("5d");
        assertThat(as("beijiang").put("/api/v1/case-categories/OTHER", form).status()).isEqualTo(403);
    }

    @Test
    void everyOpenCaseHasADeadlineAndSomebodyResponsible() {
        report(as("grid3"), "DISPUTE", unique("邻里停车纠纷"), LON, LAT);
        assertThat(jdbc.queryForObject("select count(*) from grid_case where state in ('REPORTED', 'ACCEPTED', "
                + "'REGISTERED', 'DISPATCHED', 'HANDLING', 'HANDLED', 'VERIFIED') and (deadline is null or responsible_name "
                + "is null or responsible_name = '')", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from grid_case where state in ('REPORTED', 'ACCEPTED', "
                + "'REGISTERED', 'DISPATCHED', 'HANDLING', 'HANDLED', 'VERIFIED')", Integer.class)).isPositive();
    }

    @Test
    void aPointIsRoutedToTheSmallestGridAroundItAndGcj02FromPhonesIsConverted() {
        Http wu = as("grid3");
        // a point given in GCJ-02, as a phone reports it: stored as WGS-84, routed by the WGS-84 point
        double[] gcj = Coordinates.wgs84ToGcj02(LON, LAT);
        Response r = wu.post("/api/v1/cases", Map.of("category", "ENVIRONMENT", "description", unique("绿化带枯枝"),
                "longitude", gcj[0], "latitude", gcj[1], "coordSystem", "GCJ02"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(Coordinates.metres(r.get("longitude").asDouble(), r.get("latitude").asDouble(), LON, LAT)).isLessThan(1.0);
        assertThat(r.get("gridName").asString()).isEqualTo("第3网格微网格1");
        // the second micro-grid of the same grid lies north of 23.160
        Response north = wu.post("/api/v1/cases", Map.of("category", "ENVIRONMENT", "description", unique("树木倒伏"),
                "longitude", LON, "latitude", 23.165));
        assertThat(north.get("gridName").asString()).isEqualTo("第3网格微网格2");
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamedAndNothingIsHalfSaved() {
        Http wu = as("grid3");
        long cases = jdbc.queryForObject("select count(*) from grid_case", Long.class);
        long photos = jdbc.queryForObject("select count(*) from case_photo", Long.class);

        Response outside = report(wu, "ENVIRONMENT", "江边有人钓鱼", 113.5, 23.5);
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.text()).contains("longitude").contains("不在任何网格内");

        Map<String, Object> notImage = new HashMap<>(Map.of("category", "ENVIRONMENT", "description", "垃圾", "longitude",
                LON, "latitude", LAT));
        notImage.put("photos", List.of(PNG, Base64.getEncoder().encodeToString("%PDF-1.4 not a photo".getBytes())));
        Response pdf = wu.post("/api/v1/cases", notImage);
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.text()).contains("photos[1]");

        Response empty = wu.post("/api/v1/cases", Map.of("description", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("category").contains("description").contains("longitude").contains("latitude");

        Response unknown = report(wu, "NOPE", "x", LON, LAT);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("category");

        assertThat(jdbc.queryForObject("select count(*) from grid_case", Long.class)).isEqualTo(cases);
        assertThat(jdbc.queryForObject("select count(*) from case_photo", Long.class)).isEqualTo(photos);
    }

    @Test
    void aStepOutOfOrderAnswers409NamingTheStateAndWhatIsAllowed() {
        Http wu = as("grid3");
        long id = report(wu, "LIVELIHOOD", unique("楼道灯坏"), LON, LAT).get("id").asLong();
        int steps = jdbc.queryForObject("select count(*) from case_step where case_id = ?", Integer.class, id);
        Response close = as("beijiang").post("/api/v1/cases/" + id + "/close", Map.of());
        assertThat(close.status()).isEqualTo(409);
        assertThat(close.text()).contains("REPORTED").contains("accept");
        Response rate = wu.post("/api/v1/cases/" + id + "/rate", Map.of("rating", 5));
        assertThat(rate.status()).isEqualTo(409);
        // handling without saying what was done is a 400, and nothing moved
        ok(wu.post("/api/v1/cases/" + id + "/accept", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/register", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/dispatch", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/start", Map.of()));
        Response noComment = wu.post("/api/v1/cases/" + id + "/handle", Map.of());
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.text()).contains("comment");
        assertThat(jdbc.queryForObject("select state from grid_case where id = ?", String.class, id)).isEqualTo("HANDLING");
        assertThat(jdbc.queryForObject("select count(*) from case_step where case_id = ?", Integer.class, id))
                .isEqualTo(steps + 4);
        // a rejection says who decided and where to go instead
        long other = report(as("resident"), "DISPUTE", unique("邻居装修噪音"), LON, LAT).get("id").asLong();
        Response noRedirect = wu.post("/api/v1/cases/" + other + "/reject", Map.of("reason", "不属于网格事项"));
        assertThat(noRedirect.status()).isEqualTo(400);
        assertThat(noRedirect.text()).contains("redirect");
        Response rejected = ok(wu.post("/api/v1/cases/" + other + "/reject", Map.of("reason", "属物业管理范围",
                "redirect", "请联系时代城物业服务中心")));
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        awaitInbox(as("resident"), "您反映的事件未予受理", "吴海", "请联系时代城物业服务中心");
    }

    @Test
    void anotherCommunitysSecretaryGetsNotFoundAndAResidentSeesOnlyHisOwn() {
        long id = report(as("grid3"), "ENVIRONMENT", unique("垃圾桶满溢"), LON, LAT).get("id").asLong();
        Http luo = as("shatou");
        assertThat(luo.get("/api/v1/cases/" + id).status()).isEqualTo(404);
        assertThat(luo.post("/api/v1/cases/" + id + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(luo.get("/api/v1/cases?size=100").text()).doesNotContain("\"id\":" + id + ",");
        assertThat(as("resident").get("/api/v1/cases/" + id).status()).isEqualTo(404);
        assertThat(as("resident").get("/api/v1/cases").status()).isEqualTo(403);
        assertThat(as("beijiang").get("/api/v1/cases/" + id).status()).isEqualTo(200);
    }

    @Test
    void nearbyOpenCasesAreShownAndADuplicatesReporterFollowsTheOriginal() {
        Http wu = as("grid3");
        String original = unique("小区门口路面塌陷");
        long first = report(wu, "FACILITY", original, LON + 0.0002, LAT).get("id").asLong();
        Response nearby = ok(as("resident").get("/api/v1/cases/nearby?longitude=" + LON + "&latitude=" + LAT
                + "&coordSystem=WGS84&category=FACILITY"));
        assertThat(nearby.text()).contains("\"id\":" + first);
        long dup = report(as("resident"), "FACILITY", unique("门口路面有坑"), LON, LAT).get("id").asLong();
        Response marked = ok(wu.post("/api/v1/cases/" + dup + "/duplicate", Map.of("originalId", first)));
        assertThat(marked.get("state").asString()).isEqualTo("DUPLICATE");
        Http chen = as("resident");
        assertThat(chen.get("/api/v1/cases/" + first).status()).isEqualTo(200);
        assertThat(chen.get("/api/v1/cases/mine?size=100").text()).contains(original);
        ok(wu.post("/api/v1/cases/" + first + "/accept", Map.of()));
        ok(wu.post("/api/v1/cases/" + first + "/register", Map.of()));
        ok(wu.post("/api/v1/cases/" + first + "/dispatch", Map.of()));
        ok(wu.post("/api/v1/cases/" + first + "/start", Map.of()));
        ok(wu.post("/api/v1/cases/" + first + "/handle", Map.of("comment", "已回填修复" + first)));
        awaitInbox(chen, "已回填修复" + first);
    }

    @Test
    void aVisitThatRaisesACaseCreatesExactlyOneCaseInTheHouseholdsGrid() {
        String path = areaPath("颐澳湾小区");
        long visitId = System.nanoTime() % 1_000_000_000L;
        String text = unique("独居老人家中燃气管老化");
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(s -> publisher.publishEvent(new VisitRaisedCase(visitId, null, path, text, "刘明")));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from grid_case where source_type = 'Visit' and source_id = ?", Long.class,
                String.valueOf(visitId))).isEqualTo(1));
        Map<String, Object> row = jdbc.queryForMap("select channel, grid_name, responsible_name from grid_case "
                + "where source_type = 'Visit' and source_id = ?", String.valueOf(visitId));
        assertThat(row.get("channel")).isEqualTo("VISIT");
        assertThat(String.valueOf(row.get("grid_name"))).contains("第3网格");
        assertThat(String.valueOf(row.get("responsible_name"))).contains("吴海");
    }

    @Test
    void aReporterIsNotOfferedReopeningOnceHerTimeIsOver() {
        Http chen = as("resident");
        // 陈美玲's demo case closed nine days ago: the seven days to ask for rework are over
        long id = jdbc.queryForObject("select id from grid_case where description like '时代城小区4座地下车库积水%'", Long.class);
        Response view = chen.get("/api/v1/cases/" + id);
        assertThat(Instant.parse(view.get("reopenUntil").asString())).isBefore(Instant.now());
        assertThat(view.get("actions").toString()).doesNotContain("reopen");
        Response late = chen.post("/api/v1/cases/" + id + "/reopen", Map.of("reason", "又积水了"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(chen.get("/api/v1/cases/" + id).get("state").asString()).isEqualTo(view.get("state").asString());
    }
}
