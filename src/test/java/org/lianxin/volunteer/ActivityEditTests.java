package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editing and cancelling a published activity over HTTP (issue 7): the same checks as publishing, the waitlist moving
 * up when places are added, no one dropped when places are taken away, members told of a new time (and of a clash),
 * reminders re-armed for the new start, two editors at once, an edit racing sign-ups; cancelling with a reason.
 */
class ActivityEditTests extends ApiTest {

    @Autowired
    SignUpDesk desk;
    @Autowired
    VolunteerSchedule schedule;

    private static Instant days(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    private Map<String, Object> form(String title, Instant start, int capacity) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("description", "清理楼道杂物");
        form.put("areaId", areaId("北江社区"));
        form.put("place", "时代城小区 2 座");
        form.put("startsAt", start.toString());
        form.put("endsAt", start.plus(Duration.ofHours(2)).toString());
        form.put("capacity", capacity);
        form.put("organiserKind", "COMMUNITY");
        form.put("organiserName", "北江社区党委");
        return form;
    }

    private Response published(String title, Instant start, int capacity) {
        Response created = as("beijiang").post("/api/v1/activities", form(title, start, capacity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    /** The edit form from the activity as read, with some fields changed. */
    private Map<String, Object> edit(Response activity, Map<String, Object> changes) {
        Map<String, Object> form = new HashMap<>();
        for (String f : List.of("title", "description", "place", "startsAt", "endsAt", "signUpOpensAt")) {
            form.put(f, activity.get(f).asString());
        }
        form.put("capacity", activity.get("capacity").asInt());
        form.put("version", activity.get("version").asLong());
        form.putAll(changes);
        return form;
    }

    /** The reminder job runs now (its ShedLock, held at least 30 s after any earlier run, is let go first). */
    private void remind() {
        jdbc.update("update shedlock set lock_until = ? where name = 'volunteer-reminders'",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
        schedule.remind();
    }

    private long account(String username) {
        return jdbc.queryForObject("select id from account where username = ?", Long.class, username);
    }

    private SignUp signUpAs(long activity, String username, long memberOffset) {
        return desk.signUp(activity, new SignUpDesk.Volunteer(95_000_000L + activity * 10 + memberOffset,
                account(username), username), Instant.now());
    }

    @Test
    void raisingTheCapacityMovesTheWaitlistUpInOrderAndEachIsTold() {
        String title = unique("楼道清理");
        Response a = published(title, days(20), 1);
        long id = a.get("id").asLong();
        SignUp first = signUpAs(id, "louzhang", 1);
        SignUp second = signUpAs(id, "member", 2);
        SignUp third = desk.signUp(id, new SignUpDesk.Volunteer(95_000_000L + id * 10 + 3, null, "第三人"), Instant.now());
        assertThat(first.state()).isEqualTo(SignUpState.SIGNED_UP);
        assertThat(second.state()).isEqualTo(SignUpState.WAITLISTED);

        Response raised = as("beijiang").put("/api/v1/activities/" + id, edit(a, Map.of("capacity", 2)));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(raised.get("taken").asInt()).isEqualTo(2);
        assertThat(raised.get("waitlisted").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from sign_up where id = ?", String.class, second.id())).isEqualTo("SIGNED_UP");
        assertThat(jdbc.queryForObject("select state from sign_up where id = ?", String.class, third.id())).isEqualTo("WAITLISTED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as("member").get("/api/v1/notifications?size=100").text()).contains("候补成功").contains(title));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'activity.edit' and object_id = ?", Integer.class,
                String.valueOf(id))).isEqualTo(1));
    }

    @Test
    void loweringTheCapacityBelowThoseSignedUpIsRefusedNamingHowManyAndNobodyIsDropped() {
        Response a = published(unique("义剪"), days(21), 5);
        long id = a.get("id").asLong();
        signUpAs(id, "louzhang", 1);
        signUpAs(id, "member", 2);
        desk.signUp(id, new SignUpDesk.Volunteer(95_000_000L + id * 10 + 3, null, "第三人"), Instant.now());

        Response lowered = as("beijiang").put("/api/v1/activities/" + id, edit(a, Map.of("capacity", 2)));
        assertThat(lowered.status()).isEqualTo(409);
        assertThat(lowered.get("detail").asString()).contains("已有 3 人报名");
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and state = 'SIGNED_UP'",
                Integer.class, id)).isEqualTo(3);
        Response fine = as("beijiang").put("/api/v1/activities/" + id, edit(a, Map.of("capacity", 3)));
        assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
        assertThat(fine.get("capacity").asInt()).isEqualTo(3);
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsSaved() {
        Response a = published(unique("防诈宣传"), days(22), 5);
        long id = a.get("id").asLong();
        Map<String, Object> bad = edit(a, new HashMap<>(Map.of("title", "", "capacity", 0,
                "endsAt", a.get("startsAt").asString())));
        bad.remove("version");
        Response answer = as("beijiang").put("/api/v1/activities/" + id, bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("title").contains("capacity").contains("endsAt").contains("version");
        Response english = as("beijiang").language("en").put("/api/v1/activities/" + id,
                edit(a, Map.of("endsAt", a.get("startsAt").asString())));
        assertThat(english.text()).contains("The end must be after the start");
        Response past = as("beijiang").put("/api/v1/activities/" + id,
                edit(a, Map.of("startsAt", days(-1).toString(), "endsAt", days(-1).plusSeconds(3600).toString())));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text()).contains("startsAt");
        assertThat(as("beijiang").get("/api/v1/activities/" + id).get("title").asString()).isEqualTo(a.get("title").asString());
        assertThat(as("member").put("/api/v1/activities/" + id, edit(a, Map.of())).status()).isEqualTo(403);
        assertThat(as("shatou").put("/api/v1/activities/" + id, edit(a, Map.of())).status()).isEqualTo(404);
    }

    @Test
    void aNewTimeIsToldOnceToEveryoneSignedUpOrWaitingNamesAClashAndReArmsTheReminders() {
        String title = unique("防溺水宣传");
        Instant start = Instant.now().plus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);
        Response a = published(title, start, 1);
        long id = a.get("id").asLong();
        SignUp placed = signUpAs(id, "member", 1);
        SignUp waiting = signUpAs(id, "louzhang", 2);
        remind();
        assertThat(jdbc.queryForObject("select reminded_hour_at is not null from sign_up where id = ?", Boolean.class,
                placed.id())).isTrue();
        // another activity of 刘明's login (same member id) tomorrow at the time this one moves to
        Instant later = days(1);
        Response other = published(unique("另一项活动"), later.plus(Duration.ofMinutes(30)), 5);
        desk.signUp(other.get("id").asLong(), new SignUpDesk.Volunteer(placed.memberId(), account("member"), "刘明"),
                Instant.now());

        Response moved = as("beijiang").put("/api/v1/activities/" + id, edit(a, Map.of("startsAt", later.toString(),
                "endsAt", later.plus(Duration.ofHours(2)).toString(), "place", "北江社区文化广场")));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select state from sign_up where id = ?", String.class, placed.id()))
                .as("a clash does not cancel him").isEqualTo("SIGNED_UP");
        assertThat(jdbc.queryForObject("select reminded_hour_at is null and reminded_day_at is null from sign_up where id = ?",
                Boolean.class, placed.id())).as("re-armed for the new start").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(as("member").get("/api/v1/notifications?size=100").text()).contains("时间冲突").contains(title);
            assertThat(as("louzhang").get("/api/v1/notifications?size=100").text()).contains("有变动").contains(title);
        });
        String inbox = as("louzhang").get("/api/v1/notifications?size=100").text();
        assertThat(inbox.split("有变动", -1).length - 1).as("told once").isEqualTo(1);

