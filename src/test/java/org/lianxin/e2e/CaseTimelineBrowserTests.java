package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.Http.Response;

/**
 * 跟踪进度 on a phone (390 × 844): resident 陈美玲 taps one of her closed reports in 我的上报 and follows every step of
 * it, newest on top, down to her report, with the community's return visit (社区已回访: the way and the outcome only,
 * never what the staff wrote down). On a case of her own she rates the result from the detail and sees the rating
 * arrive on top of the steps; the grid worker opens the same case from 网格待办 with its deadline and takes a step
 * there. On a 320 px phone nothing sticks out sideways.
 */
class CaseTimelineBrowserTests extends BrowserTest {

    /** A point in 北江社区第三网格 (吴海's grid). */
    private static final double LON = 112.8965;
    private static final double LAT = 23.1552;
    /** A 1×1 PNG standing in for the photo of the dark stairwell. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private void mobileLogin(String username, int width) {
        open(width, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill(username);
        field("m-login-password").fill(Http.DEMO_PASSWORD);
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tile-cases").click();
    }

    private void tab(String text) {
        page.locator(".van-tab", new Page.LocatorOptions().setHasText(text)).first().click();
    }

    private Locator card(String testId, String text) {
        return page.getByTestId(testId).filter(new Locator.FilterOptions().setHasText(text));
    }

    private Locator detail() {
        return page.getByTestId("m-case-detail");
    }

    /** The action labels of the steps, as they stand from top to bottom. */
    private List<String> stepLabels() {
        return detail().getByTestId("m-case-step").locator("strong").allInnerTexts();
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void theReporterFollowsEveryStepOfHerClosedCaseNewestOnTopWithTheReturnVisitButNotTheStaffsNote() {
        mobileLogin("resident", 390);
        tab("我的上报");
        String garage = "时代城小区4座地下车库积水";
        card("m-case-mine", garage).getByText(garage).click();

        Locator detail = detail();
        assertThat(detail).isVisible();
        assertThat(detail).containsText(garage);
        assertThat(detail.getByTestId("m-case-detail-state")).hasText("已结案");
        assertThat(detail.getByTestId("m-case-timeline")).isVisible();
        assertThat(detail.getByTestId("m-case-step").first()).containsText("社区已回访");
        assertThat(stepLabels()).containsExactly("社区已回访", "结案", "核查", "处置反馈", "开始处置", "派遣", "立案", "受理", "上报");

        Locator visit = detail.getByTestId("m-case-step").first();
        assertThat(visit).containsText("电话回访，满意");
        assertThat(visit).containsText("孙悦（北江社区工作者）");
        Locator handled = detail.getByTestId("m-case-step").filter(new Locator.FilterOptions().setHasText("处置反馈"));
        assertThat(handled).containsText("已联系物业维修完毕");
        assertThat(detail.getByTestId("m-case-step").last()).containsText("陈美玲（居民）");
        // what the staff wrote down on the visit stays in the console's 事件回访
        assertThat(detail).not().containsText("排水泵");
        // a resident sees no deadline tag: that is for the people who handle it
        assertThat(detail.getByTestId("m-case-detail-deadline")).hasCount(0);
        // she may still rate it (she has not yet), from here as well as from the list
        assertThat(detail.getByTestId("m-case-detail-rate")).isVisible();
        // closed nine days ago: the seven days for 申请重办 are over, so it is no longer offered
        assertThat(detail.getByTestId("m-case-detail-reopen")).hasCount(0);
        page.waitForTimeout(2000); // the popup's slide-in and the toast settle
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mobile-case-timeline.png")));

        // closing it leaves her on 我的上报
        page.locator(".van-popup__close-icon").click();
        assertThat(detail).isHidden();
        assertThat(card("m-case-mine", garage)).isVisible();
    }

    @Test
    void aNoticeAboutOneCaseOpensItsProgressDirectly() {
        String garage = "时代城小区4座地下车库积水";
        long id = jdbc.queryForObject("select id from grid_case where description like ?", Long.class, garage + "%");
        mobileLogin("resident");
        assertThat(page.getByTestId("m-tile-cases")).isVisible();
        // what a notice's link (/m/cases?case=<id>) opens from the inbox
        page.navigate(url("/m/#/cases?case=" + id));
        assertThat(detail()).isVisible();
        assertThat(detail()).containsText(garage);
        assertThat(detail().getByTestId("m-case-step").first()).containsText("社区已回访");
    }

    @Test
    void theGridWorkerStepsFromTheDetailAndTheReporterRatesFromItSeeingEachStepArriveOnTop() {
        String text = "楼道声控灯不亮，晚上回家要摸黑上楼，整栋楼的老人孩子都很不方便，希望尽快修好 " + System.nanoTime();
        Http chen = as("resident");
        Response reported = chen.post("/api/v1/cases", Map.of("category", "FACILITY", "description", text,
                "longitude", LON, "latitude", LAT, "coordSystem", "WGS84", "photos", List.of("data:image/png;base64," + PNG)));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        long id = reported.get("id").asLong();

        // 吴海 opens it from 网格待办: deadline and its tag, and accepts it there
        mobileLogin("grid3", 390);
        Locator todo = card("m-case-todo", text);
        todo.getByText("跟踪进度").click();
        assertThat(detail()).containsText(text);
        assertThat(detail().getByTestId("m-case-detail-deadline")).containsText(java.util.regex.Pattern.compile("正常|临期|超时"));
        assertThat(stepLabels()).containsExactly("上报");
        screenshot("mobile-case-timeline-todo");
        detail().getByTestId("m-case-detail-accept").click();
        assertThat(detail().getByTestId("m-case-detail-state")).hasText("已受理");
        assertThat(stepLabels()).containsExactly("受理", "上报");
        assertThat(detail().getByTestId("m-case-detail-register")).isVisible();
        // the list behind it has moved on too
        page.locator(".van-popup__close-icon").click();
        assertThat(card("m-case-todo", text)).containsText("已受理");

        Http wu = as("grid3");
        Http sun = as("bjstaff");
        ok(wu.post("/api/v1/cases/" + id + "/register", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/dispatch", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/start", Map.of()));
        ok(wu.post("/api/v1/cases/" + id + "/handle", Map.of("comment",
                "已联系物业电工更换整栋楼1至18层的声控灯感应器和灯泡，并逐层测试，夜间拍手即亮，已请楼长转告各户")));
        ok(sun.post("/api/v1/cases/" + id + "/verify", Map.of()));
        ok(sun.post("/api/v1/cases/" + id + "/close", Map.of()));

        // 陈美玲 on a small phone: reads the long note, may ask for rework within the time, rates it
        mobileLogin("resident", 320);
        tab("我的上报");
        card("m-case-mine", text).getByText("跟踪进度").click();
        Locator detail = detail();
        assertThat(detail.getByTestId("m-case-detail-state")).hasText("已结案");
        assertThat(detail.getByTestId("m-case-step").filter(new Locator.FilterOptions().setHasText("处置反馈")))
                .containsText("逐层测试");
        assertThat(detail.getByTestId("m-case-detail-actions")).containsText("前申请重办");
        assertThat(detail.getByTestId("m-case-detail-reopen")).isVisible();
        // her photo, as a thumbnail that loaded
        Locator photo = detail.getByTestId("m-case-detail-photo").locator("img");
        assertThat(photo).hasCount(1);
        page.waitForFunction("() => { const i = document.querySelector('[data-testid=m-case-detail-photo] img');"
                + " return i && i.complete && i.naturalWidth > 0 }");
        Object overflow = page.evaluate("() => [document.documentElement.scrollWidth - document.documentElement.clientWidth,"
                + " ...[...document.querySelectorAll('[data-testid=m-case-detail] *')]"
                + ".map((e) => e.getBoundingClientRect().right - window.innerWidth)].reduce((a, b) => Math.max(a, b), 0)");
        assertThat(((Number) overflow).doubleValue()).as("how far anything sticks out on the right, px").isLessThanOrEqualTo(0.5);

        screenshot("mobile-case-timeline-320");
        detail.getByTestId("m-case-detail-rate").click();
        detail.getByTestId("m-case-detail-stars").locator(".van-rate__item").nth(3).click();
        field("m-case-detail-step-text").fill("晚上回家终于不用摸黑了");
        detail.getByTestId("m-case-detail-step-send").click();
        assertThat(detail.getByTestId("m-case-detail-state")).hasText("已评价");
        assertThat(detail.getByTestId("m-case-step").first()).containsText("评价");
        assertThat(detail.getByTestId("m-case-step").first()).containsText("4★ 晚上回家终于不用摸黑了");
        assertThat(detail.getByTestId("m-case-detail-rate")).hasCount(0);
        assertThat(chen.get("/api/v1/cases/" + id).get("rating").asInt()).isEqualTo(4);
        page.locator(".van-popup__close-icon").click();
        assertThat(card("m-case-mine", text)).containsText("已评价");
    }
}
