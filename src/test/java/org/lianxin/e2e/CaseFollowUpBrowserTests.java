package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * After a case is closed, in the console: the community's 待回访 list (summary, the overdue demo visit in red, the
 * reporter's phone masked then shown), recording a visit; and the administrator's 事件类别 editor (add a category
 * with its limits, change one, disable it so that it leaves the report forms).
 */
class CaseFollowUpBrowserTests extends BrowserTest {

    /** 陈美玲's report, handled in the grid, closed by the community and rated one star: always sampled. */
    private long lowRatedCase(String text) {
        Http chen = as("resident");
        Http.Response reported = chen.post("/api/v1/cases", Map.of("category", "FACILITY", "description", text,
                "longitude", 112.8965, "latitude", 23.1552, "coordSystem", "WGS84"));
        long id = reported.get("id").asLong();
        Http wu = as("grid3");
        for (String step : new String[] {"accept", "register", "dispatch", "start"}) {
            wu.post("/api/v1/cases/" + id + "/" + step, Map.of());
        }
        wu.post("/api/v1/cases/" + id + "/handle", Map.of("comment", "已更换灯管"));
        Http sun = as("bjstaff");
        sun.post("/api/v1/cases/" + id + "/verify", Map.of());
        sun.post("/api/v1/cases/" + id + "/close", Map.of());
        Http.Response rated = chen.post("/api/v1/cases/" + id + "/rate", Map.of("rating", 1, "comment", "灯还是不亮"));
        org.assertj.core.api.Assertions.assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void theCommunityCallsBackAReporterWhoRatedLowAndRecordsTheVisit() {
        String text = unique("颐澳湾小区5座楼道声控灯不亮");
        long id = lowRatedCase(text);

        adminLogin("bjstaff", Http.DEMO_PASSWORD);
        page.getByTestId("menu-return-visits").click();
        assertThat(page.getByTestId("return-visit-summary")).containsText("满意率");
        Locator row = page.getByTestId("return-visit-table").locator("tr").filter(new Locator.FilterOptions().setHasText(text));
        // drawn at closing (the configured share) or put in the sample by her one-star rating
        assertThat(row).containsText(java.util.regex.Pattern.compile("评价较低|随机抽取"));
        assertThat(row).containsText("陈美玲");
        assertThat(page.getByTestId("return-visit-phone-" + id)).hasText("137****7001");
        // the demo's overdue visit is in red
        assertThat(page.getByTestId("return-visit-table")).containsText("已超期");
        page.getByTestId("return-visit-reveal-" + id).click();
        assertThat(page.getByTestId("return-visit-phone-" + id)).hasText("13700137001");
        screenshot("case-return-visits");

        page.getByTestId("return-visit-record-" + id).click();
        page.getByTestId("return-visit-satisfaction-BASICALLY_SATISFIED").click();
        field("return-visit-remark").fill("物业已重新更换声控开关，现在正常了，希望以后及时一点");
        page.getByTestId("return-visit-save").click();
        assertThat(page.getByText("回访已记录")).isVisible();
        assertThat(page.getByTestId("return-visit-table")).not().containsText(text);
        page.getByTestId("return-visit-filter-DONE").click();
        Locator done = page.getByTestId("return-visit-table").locator("tr").filter(new Locator.FilterOptions().setHasText(text));
        assertThat(done).containsText("基本满意");
        assertThat(done).containsText("希望以后及时一点");
        screenshot("case-return-visits-done");

        // the case's history in the console says the community called back
        page.getByTestId("menu-cases").click();
        page.getByTestId("case-table").locator("tr").filter(new Locator.FilterOptions().setHasText(text)).first().click();
        assertThat(page.getByTestId("case-history")).containsText("社区已回访");
        assertThat(page.getByTestId("case-history")).containsText("电话回访，基本满意");
    }

    @Test
    void theAdministratorAddsACategoryChangesItsLimitsAndDisablesIt() {
        String code = "E2E" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
        adminLogin("sysadmin", Http.DEMO_PASSWORD);
        page.getByTestId("menu-case-categories").click();
        assertThat(page.getByTestId("case-category-table")).containsText("人居环境");
        assertThat(page.getByTestId("case-category-ENVIRONMENT-gridLimit")).hasText("2 工作日");

        page.getByTestId("case-category-add").click();
        field("case-category-code").fill(code);
        page.getByTestId("case-category-save").click();
        assertThat(page.getByTestId("case-category-dialog")).containsText("必填");
        field("case-category-name-zh").fill("园林绿化");
        field("case-category-name-en").fill("Greening");
        field("case-category-limit-gridLimit").fill("2");
        page.getByTestId("case-category-save").click();
        assertThat(page.getByTestId("case-category-status-" + code)).hasText("启用");
        assertThat(page.getByTestId("case-category-" + code + "-gridLimit")).hasText("2 工作日");

        page.getByTestId("case-category-edit-" + code).click();
        field("case-category-limit-gridLimit").fill("4");
        page.getByTestId("case-category-dialog").locator(".el-form-item").filter(new Locator.FilterOptions()
                .setHasText("受理时限")).getByText("工作日").click();
        screenshot("case-categories");
        page.getByTestId("case-category-save").click();
        assertThat(page.getByTestId("case-category-" + code + "-gridLimit")).hasText("4 工作日");
        assertThat(page.getByTestId("case-category-" + code + "-acceptLimit")).hasText("4 工作日");

        // disabled: it leaves the report forms (the residents' list), the editor still shows it
        page.getByTestId("case-category-edit-" + code).click();
        page.getByTestId("case-category-active").click();
        page.getByTestId("case-category-save").click();
        page.locator(".el-message-box__btns .el-button--danger").click();
        assertThat(page.getByTestId("case-category-status-" + code)).hasText("停用");
        org.assertj.core.api.Assertions.assertThat(as("resident").get("/api/v1/case-categories").text()).doesNotContain(code);
    }
}
