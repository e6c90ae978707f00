package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Story S6 in the browser: grid worker 吴海 reports a problem from his patrol on his phone; resident 陈美玲 reports a
 * broken gate from hers; 吴海 takes her case through his grid to-do list on the phone; the community verifies and
 * closes it in the console (deadline tags, history timeline); 陈美玲 rates it on her phone.
 */
class CaseBrowserTests extends BrowserTest {

    /** Logs in on the phone and opens 网格事件. */
    private void openCasesOnPhone(String username) {
        mobileLogin(username);
        page.getByTestId("m-tile-cases").click();
    }

    private void tab(String text) {
        page.locator(".van-tab", new com.microsoft.playwright.Page.LocatorOptions().setHasText(text)).first().click();
    }

    /** A picture standing in for the phone photo of the problem. */
    private static byte[] photo() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xD8, 0xE4, 0xD0));
        g.fillRect(0, 0, 480, 360);
        g.setColor(new java.awt.Color(0x7A, 0x6A, 0x5A));
        for (int i = 0; i < 12; i++) {
            g.fillRoundRect(120 + (i * 37) % 220, 170 + (i * 23) % 110, 60, 40, 8, 8);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void fillReport(String category, String text, String lon, String lat) {
        tab("我要上报");
        page.getByTestId("m-case-category-" + category).click();
        field("m-case-description").fill(text);
        field("m-case-lon").fill(lon);
        field("m-case-lat").fill(lat);
    }

    private Locator card(String testId, String text) {
        return page.getByTestId(testId).filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void s6_aPatrolReportAndAResidentsReportAreHandledInTheGridClosedByTheCommunityAndRated() throws Exception {
        // 吴海 on patrol: rubbish dumped by the river, with a photo, at the point his phone gives
        openCasesOnPhone("grid3");
        page.getByTestId("m-patrol-start").click();
        assertThat(page.getByTestId("m-patrol")).containsText("正在巡查北江社区第三网格");
        String rubbish = "颐澳湾小区西侧河涌边有人倾倒装修垃圾";
        fillReport("ENVIRONMENT", rubbish, "112.8962", "23.1561");
        Path file = Files.createTempFile("case", ".png");
        Files.write(file, photo());
        page.getByTestId("m-case-form").locator("input[type=file]").setInputFiles(file);
        page.waitForTimeout(500);
        screenshot("mobile-case-report");
        page.getByTestId("m-case-send").click();
        assertThat(card("m-case-mine", rubbish)).containsText("第3网格微网格1");
        tab("网格待办");
        assertThat(page.getByTestId("m-patrol")).containsText("发现 1 件事件");
        page.waitForTimeout(2500);
        screenshot("mobile-patrol");
        page.getByTestId("m-patrol-end").click();
        assertThat(page.getByTestId("m-patrol-start")).isVisible();

        // 陈美玲 reports the broken gate of her compound
        openCasesOnPhone("resident");
        String gate = "颐澳湾小区南门门禁损坏，老人进出不便";
        fillReport("FACILITY", gate, "112.8968", "23.1548");
        page.getByTestId("m-case-send").click();
        assertThat(card("m-case-mine", gate)).containsText("已上报");

        // 吴海 takes it through his grid to-do list on the phone
        openCasesOnPhone("grid3");
        Locator todo = card("m-case-todo", gate);
        todo.getByTestId("m-case-accept").click();
        assertThat(card("m-case-todo", gate)).containsText("已受理");
        card("m-case-todo", gate).getByTestId("m-case-register").click();
        assertThat(card("m-case-todo", gate)).containsText("已立案");
        card("m-case-todo", gate).getByTestId("m-case-dispatch").click();
        assertThat(card("m-case-todo", gate)).containsText("已派遣");
        card("m-case-todo", gate).getByTestId("m-case-start").click();
        assertThat(card("m-case-todo", gate)).containsText("处置中");
        card("m-case-todo", gate).scrollIntoViewIfNeeded();
        page.waitForTimeout(2500);
        screenshot("mobile-case-todo");
        card("m-case-todo", gate).getByTestId("m-case-handle").click();
        field("m-case-step-text").fill("已联系物业更换门禁读卡器，现可正常刷卡");
        page.getByTestId("m-case-step-send").click();
        assertThat(card("m-case-todo", gate)).containsText("已处置");

        // the community verifies and closes it in the console
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-cases").click();
        Locator table = page.getByTestId("case-table");
        assertThat(table).containsText("超时");
        screenshot("admin-cases");
        table.locator("tr", new Locator.LocatorOptions().setHasText(gate.substring(0, 12))).first().click();
        Locator drawer = page.getByTestId("case-drawer");
        assertThat(drawer).containsText("陈美玲");
        page.getByTestId("case-action-verify").click();
        assertThat(drawer).containsText("已核查");
        page.getByTestId("case-action-close").click();
        assertThat(drawer).containsText("已结案");
        assertThat(page.getByTestId("case-history")).containsText("已联系物业更换门禁读卡器");
        page.waitForTimeout(3000);
        screenshot("admin-case-drawer");
        page.keyboard().press("Escape");
        page.getByTestId("case-weekly").click();
        assertThat(page.getByTestId("case-weekly-summary")).containsText("本周上报");
        page.waitForTimeout(500);
        screenshot("admin-case-weekly");
        page.keyboard().press("Escape");
        page.getByTestId("case-map-open").click();
        assertThat(page.getByTestId("case-map-count")).containsText("件超时事件");
        page.waitForTimeout(1000);
        screenshot("admin-case-map");

        // 陈美玲 rates it on her phone
        openCasesOnPhone("resident");
        tab("我的上报");
        Locator mine = card("m-case-mine", gate);
        assertThat(mine).containsText("已结案");
        mine.getByTestId("m-case-rate").click();
        field("m-case-step-text").fill("第二天就修好了，谢谢网格员");
        page.getByTestId("m-case-step-send").click();
        assertThat(card("m-case-mine", gate)).containsText("已评价");
        card("m-case-mine", gate).scrollIntoViewIfNeeded();
        page.waitForTimeout(2500); // the toast fades
        screenshot("mobile-case-rated");
    }
}
