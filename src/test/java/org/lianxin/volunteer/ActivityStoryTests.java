package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
 * Volunteer activities over HTTP: story S7 (sign-up with waitlist and promotion, the rotating code on site,
 * hours confirmed and ActivityAttended published), capacity under 200 concurrent sign-ups, and bad input and
 * abuse. There is no movable clock: where the story needs time to pass (the activity starting, an hour on site,
 * the end) the test moves the activity's (and sign-ups') times back in the database, as time would.
 */
class ActivityStoryTests extends ApiTest {

    @Autowired
    SignUpDesk desk;
    @Autowired
    ActivityRepository activities;
    @Autowired
    CheckInCodes codes;
    @Autowired
    org.lianxin.shared.Ids ids;
    @Autowired
    VolunteerSchedule schedule;

    private Map<String, Object> form(String title, Instant start, Instant end, int capacity) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("description", "清理积水容器，清除蚊虫孳生地");
        form.put("areaId", areaId("北江社区"));
        form.put("place", "北江社区党群服务中心门前");
        form.put("startsAt", start.toString());
        form.put("endsAt", end.toString());
        form.put("capacity", capacity);
        form.put("skills", List.of("MEDICAL"));
        form.put("organiserKind", "COMMUNITY");
        form.put("organiserName", "北江社区党委");
        return form;
    }

    private long published(Http staff, String title, Instant start, Instant end, int capacity) {
        Response created = staff.post("/api/v1/activities", form(title, start, end, capacity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    /** Time passes: the activity now runs from {@code start} to {@code end}. */
    private void moveActivity(long id, Instant start, Instant end) {
        jdbc.update("update activity set starts_at = ?, ends_at = ?, sign_up_closes_at = ? where id = ?",
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(end), java.sql.Timestamp.from(start), id);
        jdbc.update("update sign_up set starts_at = ?, ends_at = ? where activity_id = ?",
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(end), id);
    }

    private static Instant days(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    @Test
    void s7_membersSignUpForTheDengueCleanUpTheWaitlistMovesUpTheyCheckInOnSiteAndTheOrganiserConfirmsTheirHours() {
        Http mei = as("beijiang");
        Http liu = as("member");
        Http lin = as("louzhang");
        String title = unique("登革热防控大扫除");
        Instant start = days(2);
        long id = published(mei, title, start, start.plus(Duration.ofHours(3)), 1);

        // members near it see it; 林志强 takes the only place, 刘明 joins the waitlist
        assertThat(liu.get("/api/v1/activities?size=100").text()).contains(title);
        Response first = lin.post("/api/v1/activities/" + id + "/sign-ups", Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.get("state").asString()).isEqualTo("SIGNED_UP");
        Response second = liu.post("/api/v1/activities/" + id + "/sign-ups", Map.of());
        assertThat(second.get("state").asString()).isEqualTo("WAITLISTED");
        assertThat(second.get("waitlistPosition").asLong()).isEqualTo(1);
        assertThat(liu.post("/api/v1/activities/" + id + "/sign-ups", Map.of()).status()).as("twice").isEqualTo(409);

        // 林志强 cancels: 刘明 moves up and is told in his inbox
        Response cancelled = lin.post("/api/v1/sign-ups/" + first.get("id").asLong() + "/cancel", Map.of());
        assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("lateCancellation").asBoolean()).isFalse();
        assertThat(liu.get("/api/v1/sign-ups/mine?size=100").text()).contains(title);
        Response mine = liu.get("/api/v1/activities/" + id);
        assertThat(mine.get("mySignUp").get("state").asString()).isEqualTo("SIGNED_UP");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(liu.get("/api/v1/notifications?size=50").text()).contains("候补成功").contains(title));
        Response again = lin.post("/api/v1/activities/" + id + "/sign-ups", Map.of());
        assertThat(again.get("state").asString()).as("full again: back on the waitlist").isEqualTo("WAITLISTED");
        Response roster = mei.get("/api/v1/activities/" + id + "/sign-ups?size=100");
        assertThat(roster.get("totalElements").asLong()).isEqualTo(2);
        assertThat(roster.text()).contains("刘明").contains("林志强");

        // the day comes: the organiser's phone shows the code, 刘明 scans it
        moveActivity(id, Instant.now().minus(Duration.ofMinutes(100)), Instant.now().plus(Duration.ofHours(1)));
        Response code = mei.get("/api/v1/activities/" + id + "/check-in-code");
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        assertThat(liu.get("/api/v1/activities/" + id + "/check-in-code").status()).as("only the organiser").isEqualTo(403);
        String text = code.get("code").asString();
        Response in = liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", text));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.get("state").asString()).isEqualTo("CHECKED_IN");
        Response twice = liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", text));
        assertThat(twice.status()).as("a second scan right away is no check-out").isEqualTo(409);
        assertThat(twice.get("detail").asString()).contains("已签到");
        Response waiting = lin.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", text));
        assertThat(waiting.status()).as("waitlisted cannot check in").isEqualTo(409);

        // an hour and a half on site, then the scan again checks him out
        jdbc.update("update sign_up set checked_in_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(90))), second.get("id").asLong());
        Response out = liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code",
                mei.get("/api/v1/activities/" + id + "/check-in-code").get("code").asString()));
        assertThat(out.get("state").asString()).isEqualTo("CHECKED_OUT");

        // too early to confirm; once it ended, the organiser confirms and the hours are credited
        assertThat(mei.post("/api/v1/activities/" + id + "/attendance/confirm", Map.of()).status()).isEqualTo(409);
        moveActivity(id, Instant.now().minus(Duration.ofMinutes(100)), Instant.now().minus(Duration.ofMinutes(1)));
        Response confirmed = mei.post("/api/v1/activities/" + id + "/attendance/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.get("attended").asInt()).isEqualTo(1);
        assertThat(confirmed.get("minutes").asInt()).isBetween(85, 90);
        assertThat(mei.post("/api/v1/activities/" + id + "/attendance/confirm", Map.of()).status()).as("once").isEqualTo(409);
        Response list = mei.get("/api/v1/activities/" + id + "/attendance?size=100");
        assertThat(list.get("content").get(0).get("state").asString()).isEqualTo("ATTENDED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'activity.attended' and object_id = ?", Integer.class,
                String.valueOf(id))).isEqualTo(1));

        // a correction needs a reason, and is audited
        long line = second.get("id").asLong();
        Response noReason = mei.post("/api/v1/activities/" + id + "/attendance/correct", Map.of("signUpId", line, "minutes", 120));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        Response corrected = mei.post("/api/v1/activities/" + id + "/attendance/correct",
                Map.of("signUpId", line, "minutes", 95, "reason", "签退前又帮忙搬运了垃圾袋"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.get("minutes").asInt()).isEqualTo(95);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'activity.attendance.correct' and object_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1));
    }

    @Test
    void twoHundredMembersSigningUpAtOnceFor120PlacesGive120PlacesAnd80OnTheWaitlist() throws Exception {
        long id = concurrencyActivity(activities, ids, areaPath("北江社区"), areaId("北江社区"), 120);
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SignUpState>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long member = 70_000_000L + id * 1000 + i;
            Callable<SignUpState> call = () -> {
                start.await();
                return desk.signUp(id, new SignUpDesk.Volunteer(member, null, "志愿者" + member), Instant.now()).state();
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        Map<SignUpState, Integer> count = new HashMap<>();
        for (Future<SignUpState> f : results) {
            count.merge(f.get(), 1, Integer::sum);
        }
        pool.shutdown();

        assertThat(count).containsEntry(SignUpState.SIGNED_UP, 120).containsEntry(SignUpState.WAITLISTED, 80);
        assertThat(jdbc.queryForObject("select taken from activity where id = ?", Integer.class, id)).isEqualTo(120);
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and state = 'SIGNED_UP'",
                Integer.class, id)).isEqualTo(120);
    }

    /** An activity tomorrow for the concurrency tests, made directly (its sign-ups are by member id). */
    static long concurrencyActivity(ActivityRepository activities, org.lianxin.shared.Ids ids, String path, long areaId,
                                    int capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(30)).plus(Duration.ofMinutes((long) (Math.random() * 10_000)));
        Activity activity = new Activity(ids.next("activity_seq"), new Activity.Where(areaId, "北江社区", path),
                new Activity.Details("并发报名测试", null, "北江社区", start, start.plus(Duration.ofHours(2)), null, null,
                        capacity, List.of(), null, Activity.OrganiserKind.COMMUNITY, "北江社区党委"), 1L, "测试",
                Instant.now());
        return activities.saveAndFlush(activity).id();
    }

    @Test
    void badInputIsRefusedNamingEveryField() {
        Http mei = as("beijiang");
        Map<String, Object> bad = form("", days(12), days(12).minus(Duration.ofHours(1)), -5);
        bad.put("skills", List.of("not a skill"));
        Response answer = mei.post("/api/v1/activities", bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("title").contains("endsAt").contains("capacity").contains("skills")
                .contains("结束时间须晚于开始时间");
        Response english = mei.language("en").post("/api/v1/activities", form("x", days(12), days(12), 10));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text()).contains("The end must be after the start");
        Response past = as("beijiang").post("/api/v1/activities", form("过去的活动", days(-1), days(-1).plusSeconds(3600), 10));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text()).contains("startsAt");
        Map<String, Object> elsewhere = form("沙头的活动", days(12), days(12).plusSeconds(3600), 10);
        elsewhere.put("areaId", areaId("沙头社区"));
        assertThat(as("beijiang").post("/api/v1/activities", elsewhere).status()).isEqualTo(400);
        assertThat(as("member").post("/api/v1/activities", form("党员发布", days(12), days(12).plusSeconds(3600), 10))
                .status()).isEqualTo(403);
    }

    @Test
    void overlappingSignUpsAreRefusedNamingTheClashAndCancellingAfterTheStartIsNot() {
        Http mei = as("beijiang");
        Http liu = as("member");
        Instant start = days(15);
        String firstTitle = unique("河堤清理");
        long first = published(mei, firstTitle, start, start.plus(Duration.ofHours(2)), 10);
        long second = published(mei, unique("楼道清理"), start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(3)), 10);
        Response signed = liu.post("/api/v1/activities/" + first + "/sign-ups", Map.of());
        assertThat(signed.status()).isEqualTo(201);
        Response clash = liu.post("/api/v1/activities/" + second + "/sign-ups", Map.of());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.get("detail").asString()).contains(firstTitle).contains("时间冲突");

        moveActivity(first, Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofHours(2)));
        Response late = liu.post("/api/v1/sign-ups/" + signed.get("id").asLong() + "/cancel", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.get("detail").asString()).contains("已开始");
        assertThat(as("louzhang").post("/api/v1/sign-ups/" + signed.get("id").asLong() + "/cancel", Map.of()).status())
                .as("not his").isEqualTo(404);
        assertThat(as("shatou").get("/api/v1/activities/" + first).status()).as("outside scope").isEqualTo(404);
    }

    @Test
    void expiredForgedAndForeignCodesAreRefusedAndNothingIsCreditedTwice() {
        Http mei = as("beijiang");
        Http liu = as("member");
        Instant start = days(18);
        long id = published(mei, unique("防汛值守"), start, start.plus(Duration.ofHours(2)), 10);
        long other = published(mei, unique("另一场活动"), start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plusSeconds(3600), 10);
        Response signed = liu.post("/api/v1/activities/" + id + "/sign-ups", Map.of());
        assertThat(signed.status()).isEqualTo(201);

        String valid = mei.get("/api/v1/activities/" + id + "/check-in-code").get("code").asString();
        Response early = liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", valid));
        assertThat(early.status()).as("days before the start").isEqualTo(409);
        assertThat(early.get("detail").asString()).contains("不在签到时间内");

        moveActivity(id, Instant.now().minus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofHours(1)));
        String expired = codes.current(id, Instant.now().minus(Duration.ofMinutes(3))).text();
        Response old = liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", expired));
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.get("detail").asString()).contains("已过期");
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 1) + "." + parts[3];
        assertThat(liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", forged)).status()).isEqualTo(400);
        String foreign = codes.current(other, Instant.now()).text();
        assertThat(liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", foreign)).status()).isEqualTo(400);
        assertThat(liu.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", "LXA.1.2.x")).status()).isEqualTo(400);

        // by hand, with a reason: in once; a second manual check-in checks out, never in twice
        Response noReason = mei.post("/api/v1/activities/" + id + "/check-ins", Map.of("signUpId", signed.get("id").asLong()));
        assertThat(noReason.status()).isEqualTo(400);
        Response manual = mei.post("/api/v1/activities/" + id + "/check-ins",
                Map.of("signUpId", signed.get("id").asLong(), "reason", "手机没电，现场核对身份后代为签到"));
        assertThat(manual.get("state").asString()).isEqualTo("CHECKED_IN");
        assertThat(manual.get("checkedInBy").asString()).contains("梅丽华");
        Response scanned = liu.post("/api/v1/activities/" + id + "/check-ins",
                Map.of("code", mei.get("/api/v1/activities/" + id + "/check-in-code").get("code").asString()));
        assertThat(scanned.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and checked_in_at is not null",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void membersAreRemindedAnHourBeforeOnceHoweverOftenTheJobRuns() {
        Http liu = as("member");
        long account = jdbc.queryForObject("select id from account where username = 'member'", Long.class);
        String title = unique("提醒测试活动");
        long id = published(as("beijiang"), title, Instant.now().plus(Duration.ofMinutes(40)),
                Instant.now().plus(Duration.ofMinutes(160)), 5);
        // as 刘明's login, but under another member id, so that the demo duty he is on now does not clash
        desk.signUp(id, new SignUpDesk.Volunteer(91_000_000L + id, account, "刘明"), Instant.now());

        // the job holds its lock for 30 s: a scheduled run just before would make these calls no-ops, so free it each time
        freeJobLock("volunteer-reminders");
        schedule.remind();
        freeJobLock("volunteer-reminders");
        schedule.remind();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(liu.get("/api/v1/notifications?size=100").text()).contains("一小时后开始").contains(title));
        String inbox = liu.get("/api/v1/notifications?size=100").text();
        assertThat(inbox.split(java.util.regex.Pattern.quote(title), -1).length - 1).as("told once").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and reminded_hour_at is not null"
                + " and reminded_day_at is not null", Integer.class, id)).isEqualTo(1);
    }
}