        // the day reminder goes out for the new start, once however often the job runs
        jdbc.update("update sign_up set starts_at = ? where id = ?", java.sql.Timestamp.from(Instant.now()
                .plus(Duration.ofHours(5))), placed.id());
        remind();
        remind();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as("member").get("/api/v1/notifications?size=100").text()).contains("明天有您报名的志愿活动"));
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_account_id = ? and source_id like ?",
                Integer.class, account("member"), placed.id() + ":activity.remind-%")).isEqualTo(2);
        assertThat(waiting.state()).isEqualTo(SignUpState.WAITLISTED);
    }

    @Test
    void afterTheStartOnlyTheDescriptionMayChange() {
        Response a = published(unique("值守"), days(23), 5);
        long id = a.get("id").asLong();
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        jdbc.update("update activity set starts_at = ?, ends_at = ?, sign_up_closes_at = ?, sign_up_opens_at = ? where id = ?",
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plus(Duration.ofHours(2))),
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.minus(Duration.ofDays(1))), id);
        Response now = as("beijiang").get("/api/v1/activities/" + id);
        Response place = as("beijiang").put("/api/v1/activities/" + id, edit(now, Map.of("place", "别处")));
        assertThat(place.status()).isEqualTo(409);
        assertThat(place.get("detail").asString()).contains("开始后只能修改活动说明");
        Response description = as("beijiang").put("/api/v1/activities/" + id, edit(now, Map.of("description", "请带上雨具")));
        assertThat(description.status()).as(description.toString()).isEqualTo(200);
        assertThat(description.get("description").asString()).isEqualTo("请带上雨具");
    }

    @Test
    void twoEditorsAtOnceGiveOne200AndOne409AndAnEditRacingSignUpsNeverOverfills() throws Exception {
        Response a = published(unique("并发编辑"), days(24), 10);
        long id = a.get("id").asLong();
        Http mei = as("beijiang");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> editors = new ArrayList<>();
        for (String t : List.of("甲改的标题", "乙改的标题")) {
            editors.add(pool.submit(() -> {
                go.await();
                return mei.put("/api/v1/activities/" + id, edit(a, Map.of("title", t))).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : editors) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);

        Response current = as("beijiang").get("/api/v1/activities/" + id);
        ExecutorService many = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long member = 96_000_000L + id * 100 + i;
            Callable<Object> call = () -> {
                start.await();
                return desk.signUp(id, new SignUpDesk.Volunteer(member, null, "志愿者" + member), Instant.now()).state();
            };
            calls.add(many.submit(call));
        }
        calls.add(many.submit(() -> {
            start.await();
            return mei.put("/api/v1/activities/" + id, edit(current, Map.of("capacity", 6))).status();
        }));
        start.countDown();
        for (Future<Object> f : calls) {
            f.get();
        }
        many.shutdown();
        int capacity = jdbc.queryForObject("select capacity from activity where id = ?", Integer.class, id);
        int signedUp = jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and state = 'SIGNED_UP'",
                Integer.class, id);
        assertThat(signedUp).isEqualTo(capacity).isEqualTo(jdbc.queryForObject("select taken from activity where id = ?",
                Integer.class, id));
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ?", Integer.class, id)).isEqualTo(20);
    }

    @Test
    void cancellingNeedsAReasonEndsEverySignUpAsCancelledByTheOrganiserAndTellsEachMember() {
        String title = unique("中秋游园");
        Response a = published(title, days(25), 1);
        long id = a.get("id").asLong();
        SignUp placed = signUpAs(id, "member", 1);
        SignUp waiting = signUpAs(id, "louzhang", 2);
        Http mei = as("beijiang");
        Response noReason = mei.post("/api/v1/activities/" + id + "/cancel", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        assertThat(as("member").post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);

        Response cancelled = mei.post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "台风预警，活动取消"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("台风预警，活动取消");
        assertThat(cancelled.get("taken").asInt()).isZero();
        Response roster = mei.get("/api/v1/activities/" + id + "/sign-ups?size=10");
        assertThat(roster.text()).contains("ORGANISER_CANCELLED").doesNotContain("\"WAITLISTED\"");
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and state = 'ORGANISER_CANCELLED'",
                Integer.class, id)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(as("member").get("/api/v1/notifications?size=100").text()).contains("已取消").contains("台风预警");
            assertThat(as("louzhang").get("/api/v1/notifications?size=100").text()).contains("已取消").contains(title);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'activity.cancel' and object_id = ?",
                    Integer.class, String.valueOf(id))).isEqualTo(1);
        });
        // the member sees it cancelled with its reason, cannot sign up again; nothing more can happen to it
        Response seen = as("member").get("/api/v1/activities/" + id);
        assertThat(seen.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(seen.get("cancelReason").asString()).contains("台风");
        assertThat(seen.get("actions").toString()).doesNotContain("sign-up");
        assertThat(as("member").post("/api/v1/activities/" + id + "/sign-ups", Map.of()).status()).isEqualTo(409);
        assertThat(mei.post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "再取消")).status()).isEqualTo(409);
        assertThat(mei.put("/api/v1/activities/" + id, edit(cancelled, Map.of())).status()).isEqualTo(409);
        assertThat(mei.post("/api/v1/activities/" + id + "/attendance/confirm", Map.of()).status()).isEqualTo(409);
        // no reminders for it
        jdbc.update("update sign_up set starts_at = ? where activity_id = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(30))), id);
        remind();
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and reminded_hour_at is not null",
                Integer.class, id)).isZero();
        assertThat(waiting.id()).isNotEqualTo(placed.id());
    }

    @Test
    void anEndedOrConfirmedActivityCannotBeCancelled() {
        Response a = published(unique("已结束活动"), days(26), 5);
        long id = a.get("id").asLong();
        Instant start = Instant.now().minus(Duration.ofHours(3));
        jdbc.update("update activity set starts_at = ?, ends_at = ?, sign_up_closes_at = ?, sign_up_opens_at = ? where id = ?",
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plus(Duration.ofHours(2))),
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.minus(Duration.ofDays(1))), id);
        Response ended = as("beijiang").post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "太晚了"));
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.get("detail").asString()).contains("结束");
        assertThat(as("beijiang").post("/api/v1/activities/" + id + "/attendance/confirm", Map.of()).status()).isEqualTo(200);
        Response confirmed = as("beijiang").post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "太晚了"));
        assertThat(confirmed.status()).isEqualTo(409);
    }

    @Test
    void theDemoHasACancelledActivityWithItsReason() {
        assertThat(jdbc.queryForObject("select cancel_reason from activity where title = '中秋游园会志愿服务'", String.class))
                .contains("台风");
    }
}
