package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Points (积分) in the browser: 刘明 sees his balance, hours and history on his phone; the secretary of 北江社区 sees the
 * ranking with its bar chart and reverses a duplicated entry with a reason; the subdistrict officer edits the rules.
 */
class PointsBrowserTests extends BrowserTest {

    private long balanceOf(String username) {
        return jdbc.queryForObject("select coalesce(sum(e.amount), 0) from points_entry e join member m "
                + "on m.id = e.holder_member_id where m.username = ?", Long.class, username);
    }

    @Test
    void s7_liuMingSeesHisPointsAndHoursOnHisPhoneWithTheirReasons() {
        mobileLogin("member");
        page.getByTestId("m-tile-points").click();
        assertThat(page.getByTestId("m-points-card")).containsText("刘明");
        assertThat(page.getByTestId("m-points-card")).containsText("北江社区");
        assertThat(page.getByTestId("m-points-balance")).hasText(String.valueOf(balanceOf("member")));
        assertThat(page.getByTestId("m-points")).containsText("北江河堤登革热防控清积水");
        assertThat(page.getByTestId("m-points")).containsText("打印志愿服务时长证明");
        screenshot("mobile-points");
        page.getByTestId("m-points-entry").last().scrollIntoViewIfNeeded();
        screenshot("mobile-points-history");
    }

    @Test
    void theSecretarySeesTheRankingOfHerCommunityAndReversesADuplicatedEntryWithAReason() {
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-points").click();
        Locator ranking = page.getByTestId("points-ranking");
        assertThat(ranking).containsText("林志强");
        assertThat(ranking).containsText("刘明");
        // first row: the member with most points in 北江社区
        String top = jdbc.queryForObject("select m.name from points_entry e join member m on m.id = e.holder_member_id "
                + "join area a on a.name = '北江社区' and e.area_path like a.path || '%' group by m.id, m.name "
                + "order by sum(e.amount) desc, sum(e.minutes) desc, m.id limit 1", String.class);
        assertThat(ranking.locator("tbody tr").first()).containsText(top);
        assertThat(page.getByTestId("points-chart").locator("canvas")).hasCount(1);
        screenshot("admin-points-ranking");

        page.getByText("积分明细").first().click();
        Locator row = page.getByTestId("points-entries").locator("tr",
                new Locator.LocatorOptions().setHasText("楼长答复居民信箱")).first();
        assertThat(row).containsText("林志强");
        long before = balanceOf("louzhang");
        row.getByTestId("points-reverse").click();
        field("points-reverse-reason").fill("该留言系居民重复提交，楼长答复记一次即可");
        screenshot("admin-points-reverse");
        page.getByTestId("points-reverse-confirm").click();
        assertThat(page.getByTestId("points-entries")).containsText("冲正：该留言系居民重复提交");
        assertThat(page.getByTestId("points-entries")).containsText("已冲正");
        assertThat(balanceOf("louzhang")).isEqualTo(before - 2);
    }

    @Test
    void theSubdistrictOfficerSetsTheRulesOfHisSubdistrict() {
        open(1440, 900);
        adminLogin("xinan", Http.DEMO_PASSWORD);
        page.getByTestId("menu-points").click();
        page.getByText("积分规则").first().click();
        Locator rule = page.getByTestId("points-rule").filter(new Locator.FilterOptions().setHasText("西南街道"));
        field("points-rule-perActivityHour").fill("12");
        page.getByTestId("points-rule-save").click();
        assertThat(rule).containsText("本街道规则");
        assertThat(rule).containsText("周晓东");
        page.mouse().move(1200, 800);
        page.waitForTimeout(3500); // the success message fades
        screenshot("admin-points-rules");
        assertThat(jdbc.queryForObject("select per_activity_hour from points_rule r join area a on a.id = r.subdistrict_id "
                + "where a.name = '西南街道'", Integer.class)).isEqualTo(12);
    }
}
