package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/** 工作日历 in the console: the loaded year on the month view, a deadline trial, loading a new year line by line. */
class WorkingCalendarBrowserTests extends BrowserTest {

    @Test
    void theAdministratorSeesNationalDayOffLoadsTheNextYearAndTriesALimit() {
        open(1440, 900);
        adminLogin("sysadmin", Http.DEMO_PASSWORD);
        page.getByTestId("menu-working-calendar").click();
        assertThat(page.getByTestId("calendar-status")).containsText("2026 年已导入");
        assertThat(page.getByTestId("calendar-days")).containsText("国庆节调休上班");
        page.getByText("上个月").click();
        assertThat(page.getByTestId("calendar-month")).containsText("国庆节");
        page.getByTestId("calendar-trial-submit").click();
        assertThat(page.getByTestId("calendar-trial-result")).containsText("截止时间");
        screenshot("admin-working-calendar");

        field("calendar-year").fill("2030");
        field("calendar-year").press("Enter");
        assertThat(page.getByTestId("calendar-status")).containsText("2030 年的节假日安排尚未导入");
        page.getByTestId("calendar-edit").click();
        field("calendar-source").fill("测试通知");
        field("calendar-lines").fill("2030-10-01 放假 国庆节\n2030-10-05 放假 国庆节\n十月八日 上班 调休");
        page.getByTestId("calendar-save").click();
        assertThat(page.getByTestId("calendar-dialog")).containsText("第 3 行无法识别");
        field("calendar-lines").fill("2030-10-01 放假 国庆节\n2030-10-05 放假 国庆节");
        page.getByTestId("calendar-save").click();
        assertThat(page.getByTestId("calendar-dialog")).containsText("第 2 行：2030-10-05 是周末");
        screenshot("admin-working-calendar-errors");
        field("calendar-lines").fill("2030-10-01 放假 国庆节\n2030-10-12 上班 国庆节调休上班");
        page.getByTestId("calendar-save").click();
        assertThat(page.getByTestId("calendar-status")).containsText("2030 年已导入：放假 1 个工作日，调休上班 1 天");
    }
}
