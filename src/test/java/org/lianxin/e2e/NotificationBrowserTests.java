package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.member.Members;

import tools.jackson.databind.node.ObjectNode;

/** The inbox in the browser: a decision taken in the console reaches the member's phone and the unit contact's bell. */
class NotificationBrowserTests extends BrowserTest {

    @Test
    void theMemberFindsHisApprovalUnderTheInboxTabAndItOpensHisRegistration() {
        String username = unique("inbox");
        Http member = Members.memberWithLogin(port, username, "消息" + username.substring(5), areaId("北江社区"));
        ObjectNode form = Http.JSON.createObjectNode().put("communityId", areaId("北江社区")).put("gridId", areaId("北江社区第三网格"));
        form.putArray("availability").add("WEEKENDS");
        long registration = member.post("/api/v1/registrations", form).get("id").asLong();
        long branch = jdbc.queryForObject("select id from org_unit where name = '北江社区第三网格党支部'", Long.class);
        as("beijiang").post("/api/v1/registrations/" + registration + "/approve", Map.of("branchId", branch));

        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill(username);
        field("m-login-password").fill(Members.PASSWORD);
        page.getByTestId("m-login-submit").click();
        assertThat(page.getByTestId("m-tab-inbox").locator(".van-badge")).hasText("1");
        page.getByTestId("m-tab-inbox").click();
        assertThat(page.getByTestId("m-inbox")).containsText("报到已通过");
        assertThat(page.getByTestId("m-inbox")).containsText("您已编入北江社区第三网格党支部");
        screenshot("mobile-inbox");
        page.getByTestId("m-notification").first().click();
        assertThat(page.getByTestId("m-registration-list")).containsText("已通过");
        page.goBack();
        assertThat(page.getByTestId("m-tab-inbox").locator(".van-badge")).hasCount(0);
    }

    @Test
    void thePartnerContactSeesTheUnitRegistrationDecisionUnderTheBell() {
        // 沙头社区 records the unit's registration itself (the unit is paired with 北江社区 only), then declines it
        long unit = jdbc.queryForObject("select id from partner_unit where name = '中国电信佛山三水分公司'", Long.class);
        Http shatou = as("shatou");
        long registration = shatou.post("/api/v1/unit-registrations", Http.JSON.createObjectNode()
                .put("partnerUnitId", unit).put("communityId", areaId("沙头社区"))
                .put("partyOrganization", "电信分公司党支部").put("offer", "宽带义诊")).get("id").asLong();
        shatou.post("/api/v1/unit-registrations/" + registration + "/reject", Map.of("reason", "请先与社区联系确定共建内容"));

        open(1440, 900);
        adminLogin("telecom", Http.DEMO_PASSWORD);
        assertThat(page.getByTestId("notification-badge").locator("sup")).isVisible();
        page.getByTestId("notification-bell").click();
        assertThat(page.getByTestId("notification-list")).containsText("单位报到未通过");
        assertThat(page.getByTestId("notification-list")).containsText("请先与社区联系确定共建内容");
        screenshot("admin-notifications");
        page.getByTestId("notification-read-all").click();
        assertThat(page.getByTestId("notification-badge").locator("sup")).isHidden();
    }
}
