package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.shared.IdNumber;

import tools.jackson.databind.JsonNode;

/** The resident ledger in the console and the resident signup on the phone, with screenshots. */
class ResidentBrowserTests extends BrowserTest {

    private Locator option(String text) {
        return page.locator(".el-popper:visible .el-select-dropdown__item").getByText(text, new Locator.GetByTextOptions()
                .setExact(true)).first();
    }

    @Test
    void theSecretaryFindsMrsHeLivingAloneAndRevealsHerIdNumberForAMoment() {
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-residents").click();
        page.getByTestId("resident-compound").click();
        page.keyboard().type("时代城");
        option("时代城小区").click();
        page.getByTestId("resident-building").click();
        option("1座").click();
        page.getByTestId("household-1座0301").click();

        Locator table = page.getByTestId("resident-table");
        assertThat(table).containsText("何秀英");
        assertThat(table).containsText("独居");
        assertThat(table).containsText("4406**********");
        table.locator("[data-testid^='reveal-idNumber-']").first().click();
        assertThat(table.locator("[data-testid^='resident-idNumber-']").first()).hasText(Pattern.compile("^\\d{17}[\\dX]$"));
        screenshot("admin-residents");

        page.getByTestId("menu-resident-signups").click();
        assertThat(page.getByTestId("signup-table")).containsText("罗志远");
        screenshot("admin-resident-signups");
    }

    @Test
    void aResidentSignsUpOnHisPhoneAndWaitsForTheCommunity() {
        open(390, 844);
        long compound = areaId("时代城小区");
        String phone = String.format(Locale.ROOT, "135%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String first17 = String.format(Locale.ROOT, "44060719%02d%02d%02d%03d", 70 + ThreadLocalRandom.current().nextInt(20),
                1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28),
                ThreadLocalRandom.current().nextInt(1000));

        page.navigate(url("/m/#/login"));
        page.getByTestId("m-login-signup").click();
        field("m-signup-compound").fill(String.valueOf(compound));
        page.getByTestId("m-signup-next").click();
        field("m-signup-phone").fill(phone);
        page.getByTestId("m-signup-send-code").click();
        assertThat(page.getByTestId("m-signup-send-code")).containsText("秒");

        field("m-signup-code").fill(codeFor(phone));
        field("m-signup-name").fill("邝家明");
        field("m-signup-id-number").fill(first17 + IdNumber.checkCharacter(first17));
        page.getByTestId("m-signup-building").click();
        page.locator(".van-picker__confirm").click();
        field("m-signup-door").fill("1座2203");
        field("m-signup-password").fill("Jumin#2026");
        page.getByTestId("m-signup-submit").click();

        assertThat(page.getByTestId("m-signup-done")).containsText("等待社区确认");
        assertThat(page.getByTestId("m-signup-done")).containsText(phone.substring(0, 3) + "****" + phone.substring(7));
        screenshot("mobile-resident-signup");

        String username = page.getByTestId("m-signup-username").textContent().replaceAll(".*(jm\\d+).*", "$1");
        JsonNode queue = as("bjstaff").get("/api/v1/resident-signups?status=PENDING&size=100").json();
        long signupId = 0;
        for (JsonNode s : queue.get("content")) {
            if (s.get("username").asString().equals(username)) {
                signupId = s.get("id").asLong();
            }
        }
        as("bjstaff").post("/api/v1/resident-signups/" + signupId + "/confirm", Http.JSON.createObjectNode());

        page.navigate(url("/m/#/login"));
        field("m-login-username").fill(username);
        field("m-login-password").fill("Jumin#2026");
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tile-my-household").click();
        assertThat(page.getByTestId("m-my-household-door")).hasText("1座2203");
        assertThat(page.getByTestId("m-my-household")).containsText("邝家明");
        screenshot("mobile-my-household");
    }

    private String codeFor(String phone) {
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        for (JsonNode message : as("bjstaff").get("/api/v1/dev-inbox").json()) {
            if (message.get("phone").asString().equals(masked)) {
                Matcher m = Pattern.compile("\\d{6}").matcher(message.get("text").asString());
                if (m.find()) {
                    return m.group();
                }
            }
        }
        throw new AssertionError("no code for " + masked);
    }
}
