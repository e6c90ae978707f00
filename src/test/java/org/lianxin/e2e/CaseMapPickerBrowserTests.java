package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;

/**
 * 在地图上选点 on a phone (390 × 844): grid worker 吴海 picks the place of a report on the map of his grid instead of
 * typing coordinates, sees the grid named under the map, and submits. The first answer is lost on the way back (the
 * server created the case, the phone saw a network error); 提交 again sends the same Idempotency-Key, and there is
 * still one case, in 北江社区第三网格.
 */
class CaseMapPickerBrowserTests extends BrowserTest {

    @Test
    void aPointPickedOnTheMapIsReportedInItsGridAndARetryAfterALostAnswerMakesNoSecondCase() {
        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill("grid3");
        field("m-login-password").fill(Http.DEMO_PASSWORD);
        page.getByTestId("m-login-submit").click();
        page.getByTestId("m-tile-cases").click();
        page.locator(".van-tab", new com.microsoft.playwright.Page.LocatorOptions().setHasText("我要上报")).first().click();

        String text = "地图选点：颐澳湾小区旁绿化带井盖缺失 " + System.nanoTime();
        page.getByTestId("m-case-category-SAFETY").click();
        field("m-case-description").fill(text);

        page.getByTestId("m-case-pick-map").click();
        Locator canvas = page.getByTestId("m-case-map-canvas").locator("canvas").first();
        assertThat(canvas).isVisible();
        // the popup slides in while the map loads: measure and tap only once it has stopped and the map is drawn
        assertThat(page.getByTestId("m-case-map-canvas")).hasAttribute("data-ready", "true");
        assertThat(page.getByTestId("m-case-map-where")).containsText("尚未选点");
        assertThat(page.getByTestId("m-case-map-ok")).isDisabled();
        // tap a little above the middle of the map: inside the worker's grid (its northern micro-grid)
        BoundingBox box = page.getByTestId("m-case-map-canvas").boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height * 0.4);
        assertThat(page.getByTestId("m-case-map-where")).containsText("所在网格：北江社区第三网格");
        assertThat(page.getByTestId("m-case-map-where")).containsText("WGS-84");
        screenshot("mobile-case-map-picker");
        page.getByTestId("m-case-map-ok").click();
        assertThat(page.getByTestId("m-case-map")).isHidden();
        String lon = field("m-case-lon").inputValue();
        String lat = field("m-case-lat").inputValue();
        assertThat(Double.parseDouble(lon)).isBetween(73.0, 135.0);
        assertThat(Double.parseDouble(lat)).isBetween(3.0, 54.0);

        // the first answer is lost after the server made the case; the retry must carry the same key
        List<String> keys = new CopyOnWriteArrayList<>();
        AtomicBoolean lost = new AtomicBoolean();
        page.route("**/api/v1/cases", route -> {
            if (!"POST".equals(route.request().method())) {
                route.resume();
                return;
            }
            keys.add(String.valueOf(route.request().headerValue("idempotency-key")));
            if (lost.compareAndSet(false, true)) {
                route.fetch(); // the server answers 201 ...
                route.abort("failed"); // ... and the phone never hears it
            } else {
                route.resume();
            }
        });
        page.getByTestId("m-case-send").click();
        assertThat(page.locator(".van-toast")).containsText("网络");
        page.getByTestId("m-case-send").click();
        assertThat(page.getByTestId("m-case-mine").filter(new Locator.FilterOptions().setHasText(text))).isVisible();

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(keys.get(1)).isEqualTo(keys.get(0));

        Http worker = as("grid3");
        long grid = worker.get("/api/v1/auth/me").get("roles").get(0).get("areaId").asLong();
        Response inGrid = worker.get("/api/v1/cases?gridId=" + grid + "&size=100");
        assertThat(inGrid.status()).isEqualTo(200);
        long found = 0;
        for (JsonNode c : inGrid.get("content")) {
            if (c.get("description").asString().equals(text)) {
                found++;
                assertThat(c.get("longitude").asDouble()).isCloseTo(Double.parseDouble(lon), org.assertj.core.api.Assertions.within(1e-6));
            }
        }
        assertThat(found).as("one case for the two submits, in 北江社区第三网格").isEqualTo(1);
    }

    /**
     * Resident 陈美玲 may not read the area tree, yet 在地图上选点 shows her the grids of her community (北江社区) and
     * fills in the coordinates of the point she taps.
     */
    @Test
    void aResidentPicksAPointOnTheMapOfHerCommunity() {
        mobileLogin("resident");
        page.getByTestId("m-tile-cases").click();
        page.locator(".van-tab", new com.microsoft.playwright.Page.LocatorOptions().setHasText("我要上报")).first().click();

        page.getByTestId("m-case-pick-map").click();
        Locator canvas = page.getByTestId("m-case-map-canvas").locator("canvas").first();
        assertThat(canvas).isVisible();
        assertThat(page.getByTestId("m-case-map-empty")).isHidden();
        assertThat(page.getByTestId("m-case-map-ok")).isDisabled();
        assertThat(page.getByTestId("m-case-map-canvas")).hasAttribute("data-ready", "true");
        BoundingBox box = page.getByTestId("m-case-map-canvas").boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height * 0.4);
        // the middle of 北江社区 lies in its second grid
        assertThat(page.getByTestId("m-case-map-where")).containsText("所在网格：北江社区 · ");
        assertThat(page.getByTestId("m-case-map-where")).containsText("WGS-84");
        screenshot("mobile-case-map-picker-resident");
        page.getByTestId("m-case-map-ok").click();
        assertThat(page.getByTestId("m-case-map")).isHidden();
        double lon = Double.parseDouble(field("m-case-lon").inputValue());
        double lat = Double.parseDouble(field("m-case-lat").inputValue());
        // inside 北江社区 (112.880–112.900 E, 23.150–23.170 N)
        assertThat(lon).isBetween(112.880, 112.900);
        assertThat(lat).isBetween(23.150, 23.170);
    }
}
