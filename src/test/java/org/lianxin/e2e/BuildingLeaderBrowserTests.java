package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Story S4 in the browser: the community opens a recruitment in the console, 林志强 nominates himself
 * on his phone, 陈美玲 recommends 何秀英, the secretary appoints him and his letter downloads as a PDF;
 * 陈美玲 writes to her building's mailbox anonymously, 林志强 answers on his phone, she reads it.
 */
class BuildingLeaderBrowserTests extends BrowserTest {

    private Locator recruitmentCard(String title) {
        return page.getByTestId("m-recruitment").filter(new Locator.FilterOptions().setHasText(title));
    }

    @Test
    void s4_recruitmentNominationRecommendationAppointmentLetterAndTheMailboxInTheConsoleAndOnThePhone() {
        String title = "时代城小区3座党员楼长招募令";

        // the secretary opens a recruitment for 3座 of 时代城小区
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-building-leaders").click();
        page.getByTestId("recruitment-new").click();
        page.getByTestId("recruitment-compound").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("时代城小区")).first().click();
        page.getByTestId("recruitment-buildings").getByText("3座", new Locator.GetByTextOptions().setExact(true)).click();
        field("recruitment-title").fill(title);
        field("recruitment-body").fill("3座需要一名党员楼长，联系楼栋居民、回复楼长信箱来信。欢迎党员自荐，也欢迎居民推荐。");
        screenshot("admin-recruitment-new");
        page.getByTestId("recruitment-save").click();
        assertThat(page.getByTestId("recruitment-table")).containsText(title);

        // 林志强 nominates himself on his phone
        mobileLogin("louzhang");
        page.getByTestId("m-tile-leaders").click();
        recruitmentCard(title).getByTestId("m-self-nominate").click();
        page.getByTestId("m-nomination-buildings").getByText("3座").click();
        field("m-nomination-statement").fill("我住1座，3座的老邻居也都熟，愿意一并服务。");
        page.getByTestId("m-nomination-submit").click();
        assertThat(page.getByTestId("m-my-nominations")).containsText("待审核");
        page.waitForTimeout(2500); // the toast fades
        screenshot("mobile-leaders");

        // 陈美玲 recommends 何秀英, picked from the members living in the compound
        mobileLogin("resident");
        page.getByTestId("m-tile-leaders").click();
        recruitmentCard(title).getByTestId("m-recommend").click();
        page.getByTestId("m-nomination-buildings").getByText("3座").click();
        page.getByTestId("m-candidates").getByText("何秀英").click();
        field("m-nomination-statement").fill("何阿姨热心肠，3座的老人都信得过她。");
        screenshot("mobile-leader-recommend");
        page.getByTestId("m-nomination-submit").click();
        assertThat(page.getByTestId("m-my-nominations")).containsText("何秀英");

        // the secretary appoints 林志强; his letter downloads as a PDF
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-building-leaders").click();
        page.getByText("提名审核").first().click();
        Locator row = page.getByTestId("nomination-table").locator("tr", new Locator.LocatorOptions().setHasText("林志强"))
                .filter(new Locator.FilterOptions().setHasText("3座"));
        row.getByTestId("nomination-approve").first().click();
        page.getByTestId("approve-confirm").click();
        assertThat(page.getByTestId("approve-dialog")).isHidden();
        page.getByText("楼长名册").first().click();
        Locator leaders = page.getByTestId("leader-table");
        assertThat(leaders).containsText("3座");
        screenshot("building-leaders");
        String href = leaders.locator("tr", new Locator.LocatorOptions().setHasText("3座")).getByTestId("leader-letter")
                .first().getAttribute("href");
        APIResponse letter = page.request().get(url(href));
        org.assertj.core.api.Assertions.assertThat(letter.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(letter.headers().get("content-type")).startsWith("application/pdf");
        org.assertj.core.api.Assertions.assertThat(new String(letter.body(), 0, 5)).isEqualTo("%PDF-");

        // 陈美玲 writes to 1座's mailbox, anonymous toward neighbours
        String text = "电梯按钮失灵，请楼长帮忙向物业反映";
        mobileLogin("resident");
        page.getByTestId("m-tile-mailbox").click();
        field("m-mailbox-text").fill(text);
        page.getByTestId("m-mailbox-anonymous").click();
        page.getByTestId("m-mailbox-send").click();
        assertThat(page.getByTestId("m-mailbox-list")).containsText(text);

        // 林志强 sees "匿名居民" and answers on his phone
        mobileLogin("louzhang");
        page.getByTestId("m-tile-mailbox").click();
        Locator item = page.getByTestId("m-letter-item").filter(new Locator.FilterOptions().setHasText(text));
        assertThat(item).containsText("匿名居民");
        item.locator("textarea").fill("已联系物业，明天上午维修。");
        screenshot("mobile-mailbox-leader");
        item.getByTestId("m-answer-send").click();
        assertThat(item.getByTestId("m-letter-answer")).containsText("已联系物业");

        // she reads the answer
        mobileLogin("resident");
        page.getByTestId("m-tile-mailbox").click();
        Locator mine = page.getByTestId("m-letter-item").filter(new Locator.FilterOptions().setHasText(text));
        assertThat(mine.getByTestId("m-letter-answer")).containsText("已联系物业，明天上午维修。");
        screenshot("mobile-mailbox");

        // the console shows the mailbox with the writer's name and the overdue letter
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-building-leaders").click();
        page.getByText("楼长信箱").first().click();
        assertThat(page.getByTestId("mailbox-table")).containsText("陈美玲");
        assertThat(page.getByTestId("mailbox-overdue").first()).isVisible();
        screenshot("admin-mailbox");
    }
}
