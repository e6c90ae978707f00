package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Story S7 in the browser: the secretary sees the dengue clean-up and the duty going on now in the console, opens
 * the roster and shows the check-in QR code; on his phone 刘明 sees the activities near him and checks in with the
 * code; the organiser's phone shows the rotating QR code.
 */
class ActivityBrowserTests extends BrowserTest {

    @Test
    void s7_theSecretaryShowsTheCheckInCodeAndLiuMingChecksInOnHisPhone() {
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-activities").click();
        Locator table = page.getByTestId("activity-table");
        assertThat(table).containsText("登革热防控大扫除");
        assertThat(table).containsText("/120");
        screenshot("admin-activities");

        table.locator("tr", new Locator.LocatorOptions().setHasText("党群服务站值守")).click();
        Locator roster = page.getByTestId("activity-roster");
        assertThat(roster).containsText("刘明");
        assertThat(roster).containsText("已报名");
        screenshot("admin-activity-roster");
        page.getByTestId("activity-code").click();
        assertThat(page.getByTestId("activity-qr").locator("img")).isVisible();
        String code = page.getByTestId("activity-code-text").textContent().strip();
        assertThat(code).startsWith("LXA.");
        screenshot("admin-activity-qr");

        // 刘明 on his phone: the activities near him, then the code of the duty he is on
        mobileLogin("member");
        page.getByTestId("m-tile-activities").click();
        assertThat(page.getByTestId("m-activities")).containsText("登革热防控大扫除");
        screenshot("mobile-activities");
        page.getByText("扫码签到").click();
        field("m-check-in-code").fill(code);
        page.getByTestId("m-check-in").click();
        assertThat(page.getByTestId("m-check-in-result")).containsText("已签到");
        screenshot("mobile-check-in");

        // the organiser's phone shows the rotating QR code
        mobileLogin("beijiang");
        page.getByTestId("m-tile-activity-code").click();
        page.getByTestId("m-code-activity").filter(new Locator.FilterOptions().setHasText("党群服务站值守")).click();
        assertThat(page.getByTestId("m-qr-image")).isVisible();
        screenshot("mobile-activity-code");
    }

    @Test
    void theVanguardTeamsPageShowsWhatItDid() {
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-service-teams").click();
        Locator row = page.getByTestId("team-table").locator("tr", new Locator.LocatorOptions().setHasText("北江社区党员先锋服务队"));
        assertThat(row).containsText("先锋型");
        row.click();
        assertThat(page.getByTestId("team-activities")).containsText("北江河堤白色垃圾清理");
        assertThat(page.getByTestId("team-drawer")).containsText("队长");
        screenshot("admin-service-team");
    }

    @Test
    void s5_theSubdistrictSeesWhichCommunitiesLagBehindInTheHundredDayPioneerAction() {
        adminLogin("xinan", Http.DEMO_PASSWORD);
        page.getByTestId("menu-campaigns").click();
        Locator row = page.getByTestId("campaign-table").locator("tr", new Locator.LocatorOptions().setHasText("百日先锋行动"));
        row.getByTestId("campaign-dashboard").click();
        Locator board = page.getByTestId("campaign-board-table");
        assertThat(board).containsText("守护家园环境");
        assertThat(board.locator("tr", new Locator.LocatorOptions().setHasText("沙头社区"))).containsText("落后");
        assertThat(board.locator("tr", new Locator.LocatorOptions().setHasText("北江社区"))).not().containsText("落后");
        screenshot("admin-campaign-dashboard");
    }
}
