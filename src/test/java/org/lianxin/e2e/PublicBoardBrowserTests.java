package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.shared.IdNumber;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** 公示 in the console (preview, PDF, a zone's households) and 我的责任卡 on the phone. */
class PublicBoardBrowserTests extends BrowserTest {

    private long orgUnit(String name) {
        return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
    }

    @Test
    void registrationStory_theApprovedMemberIsOnTheThirdGridsBoardAndThePdfLinkAnswersAPdf() {
        // a member registers and is placed in the third grid's first zone (as in the registration story)
        String username = unique("gs");
        String name = "苏志远";
        Http sysadmin = as("sysadmin");
        long account = sysadmin.post("/api/v1/accounts", Http.JSON.createObjectNode().put("username", username)
                .put("displayName", name).put("password", "Member#2026x")).get("id").asLong();
        sysadmin.post("/api/v1/accounts/" + account + "/role-assignments", Http.JSON.createObjectNode()
                .put("role", "MEMBER").put("areaId", areaId("北江社区")));
        String first17 = "44060719860606" + String.format("%03d", System.nanoTime() % 1000);
        var form = Http.JSON.createObjectNode().put("name", name).put("idNumber", first17 + IdNumber.checkCharacter(first17))
                .put("communityId", areaId("北江社区")).put("employment", "IN_SERVICE").put("username", username)
                .put("phone", "13600135678");
        form.putArray("skills").add("NETWORK");
        as("beijiang").post("/api/v1/members", form);
        Http member = new Http(port);
        member.login(username, "Member#2026x");
        var application = Http.JSON.createObjectNode().put("communityId", areaId("北江社区"))
                .put("gridId", areaId("北江社区第三网格"));
        application.putArray("availability").add("WEEKENDS");
        long registration = member.post("/api/v1/registrations", application).get("id").asLong();
        as("beijiang").post("/api/v1/registrations/" + registration + "/approve", Map.of(
                "branchId", orgUnit("北江社区第三网格党支部"), "groupId", orgUnit("北江社区第三网格第一党小组"),
                "zoneId", orgUnit("第3网格微网格1党员责任区")));

        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-public-boards").click();
        page.getByTestId("board-grid").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("北江社区第三网格")).first().click();
        Locator preview = page.getByTestId("board-preview");
        assertThat(preview).containsText("北江社区第三网格 党员责任区公示");
        assertThat(preview).containsText("梁志华");
        assertThat(preview).containsText("黄丽娟 137****1005");
        assertThat(preview).containsText("3座0605");
        assertThat(preview).containsText(name + " 136****5678");
        assertThat(preview).not().containsText("13600135678");
        screenshot("public-board");

        String href = page.getByTestId("board-pdf").getAttribute("href");
        APIResponse pdf = context.request().get(url(href));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        APIResponse cards = context.request().get(url(page.getByTestId("board-cards").getAttribute("href")));
        assertThat(cards.headers().get("content-type")).startsWith("application/pdf");

        page.getByTestId("board-manage-households").first().click();
        Locator dialog = page.getByTestId("zone-dialog");
        assertThat(dialog).containsText("3座0605");
        screenshot("public-board-households");
        page.keyboard().press("Escape");

        // 设为负责人 on the approved registrations: the posts his placement allows
        page.getByTestId("menu-registrations").click();
        page.locator(".el-radio-button", new Page.LocatorOptions().setHasText("已通过并编入")).click();
        Locator row = page.getByTestId("registration-table").locator("tr", new Locator.LocatorOptions().setHasText(name));
        row.getByTestId("registration-lead").click();
        Locator menu = page.locator(".el-dropdown-menu:visible");
        assertThat(menu).containsText("网格党支部书记");
        assertThat(menu).containsText("党小组长");
        assertThat(menu).containsText("党员责任区长");
        assertThat(page.getByTestId("registration-table")).containsText("党员责任区长"); // 黄丽娟's post, shown as a tag
        screenshot("admin-registration-lead");
    }

    @Test
    void aMemberOpensHisResponsibilityCardOnHisPhone() {
        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill("member");
        field("m-login-password").fill(Http.DEMO_PASSWORD);
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tile-my-card").click();
        Locator placement = page.getByTestId("m-card-placement");
        assertThat(placement).containsText("第3网格微网格1党员责任区");
        assertThat(placement).containsText("党小组长");
        screenshot("mobile-responsibility-card");
        APIResponse card = context.request().get(url("/api/v1/responsibility-cards/mine"));
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.headers().get("content-type")).startsWith("application/pdf");
    }
}
