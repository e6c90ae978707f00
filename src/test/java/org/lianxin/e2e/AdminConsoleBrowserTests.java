package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

class AdminConsoleBrowserTests extends BrowserTest {

    private Locator treeNode(String name) {
        return page.getByTestId("area-tree").getByText(name, new Locator.GetByTextOptions().setExact(true));
    }

    @Test
    void theSecretaryAddsAGridWithAPolygonAndSeesItOnTheMap() {
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        assertThat(page.getByTestId("user-name")).containsText("梅丽华");
        page.getByTestId("menu-areas").click();
        treeNode("北江社区").click();
        assertThat(page.getByTestId("area-detail-name")).hasText("北江社区");
        page.getByTestId("area-map").locator("canvas").first().waitFor();
        screenshot("admin-areas");

        String name = unique("北江社区第四网格");
        page.getByTestId("area-add-child").click();
        field("area-form-name").fill(name);
        field("area-form-boundary")
                .fill(square(112.8805, 23.1505, 0.003));
        page.getByTestId("area-form-submit").click();

        assertThat(treeNode(name)).isVisible();
        Integer saved = jdbc.queryForObject("select count(*) from area where name = ? and boundary like '%Polygon%'",
                Integer.class, name);
        assertThat(saved).isEqualTo(1);
        treeNode("北江社区").click();
        page.getByTestId("area-map").locator("canvas").first().waitFor();
        screenshot("admin-area-added");
        treeNode("北江社区第三网格").click();
        assertThat(page.getByTestId("grid-roles")).containsText("网格员及社区工作者");
        screenshot("admin-grid-roles");
    }

    @Test
    void aLockedAccountIsToldSoWithoutSayingWhetherItExists() {
        String username = unique("nobody");
        for (int i = 1; i <= 4; i++) {
            adminLogin(username, "Wrong!Pass" + i);
            assertThat(page.getByTestId("login-error")).containsText("用户名或密码错误");
        }
        adminLogin(username, "Wrong!Pass5");

        assertThat(page.getByTestId("login-error")).containsText("锁定");
        screenshot("admin-login-locked");
    }

    @Test
    void eachAdministratorSeesOnlyHisMenus() {
        adminLogin("sysadmin", Http.DEMO_PASSWORD);
        assertThat(page.getByTestId("menu-accounts")).isVisible();
        assertThat(page.getByTestId("menu-audit")).hasCount(0);
        page.getByTestId("menu-accounts").click();
        assertThat(page.getByTestId("account-table")).containsText("beijiang");
        screenshot("admin-accounts");

        context.clearCookies();
        adminLogin("auditor", Http.DEMO_PASSWORD);
        assertThat(page.getByTestId("menu-audit")).isVisible();
        assertThat(page.getByTestId("menu-accounts")).hasCount(0);
        page.getByTestId("menu-audit").click();
        page.getByTestId("audit-verify").click();
        assertThat(page.getByTestId("audit-verification")).containsText("完整");
        screenshot("admin-audit");
    }

    @Test
    void theSubdistrictOfficerSeesTheOrganisationTreeAndPartnerUnits() {
        adminLogin("xinan", Http.DEMO_PASSWORD);
        page.getByTestId("menu-org-units").click();
        assertThat(page.getByTestId("org-tree")).containsText("中共西南街道工作委员会");
        page.getByTestId("org-tree").getByText("中共西南街道工作委员会", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByTestId("org-detail-name")).hasText("中共西南街道工作委员会");
        screenshot("admin-org-units");

        page.getByTestId("menu-partner-units").click();
        assertThat(page.getByTestId("partner-table")).containsText("中国电信佛山三水分公司");
        screenshot("admin-partner-units");
    }

    @Test
    void anAdministratorTurnsOnTwoStepVerificationAndLogsInWithACode() {
        String username = unique("sec");
        Http sysadmin = as("sysadmin");
        long id = sysadmin.post("/api/v1/accounts", Http.JSON.createObjectNode().put("username", username)
                .put("displayName", "新安全管理员").put("password", "Secure#2026x")).get("id").asLong();
        sysadmin.post("/api/v1/accounts/" + id + "/role-assignments", Http.JSON.createObjectNode()
                .put("role", "SECURITY_ADMIN").put("areaId", areaId("三水区")));

        adminLogin(username, "Secure#2026x");
        assertThat(page.getByTestId("two-step-recommended")).isVisible();
        page.getByTestId("two-step").click();
        page.getByTestId("two-step-get-secret").click();
        String secret = page.getByTestId("two-step-secret").innerText();
        field("two-step-code").fill(org.lianxin.access.TotpCodes.code(secret, 0));
        screenshot("admin-two-step");
        page.getByTestId("two-step-submit").click();
        assertThat(page.getByTestId("two-step-recommended")).hasCount(0);

        context.clearCookies();
        adminLogin(username, "Secure#2026x");
        field("login-totp-code").fill(org.lianxin.access.TotpCodes.code(secret, 1));
        screenshot("admin-login-code");
        page.getByTestId("login-totp-submit").click();
        assertThat(page.getByTestId("user-name")).containsText("新安全管理员");
    }

    @Test
    void aPartnerUnitContactSeesHisUnitsPairings() {
        adminLogin("telecom", Http.DEMO_PASSWORD);
        page.getByTestId("menu-my-partner-units").click();
        assertThat(page.getByTestId("my-partner-units")).containsText("北江社区");
        screenshot("admin-my-partner-units");
    }
}
