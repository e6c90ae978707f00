package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.Http.Response;

/**
 * Issue 7 in the browser: the secretary edits and then cancels an activity in the console; 刘明 leaves a service team
 * on his phone; his phone shows 我的签到码 and the organiser, without a camera in headless Chromium, types its number
 * and sees him checked in. Each test makes its own activity or team.
 */
class ActivityOpsBrowserTests extends BrowserTest {

    private long published(String title, Instant start, int capacity) {
        Map<String, Object> form = new HashMap<>(Map.of("title", title, "description", "清理楼道堆放的杂物，消除消防隐患",
                "areaId", areaId("北江社区"), "place", "时代城小区 5 座", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(2)).toString(), "capacity", capacity, "organiserKind", "COMMUNITY",
                "organiserName", "北江社区党委"));
        Response created = as("beijiang").post("/api/v1/activities", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private long memberId(String name) {
        return jdbc.queryForObject("select min(id) from member where name = ?", Long.class, name);
    }

    @Test
    void theSecretaryEditsAnActivityAndThenCancelsItWithAReason() {
        String title = unique("楼道杂物清理");
        // nine days ahead at 9 in the morning, Beijing time, as a real clean-up would be (the guide shows it)
        java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
        Instant morning = java.time.LocalDate.now(beijing).plusDays(9).atTime(9, 0).atZone(beijing).toInstant();
        long id = published(title, morning, 2);
        assertThat(as("member").post("/api/v1/activities/" + id + "/sign-ups", Map.of()).status()).isEqualTo(201);

        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-activities").click();
        Locator search = page.getByPlaceholder("按活动名称搜索");
        search.fill(title);
        search.press("Enter");
        page.getByTestId("activity-table").locator("tr", new Locator.LocatorOptions().setHasText(title)).click();
        page.getByTestId("activity-edit").click();
        field("activity-edit-place").fill("时代城小区 5 座架空层");
        field("activity-edit-capacity").fill("10");
        field("activity-edit-description").fill("清理楼道堆放的杂物，消除消防隐患；请自带手套。");
        screenshot("activity-edit");
        page.getByTestId("activity-edit-save").click();
        Locator drawer = page.getByTestId("activity-drawer");
        assertThat(drawer).containsText("时代城小区 5 座架空层");
        assertThat(drawer).containsText("已报 1/10");

        page.getByTestId("activity-cancel").click();
        assertThat(page.getByTestId("activity-cancel-confirm")).isDisabled();
        field("activity-cancel-reason").fill("暴雨橙色预警，为安全起见取消活动，改期另行通知");
        page.getByTestId("activity-cancel-confirm").click();
        assertThat(page.getByTestId("activity-cancelled-banner")).containsText("暴雨橙色预警");
        assertThat(page.getByTestId("activity-roster")).containsText("组织方取消");
        assertThat(page.getByTestId("activity-edit")).hasCount(0);
        // the guide's picture shows the banner, not the two toasts on top of it (they fade after three seconds)
        assertThat(page.locator(".el-message")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
        screenshot("activity-cancelled");

        // 刘明 sees it cancelled with the reason on his phone
        mobileLogin("member");
        page.getByTestId("m-tile-activities").click();
        page.getByText("我的报名").click();
        assertThat(page.getByTestId("m-sign-up-card").filter(new Locator.FilterOptions().setHasText(title)))
                .containsText("暴雨橙色预警");
    }

    @Test
    void liuMingLeavesAServiceTeamOnHisPhone() {
        Http mei = as("beijiang");
        String name = unique("楼道微更新服务队");
        Response team = mei.post("/api/v1/service-teams", Map.of("name", name, "kind", "INTEREST",
                "areaId", areaId("北江社区"), "leaderMemberId", memberId("林志强")));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        long id = team.get("id").asLong();
        assertThat(mei.post("/api/v1/service-teams/" + id + "/members", Map.of("memberId", memberId("刘明"))).status())
                .isEqualTo(200);

        mobileLogin("member");
        page.getByTestId("m-tile-activities").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("服务队")).click();
        Locator card = page.getByTestId("m-team-card").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(card).containsText("我在队中");
        card.getByTestId("m-team-leave").click();
        assertThat(page.locator(".van-dialog")).containsText("服务记录会保留");
        screenshot("mobile-team-leave");
        page.locator(".van-dialog__confirm").click();
        assertThat(card).hasCount(0);
        Response after = mei.get("/api/v1/service-teams/" + id);
        assertThat(after.get("pastMembers").get(0).get("name").asString()).isEqualTo("刘明");

        // as the leader of another team, he removes a member with a reason
        String led = unique("义诊服务队");
        Response second = mei.post("/api/v1/service-teams", Map.of("name", led, "kind", "PROFESSION",
                "areaId", areaId("北江社区"), "leaderMemberId", memberId("刘明")));
        long ledId = second.get("id").asLong();
        assertThat(mei.post("/api/v1/service-teams/" + ledId + "/members", Map.of("memberId", memberId("林志强"))).status())
                .isEqualTo(200);
        page.reload();
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("服务队")).click();
        Locator ledCard = page.getByTestId("m-team-card").filter(new Locator.FilterOptions().setHasText(led));
        assertThat(ledCard).containsText("我是队长");
        ledCard.getByTestId("m-team-remove").click();
        page.locator(".van-action-sheet__item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("林志强")).click();
        field("m-team-remove-reason").fill("已搬离本社区");
        page.locator(".van-dialog__confirm").click();
        assertThat(ledCard).containsText("队员 1");
        assertThat(mei.get("/api/v1/service-teams/" + ledId).get("pastMembers").get(0).get("leftReason").asString())
                .isEqualTo("已搬离本社区");
    }

    @Test
    void theOrganiserTypesLiuMingsNumberWithoutACameraAndSeesHimCheckedIn() {
        String title = unique("党群服务站夜间值守");
        long id = published(title, Instant.now().plus(Duration.ofDays(40)), 5);
        assertThat(as("member").post("/api/v1/activities/" + id + "/sign-ups", Map.of()).status()).isEqualTo(201);
        // the evening comes (刘明 is on the demo duty now too: his sign-up went in before the time moved)
        Instant start = Instant.now().plus(Duration.ofMinutes(10));
        jdbc.update("update activity set starts_at = ?, ends_at = ?, sign_up_closes_at = ?, sign_up_opens_at = ? where id = ?",
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plus(Duration.ofHours(2))),
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.minus(Duration.ofDays(1))), id);
        jdbc.update("update sign_up set starts_at = ?, ends_at = ? where activity_id = ?", java.sql.Timestamp.from(start),
                java.sql.Timestamp.from(start.plus(Duration.ofHours(2))), id);

        mobileLogin("member");
        page.getByTestId("m-tile-member-code").click();
        assertThat(page.getByTestId("m-member-qr")).isVisible();
        assertThat(page.getByTestId("m-member-number")).containsText(" ");
        assertThat(page.getByTestId("m-member-code")).containsText("刘明");
        screenshot("mobile-member-code");

        mobileLogin("beijiang");
        page.getByTestId("m-tile-activity-code").click();
        page.getByTestId("m-code-activity").filter(new Locator.FilterOptions().setHasText(title)).click();
        page.getByTestId("m-scan-open").click();
        assertThat(page.getByTestId("m-scan-camera-message")).containsText("数字码");
        String number = as("member").get("/api/v1/member-codes/mine").get("number").asString();
        field("m-scan-number").fill(number);
        page.getByTestId("m-scan-submit").click();
        assertThat(page.getByTestId("m-scan-result")).containsText("刘明");
        assertThat(page.getByTestId("m-scan-result")).containsText("已签到");
        assertThat(page.getByTestId("m-scan-roster")).containsText("扫队员码");
        screenshot("mobile-scan-member");
    }
}
