package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organiser scans a member's personal code (我的签到码) over HTTP: in, and out on a later scan; the typed number;
 * expired, forged, another member's and not-signed-up codes; the method and the organiser recorded.
 */
class MemberCodeTests extends ApiTest {

    @Autowired
    MemberCodes codes;

    private long published(String title) {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> form = new HashMap<>(Map.of("title", title, "areaId", areaId("北江社区"), "place", "北江社区党群服务站",
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(), "capacity", 5,
                "organiserKind", "COMMUNITY", "organiserName", "北江社区党委"));
        Response created = as("beijiang").post("/api/v1/activities", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    /** The day comes: the activity runs from ten minutes ago for two hours. */
    private void goingOnNow(long id) {
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        jdbc.update("update activity set starts_at = ?, ends_at = ?, sign_up_closes_at = ?, sign_up_opens_at = ? where id = ?",
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plus(Duration.ofHours(2))),
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.minus(Duration.ofDays(1))), id);
        jdbc.update("update sign_up set starts_at = ?, ends_at = ? where activity_id = ?", java.sql.Timestamp.from(start),
                java.sql.Timestamp.from(start.plus(Duration.ofHours(2))), id);
    }

    private Response scan(long id, String code) {
        return as("beijiang").post("/api/v1/activities/" + id + "/check-ins/member-code", Map.of("code", code));
    }

    @Test
    void theOrganiserScansLiuMingsCodeToCheckHimInAndAgainLaterToCheckHimOut() {
        Http liu = as("member");
        long id = published(unique("扫码签到测试"));
        // 刘明 is on the demo duty now: his sign-up here is moved into the duty's time only after signing up
        Response signed = liu.post("/api/v1/activities/" + id + "/sign-ups", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        Response mine = liu.get("/api/v1/member-codes/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.get("memberName").asString()).isEqualTo("刘明");
        assertThat(mine.get("number").asString()).matches("\\d{8}");
        String code = mine.get("code").asString();
        assertThat(code).startsWith("LXM.");

        Response early = scan(id, code);
        assertThat(early.status()).as("days before the start").isEqualTo(409);
        assertThat(early.get("detail").asString()).contains("不在签到时间内");
        goingOnNow(id);
        Response in = scan(id, code);
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.get("memberName").asString()).isEqualTo("刘明");
        assertThat(in.get("state").asString()).isEqualTo("CHECKED_IN");
        assertThat(in.get("checkInMethod").asString()).isEqualTo("MEMBER_CODE");
        assertThat(in.get("checkedInBy").asString()).contains("梅丽华");
        Response again = scan(id, code);
        assertThat(again.status()).as("a second scan within five minutes").isEqualTo(409);
        assertThat(again.get("detail").asString()).contains("已签到");

        jdbc.update("update sign_up set checked_in_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(40))), signed.get("id").asLong());
        Response out = scan(id, liu.get("/api/v1/member-codes/mine").get("number").asString());
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.get("state").asString()).isEqualTo("CHECKED_OUT");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action like 'sign-up.check-%.member-code' and object_id = ?",
                Integer.class, signed.get("id").asString())).isEqualTo(2));
    }

    @Test
    void expiredForgedOtherMembersAndNotSignedUpCodesAreRefused() {
        Http liu = as("member");
        long id = published(unique("坏签到码测试"));
        assertThat(liu.post("/api/v1/activities/" + id + "/sign-ups", Map.of()).status()).isEqualTo(201);
        goingOnNow(id);
        long liuId = jdbc.queryForObject("select member_id from sign_up where activity_id = ?", Long.class, id);

        String expired = codes.current(liuId, Instant.now().minus(Duration.ofMinutes(3))).text();
        Response old = scan(id, expired);
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.get("detail").asString()).contains("已过期");
        String oldNumber = codes.current(liuId, Instant.now().minus(Duration.ofMinutes(4))).number();
        assertThat(scan(id, oldNumber).status()).as("an old number").isEqualTo(409);

        String valid = codes.current(liuId, Instant.now()).text();
        String[] parts = valid.split("\\.");
        long other = jdbc.queryForObject("select min(id) from member where name = '林志强'", Long.class);
        Response foreign = scan(id, "LXM." + other + "." + parts[2] + "." + parts[3]);
        assertThat(foreign.status()).as("his code with another member's id").isEqualTo(400);
        assertThat(scan(id, parts[0] + "." + parts[1] + "." + parts[2] + ".AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(400);
        assertThat(scan(id, "1234").status()).isEqualTo(400);

        Response notSignedUp = scan(id, codes.current(other, Instant.now()).text());
        assertThat(notSignedUp.status()).isEqualTo(409);
        assertThat(notSignedUp.get("detail").asString()).contains("林志强").contains("没有报名");
        Response unknownNumber = scan(id, codes.current(other, Instant.now()).number());
        assertThat(unknownNumber.status()).isEqualTo(409);
        assertThat(unknownNumber.get("detail").asString()).contains("不属于本活动");

        assertThat(as("member").post("/api/v1/activities/" + id + "/check-ins/member-code", Map.of("code", valid)).status())
                .as("only the organiser").isEqualTo(403);
        assertThat(as("grid3").get("/api/v1/member-codes/mine").status()).as("no member code without joining").isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and checked_in_at is not null",
                Integer.class, id)).isZero();
    }
}
