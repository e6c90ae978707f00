package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.member.Members;
import org.lianxin.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The visit story in the browser: a weekly visit to an elderly resident living alone is overdue; the console
 * shows it in red, the member finds it first (red) on his phone, logs the visit raising a need, and the household
 * is on time again.
 */
class CareBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext spring;

    private void runTheDailyJob() throws Exception {
        jdbc.update("update shedlock set lock_until = current_timestamp where name = 'care-visit-overdue'");
        Object job = spring.getBean("visitSchedule");
        var method = job.getClass().getMethod("notifyOverdue");
        method.setAccessible(true);
        method.invoke(job);
    }

    @Test
    void visitStory_anOverdueWeeklyVisitToAnElderlyResidentLivingAloneIsFlaggedAndTheVisitRaisesANeed() throws Exception {
        String username = unique("visit");
        String name = "邝嘉怡"; // invented; the screenshots go to the user guide, so names and doors look real
        Members.memberWithLogin(port, username, name, areaId("北江社区"));
        long memberId = jdbc.queryForObject("select id from member where username = ?", Long.class, username);

        Http staff = as("beijiang");
        long building = jdbc.queryForObject("select a.id from area a join area c on c.id = a.parent_id "
                + "where a.name = '2座' and c.name = '时代城小区'", Long.class);
        String door = "2座2101";
        long home = staff.post("/api/v1/households", Map.of("buildingId", building, "doorNumber", door)).get("id").asLong();
        String first17 = "44060719" + (40 + ThreadLocalRandom.current().nextInt(10)) + "0315" + String.format("%03d",
                ThreadLocalRandom.current().nextInt(1000));
        staff.post("/api/v1/residents", Map.of("householdId", home, "name", "梁婆婆", "idNumber",
                first17 + IdNumber.checkCharacter(first17), "relation", "HOUSEHOLDER", "tags", List.of("ELDERLY", "LIVING_ALONE")));
        long other = staff.post("/api/v1/households", Map.of("buildingId", building, "doorNumber", "2座2102")).get("id").asLong();
        long assignment = staff.post("/api/v1/contact-assignments", Map.of("memberId", memberId, "householdIds",
                List.of(home, other))).get("assignments").get(0).get("id").asLong();
        // ten days pass without a visit
        jdbc.update("update contact_assignment set started_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(10))), assignment);
        runTheDailyJob();
        // 黄丽娟 is given eight households: more than the advised five to seven
        List<Long> eight = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(staff.post("/api/v1/households", Map.of("buildingId", building, "doorNumber", "2座310" + (i + 1)))
                    .get("id").asLong());
        }
        long huang = jdbc.queryForObject("select min(id) from member where name = '黄丽娟'", Long.class);
        org.assertj.core.api.Assertions.assertThat(staff.post("/api/v1/contact-assignments", Map.of("memberId", huang,
                "householdIds", eight)).get("warning").asString()).contains("超过 7 户，建议 5—7 户");

        // the console: overdue households in red
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-care").click();
        assertThat(page.getByTestId("care-due-table")).containsText(door);
        assertThat(page.getByTestId("care-due-table").locator("tr.care-overdue").first()).containsText("已超期");
        assertThat(page.getByTestId("care-due-table")).containsText("何秀英");
        screenshot("admin-care-overdue");
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("党员联系户")).click();
        assertThat(page.getByTestId("care-member-table")).containsText("林志强");
        assertThat(page.getByTestId("care-member-table")).containsText("超过 7 户，建议 5—7 户");
        screenshot("admin-care-members");

        // the member's phone: the overdue household first, in red; he has been told
        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill(username);
        field("m-login-password").fill(Members.PASSWORD);
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tab-inbox").click();
        assertThat(page.getByTestId("m-inbox")).containsText("联系户走访已超期");
        page.navigate(url("/m/#/care"));
        assertThat(page.getByTestId("m-care-household").first()).containsText(door);
        assertThat(page.getByTestId("m-care-household").first()).containsText("已超期");
        screenshot("mobile-care-households");

        // he taps it and logs the visit, raising a need
        page.getByTestId("m-care-household").first().click();
        assertThat(page.getByTestId("m-visit-target")).containsText(door);
        field("m-visit-seen").fill("梁婆婆说最近膝盖疼，下楼买菜困难，家里米快吃完了。");
        field("m-visit-need").fill("需要志愿者每周帮梁婆婆买一次菜");
        screenshot("mobile-care-visit-form");
        page.getByTestId("m-visit-submit").click();

        // back on the list: on time again, and the visit shows 已转需求
        assertThat(page.getByTestId("m-care")).isVisible();
        assertThat(page.getByTestId("m-care-visit").first()).containsText("已转需求");
        assertThat(page.getByTestId("m-care-households")).not().containsText("已超期");
        assertThat(page.locator(".van-toast")).isHidden();
        screenshot("mobile-care-after-visit");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from audit_entry a join visit v "
                + "on a.object_id = cast(v.id as varchar(64)) where a.action = 'visit.raise-need' and v.household_id = ?",
                Long.class, home)).isEqualTo(1L);
    }
}
