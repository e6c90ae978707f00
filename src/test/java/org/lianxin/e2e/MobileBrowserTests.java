package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/** The mobile H5 on a phone-sized screen (390×844). */
class MobileBrowserTests extends BrowserTest {

    @BeforeEach
    void phone() {
        open(390, 844);
    }

    private void login(String username) {
        page.navigate(url("/m/"));
        field("m-login-username").fill(username);
        field("m-login-password").fill(Http.DEMO_PASSWORD);
        screenshotOnce("mobile-login");
        page.getByTestId("m-login-submit").click();
        assertThat(page.getByTestId("m-home")).isVisible();
    }

    private boolean loginShot;

    private void screenshotOnce(String name) {
        if (!loginShot) {
            loginShot = true;
            screenshot(name);
        }
    }

    @Test
    void aBuildingLeadersHomeShowsTilesForWhatExistsOnly() {
        login("louzhang");
        assertThat(page.getByTestId("m-tile-areas")).isVisible();
        assertThat(page.getByTestId("m-tile-me")).isVisible();
        assertThat(page.getByTestId("m-tile-my-partner")).hasCount(0);
        assertThat(page.getByTestId("m-tile-my-grid")).hasCount(0);
        screenshot("mobile-home");
    }

    @Test
    void aGridWorkerSeesHisGridsSixRoles() {
        login("grid3");
        page.getByTestId("m-tile-my-grid").click();
        assertThat(page.locator("body")).containsText("北江社区第三网格");
        screenshot("mobile-my-grid");
    }

    @Test
    void aResidentSeesOnlyHisOwnPage() {
        login("resident");
        assertThat(page.getByTestId("m-tile-me")).isVisible();
        assertThat(page.getByTestId("m-tile-areas")).hasCount(0);
    }
}
