package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.Http.Response;

/**
 * Story S7 in the browser, to its end: 刘明 checks in and out of the dengue clean-up on his phone with the organiser's
 * rotating code, the organiser confirms the attendance, and his 我的积分 page shows the points for that activity.
 */
class VolunteerPointsBrowserTests extends BrowserTest {

    private void moveActivity(long id, Instant start, Instant end) {
        jdbc.update("update activity set starts_at = ?, ends_at = ?, sign_up_closes_at = ? where id = ?",
                Timestamp.from(start), Timestamp.from(end), Timestamp.from(start), id);
        jdbc.update("update sign_up set starts_at = ?, ends_at = ? where activity_id = ?", Timestamp.from(start),
                Timestamp.from(end), id);
    }

    private void scan(String code) {
        page.getByText("扫码签到").click();
        field("m-check-in-code").fill(code);
        page.getByTestId("m-check-in").click();
    }

    @Test
    void s7_liuMingChecksInAndOutOnHisPhoneAndAfterTheConfirmationHisPointsPageShowsTheCleanUp() {
        Http mei = as("beijiang");
        String title = unique("登革热防控清积水");
        Instant start = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("description", "清理积水容器，清除蚊虫孳生地");
        form.put("areaId", areaId("北江社区"));
        form.put("place", "北江河堤");
        form.put("startsAt", start.toString());
        form.put("endsAt", start.plus(Duration.ofHours(2)).toString());
        form.put("capacity", 120);
        form.put("skills", List.of());
        form.put("organiserKind", "COMMUNITY");
        form.put("organiserName", "北江社区党委");
        Response created = mei.post("/api/v1/activities", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(as("member").post("/api/v1/activities/" + id + "/sign-ups", Map.of()).status()).isEqualTo(201);

        // the day comes: 刘明 types the code the organiser's phone shows (the scanner fills the same field)
        moveActivity(id, Instant.now().minus(Duration.ofMinutes(100)), Instant.now().plus(Duration.ofMinutes(30)));
        mobileLogin("member");
        page.getByTestId("m-tile-activities").click();
        scan(mei.get("/api/v1/activities/" + id + "/check-in-code").get("code").asString());
        assertThat(page.getByTestId("m-check-in-result")).containsText("已签到");
        assertThat(page.getByTestId("m-check-in-result")).containsText(title);

        // an hour and a half later he scans again and is checked out
        jdbc.update("update sign_up set checked_in_at = ? where activity_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(90))), id);
        scan(mei.get("/api/v1/activities/" + id + "/check-in-code").get("code").asString());
        assertThat(page.getByTestId("m-check-in-result")).containsText("已签退");

        // it ended; the organiser confirms the attendance and the points follow
        moveActivity(id, Instant.now().minus(Duration.ofMinutes(100)), Instant.now().minus(Duration.ofMinutes(1)));
        Response confirmed = mei.post("/api/v1/activities/" + id + "/attendance/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select count(*) from points_entry e "
                + "join sign_up s on e.source_type = 'ACTIVITY' and e.source_id = cast(s.id as varchar(20)) "
                + "where s.activity_id = ?", Integer.class, id) == 1);
        long balance = jdbc.queryForObject("select coalesce(sum(e.amount), 0) from points_entry e join member m "
                + "on m.id = e.holder_member_id where m.username = 'member'", Long.class);

        page.navigate(url("/m/"));
        page.getByTestId("m-tile-points").click();
        assertThat(page.getByTestId("m-points-balance")).hasText(String.valueOf(balance));
        assertThat(page.getByTestId("m-points")).containsText("参加志愿服务活动「" + title + "」");
        screenshot("mobile-points-after-clean-up");
    }

    @Test
    void theSubdistrictOfficerSeesHoursPerCommunityInTheVolunteerReport() {
        open(1400, 900);
        adminLogin("xinan", Http.DEMO_PASSWORD);
        page.getByTestId("menu-volunteer-reports").click();
        assertThat(page.getByTestId("report-table")).containsText("北江社区");
        assertThat(page.getByTestId("report-chart").locator("canvas")).isVisible();
        screenshot("admin-volunteer-reports");
        page.getByTestId("report-by").getByText("党员").click();
        assertThat(page.getByTestId("report-table")).containsText("党员");
    }
}
