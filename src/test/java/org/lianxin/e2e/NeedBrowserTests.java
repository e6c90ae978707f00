package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Story S2 in the browser: building leader 林志强 reports 陈美玲's broken broadband on his phone; she follows it on
 * hers; in the console he sees the proposed resources with their reasons and dispatches (发单) to 中国电信; 黄涛 takes
 * the order (接单) on his phone and reports it fixed; 陈美玲 confirms and rates it; the console shows it closed.
 */
class NeedBrowserTests extends BrowserTest {

    private Locator card(String testId, String title) {
        return page.getByTestId(testId).filter(new Locator.FilterOptions().setHasText(title));
    }

    @Test
    void s2_buildingLeaderLinReportsChenBroadbandTelecomTakesAndFixesItSheConfirms() {
        String title = "宽带断了，孙子上不了网课";

        // 林志强 reports it for 陈美玲 on his phone
        mobileLogin("louzhang");
        page.getByTestId("m-tile-report-need").click();
        field("m-report-search").fill("陈美玲");
        field("m-report-search").press("Enter");
        page.getByTestId("m-report-resident").first().click();
        field("m-report-title").fill(title);
        field("m-report-description").fill("家里宽带断了两天，孙子读四年级要上网课，想请电信尽快上门检修。");
        page.getByTestId("m-report-category-BROADBAND_UTILITIES").click();
        screenshot("mobile-need-report");
        page.getByTestId("m-report-submit").click();
        assertThat(page.getByTestId("m-report-recent").filter(new Locator.FilterOptions().setHasText(title)).first())
                .containsText("待派单");

        // 陈美玲 follows it on her phone
        mobileLogin("resident");
        assertThat(page.getByTestId("m-tile-my-needs")).isVisible();
        screenshot("mobile-home-resident-needs");
        page.getByTestId("m-tile-my-needs").click();
        assertThat(card("m-need-card", title)).containsText("待派单");

        // in the console he sees the proposals and why, and dispatches to 中国电信
        open(1440, 900);
        adminLogin("louzhang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-needs").click();
        Locator row = page.getByTestId("need-table").locator("tr", new Locator.LocatorOptions().setHasText(title));
        assertThat(row).containsText("陈美玲");
        row.click();
        Locator first = page.getByTestId("need-proposal").first();
        assertThat(first).containsText("中国电信佛山三水分公司");
        assertThat(first).containsText("类别相符");
        screenshot("admin-need-proposals");
        page.getByTestId("need-dispatch-to-0").click();
        screenshot("admin-need-dispatch");
        page.getByTestId("dispatch-send").click();
        assertThat(page.getByTestId("need-drawer")).containsText("待接单");

        // 黄涛 takes the order on his phone: until then he does not know who she is
        mobileLogin("telecom");
        page.getByTestId("m-tile-orders").click();
        Locator order = card("m-order-card", title);
        assertThat(order).containsText("时代城小区");
        assertThat(page.getByTestId("m-orders")).not().containsText("陈美玲");
        order.scrollIntoViewIfNeeded();
        screenshot("mobile-need-order");
        order.getByTestId("m-order-take").click();
        Locator taken = card("m-taken-card", title);
        assertThat(taken).containsText("陈美玲");
        taken.getByTestId("m-order-fulfil").click();
        field("m-order-note").fill("上门更换了损坏的光猫，网速测试正常，孩子已能上网课。");
        taken.getByTestId("m-order-fulfil-send").click();
        assertThat(card("m-taken-card", title)).containsText("待确认");
        screenshot("mobile-need-fulfilled");

        // 陈美玲 confirms and rates it
        mobileLogin("resident");
        page.getByTestId("m-tile-my-needs").click();
        Locator mine = card("m-need-card", title);
        assertThat(mine).containsText("中国电信佛山三水分公司");
        mine.getByTestId("m-need-confirm").scrollIntoViewIfNeeded();
        screenshot("mobile-need-confirm");
        mine.getByTestId("m-need-confirm").click();
        assertThat(card("m-need-card", title)).containsText("已办结");

        // the console shows it closed, with every step
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-needs").click();
        page.getByTestId("need-tab-CLOSED").click();
        page.getByTestId("need-table").locator("tr", new Locator.LocatorOptions().setHasText(title)).click();
        assertThat(page.getByTestId("need-history")).containsText("确认办结");
        assertThat(page.getByTestId("need-history")).containsText("接单");
        page.waitForTimeout(500);
        screenshot("admin-need-closed");

        // the resources list: the community sees the units' offers with the contacts' phones masked
        page.keyboard().press("Escape");
        page.getByTestId("menu-offers").click();
        Locator offers = page.getByTestId("offer-table");
        assertThat(offers).containsText("宽带故障上门检修");
        assertThat(offers).containsText("138****8001");
        assertThat(offers).not().containsText("13800138001");
        screenshot("admin-offers");
    }
}
