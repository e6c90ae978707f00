package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.shared.IdNumber;

import com.microsoft.playwright.Locator;

/** 党员管理 and 报到 in the browser: the member list, and the registration story from the phone to the console and back. */
class MemberBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Member#2026x";

    @Test
    void theSecretarySeesMembersMaskedAndRevealsAPhoneNumber() {
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-members").click();
        Locator table = page.getByTestId("member-table");
        assertThat(table).containsText("刘明");
        assertThat(table).containsText("137****1001");
        assertThat(table).containsText("网络通信");
        page.getByTestId("member-reveal-phone").first().click();
        assertThat(table).containsText("1370000");
        screenshot("admin-members");
    }

    @Test
    void registrationStory_appliedOnThePhoneApprovedInTheConsoleShownApprovedWithThePlacement() {
        String username = unique("e2e");
        String name = "周晓雯";
        Http sysadmin = as("sysadmin");
        long account = sysadmin.post("/api/v1/accounts", Http.JSON.createObjectNode().put("username", username)
                .put("displayName", name).put("password", PASSWORD)).get("id").asLong();
        sysadmin.post("/api/v1/accounts/" + account + "/role-assignments", Http.JSON.createObjectNode()
                .put("role", "MEMBER").put("areaId", areaId("北江社区")));
        String first17 = "44060719900101" + String.format("%03d", System.nanoTime() % 1000);
        var form = Http.JSON.createObjectNode().put("name", name).put("idNumber", first17 + IdNumber.checkCharacter(first17))
                .put("communityId", areaId("北江社区")).put("employment", "IN_SERVICE").put("username", username);
        form.putArray("skills").add("EDUCATION");
        as("beijiang").post("/api/v1/members", form);

        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill(username);
        field("m-login-password").fill(PASSWORD);
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tile-registration").click();
        page.getByTestId("m-registration-time").getByText("周末").click();
        page.getByTestId("m-registration-skills").getByText("心理疏导").click();
        screenshot("mobile-registration-form");
        page.getByTestId("m-registration-submit").click();
        assertThat(page.getByTestId("m-registration-list")).containsText("待审核");

        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-registrations").click();
        Locator row = page.getByTestId("registration-table").locator("tr", new Locator.LocatorOptions().setHasText(name));
        row.getByTestId("registration-approve").click();
        assertThat(page.getByTestId("placement-branch")).containsText("北江社区第一网格党支部");
        page.getByTestId("placement-group").click();
        page.locator(".el-select-dropdown__item:visible", new com.microsoft.playwright.Page.LocatorOptions().setHasText("第一党小组")).first().click();
        screenshot("admin-registrations");
        page.getByTestId("placement-submit").click();
        assertThat(page.getByTestId("placement-dialog")).isHidden();

        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill(username);
        field("m-login-password").fill(PASSWORD);
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tile-registration").click();
        Locator mine = page.getByTestId("m-registration-list");
        assertThat(mine).containsText("已通过");
        assertThat(mine).containsText("北江社区第一网格党支部");
        screenshot("mobile-registration");
    }
}
