package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Issue 7 in the browser: 周晓东 of 西南街道 sees on the 百日先锋行动 dashboard the tagged wish fulfilled and task completed
 * of 北江社区 beside its activities, and the volunteer report by grid branch and by partner unit; 梅丽华 sees a wish's
 * campaign tag in the console and 刘明 a task's on his phone. Nothing is changed: the demo data stays as it is.
 */
class CampaignTagBrowserTests extends BrowserTest {

    @Test
    void theDashboardCountsTheTaggedWishAndTaskAndTheReportSumsPerGridBranchAndPartnerUnit() {
        adminLogin("xinan", Http.DEMO_PASSWORD);
        page.getByTestId("menu-campaigns").click();
        Locator campaign = page.getByTestId("campaign-table").locator("tr", new Locator.LocatorOptions().setHasText("百日先锋行动"));
        campaign.getByTestId("campaign-dashboard").click();
        Locator board = page.getByTestId("campaign-board-table");
        Locator beijiang = board.locator("tr", new Locator.LocatorOptions().setHasText("北江社区")).first();
        assertThat(beijiang.getByTestId("campaign-row-total")).containsText("心愿 1 个 · 任务 1 项");
        assertThat(beijiang.getByTestId("campaign-cell-work")).hasCount(2);
        assertThat(beijiang.getByTestId("campaign-cell-work").first()).containsText("心愿 1 · 任务 0");
        assertThat(board.locator("tr", new Locator.LocatorOptions().setHasText("沙头社区")).first()).containsText("落后");
        screenshot("campaign-dashboard-tags");
        page.keyboard().press("Escape");
        assertThat(page.getByTestId("campaign-board")).isHidden();

        page.getByTestId("menu-volunteer-reports").click();
        assertThat(page.getByTestId("report-table")).containsText("北江社区");
        page.getByTestId("report-by").getByText("网格党支部").click();
        Locator table = page.getByTestId("report-table");
        assertThat(table).containsText("北江社区第一网格党支部");
        Locator branch = table.locator("tr", new Locator.LocatorOptions().setHasText("北江社区第一网格党支部"));
        assertThat(branch).containsText("4"); // four members checked the stairwells
        assertThat(page.getByTestId("report-chart").locator("canvas")).hasCount(1);
        assertThat(table.locator("th").first()).containsText("网格党支部");
        page.waitForTimeout(800); // let the bars finish their animation before the picture
        screenshot("volunteer-report-branches");
        page.getByTestId("report-by").getByText("共建单位").click();
        assertThat(table).containsText("中国电信佛山三水分公司党委");
        assertThat(table.locator("th").first()).containsText("共建单位");
    }

    @Test
    void theSecretarySeesTheWishTagInTheConsoleAndTheMemberTheTaskTagOnHisPhone() {
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-wishes").click();
        page.getByTestId("wish-tab-wall").click();
        Locator meter = page.getByTestId("wish-table").locator("tr", new Locator.LocatorOptions().setHasText("想要一台电子血压计"));
        assertThat(meter.getByTestId("wish-campaign-tag")).hasText("关爱困难党员群众");
        meter.click();
        Locator picker = page.getByTestId("wish-drawer").getByTestId("wish-campaign-action");
        assertThat(picker).containsText("百日先锋行动 · 关爱困难党员群众");
        screenshot("admin-wish-campaign-tag");
        page.keyboard().press("Escape");
        assertThat(page.getByTestId("wish-drawer")).isHidden();

        page.getByTestId("menu-service-tasks").click();
        Locator tidy = page.getByTestId("task-table").locator("tr", new Locator.LocatorOptions().setHasText("小区环境整治"));
        assertThat(tidy.getByTestId("task-campaign-tag")).hasText("守护家园环境");

        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill("member");
        field("m-login-password").fill(Http.DEMO_PASSWORD);
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tile-service-tasks").click();
        Locator card = page.getByTestId("m-task-card").filter(new Locator.FilterOptions().setHasText("小区环境整治"));
        assertThat(card.getByTestId("m-task-campaign")).hasText("百日先锋行动 · 守护家园环境");
        card.scrollIntoViewIfNeeded();
        screenshot("mobile-task-campaign-tag");
    }
}
