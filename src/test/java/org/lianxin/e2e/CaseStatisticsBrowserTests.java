package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * 事件统计 in the console: the community secretary opens the statistics of 北江社区 (its three grids and the demo
 * cases of the last 30 days, with the charts), then drills into a grid.
 */
class CaseStatisticsBrowserTests extends BrowserTest {

    @Test
    void theSecretarySeesHerGridsFiguresAndChartsAndDrillsIntoAGrid() {
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-case-statistics").click();
        var table = page.getByTestId("stats-table");
        assertThat(table).containsText("北江社区第一网格");
        assertThat(table).containsText("北江社区第三网格");
        assertThat(table).containsText("合计");
        assertThat(page.getByTestId("stats-bar").locator("canvas")).hasCount(1);
        page.waitForTimeout(1500);
        screenshot("admin-case-statistics");

        page.locator(".el-table__row", new com.microsoft.playwright.Page.LocatorOptions().setHasText("北江社区第三网格"))
                .first().click();
        assertThat(page.locator(".el-breadcrumb")).containsText("北江社区第三网格");
        assertThat(table).containsText("第3网格微网格1");
        page.waitForTimeout(1000);
        screenshot("admin-case-statistics-grid");
    }
}
