package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * 三单统计 in the console: 周晓东 of 西南街道 sees the subdistrict's totals as cards and a bar per community, drills down
 * into 北江社区 and back up, and exports the figures to Excel.
 */
class MatchingStatisticsBrowserTests extends BrowserTest {

    @Test
    void subdistrictOfficerSeesBothCommunitiesDrillsIntoBeijiangAndExports() {
        adminLogin("xinan", Http.DEMO_PASSWORD);
        page.getByTestId("menu-matching-statistics").click();
        assertThat(page.getByTestId("matching-stats-page")).containsText("西南街道");
        assertThat(page.getByTestId("stats-card-rate")).containsText("接单率");
        assertThat(page.getByTestId("stats-card-needs")).containsText("需求");
        Locator table = page.getByTestId("stats-table");
        assertThat(table).containsText("北江社区");
        assertThat(table).containsText("沙头社区");
        assertThat(page.getByTestId("stats-chart").locator("canvas")).hasCount(1);
        page.waitForTimeout(800); // let the bars finish their animation before the picture
        screenshot("admin-matching-statistics");

        Download download = page.waitForDownload(() -> page.getByTestId("stats-export").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).startsWith("三单统计-西南街道").endsWith(".xlsx");

        table.locator("tr", new Locator.LocatorOptions().setHasText("北江社区")).click();
        assertThat(page.getByTestId("matching-stats-page")).containsText("三单统计 · 北江社区");
        assertThat(page.getByTestId("stats-up")).containsText("西南街道");
        page.waitForTimeout(800);
        screenshot("admin-matching-statistics-beijiang");
        page.getByTestId("stats-up").click();
        assertThat(page.getByTestId("matching-stats-page")).containsText("三单统计 · 西南街道");
    }
}
