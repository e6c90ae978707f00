package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.Http.Response;

/**
 * Story S1 in the browser: the community publishes 何秀英's folding-seat wish in the console; 刘明 sees it
 * on the wish wall on his phone (only "时代城小区的一位居民", never her name), claims it, fulfils it with a
 * photo; the secretary confirms for her with her thank-you letter; 刘明 reads it on his phone.
 */
class WishBrowserTests extends BrowserTest {

    /** A picture standing in for the phone photo of the installed seat. */
    private static byte[] seatPhoto() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xEE, 0xF3, 0xF8));
        g.fillRect(0, 0, 480, 360);
        g.setColor(new java.awt.Color(0xB0, 0xC4, 0xD8));
        for (int x = 0; x < 480; x += 60) {
            g.drawLine(x, 0, x, 360);
        }
        g.setColor(new java.awt.Color(0x8A, 0x5A, 0x2B));
        g.fillRoundRect(150, 150, 180, 30, 10, 10);
        g.fillRect(160, 180, 14, 120);
        g.fillRect(306, 180, 14, 120);
        g.setColor(new java.awt.Color(0x60, 0x60, 0x60));
        g.fillRect(140, 120, 200, 12);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Locator card(String testId, String title) {
        return page.getByTestId(testId).filter(new Locator.FilterOptions().setHasText(title));
    }

    @Test
    void s1_theCommunityPublishesHesFoldingSeatWishLiuMingClaimsAndFulfilsItAndSheThanksHim() throws Exception {
        String title = "卫生间安装折叠淋浴椅";
        long he = jdbc.queryForObject("select min(id) from resident where name = '何秀英'", Long.class);
        Response submitted = as("beijiang").post("/api/v1/wishes", Map.of("title", title,
                "story", "我和老伴多次在卫生间滑倒，想在卫生间墙上装一把折叠椅，洗澡时能坐着。", "category", "ELDERLY_DISABLED",
                "estimatedValue", 260, "residentId", he));
        assertThat(submitted.status()).isEqualTo(201);

        // the secretary reviews it in the console and publishes it on the wall
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-wishes").click();
        Locator row = page.getByTestId("wish-table").locator("tr", new Locator.LocatorOptions().setHasText(title));
        assertThat(row).containsText("何秀英");
        screenshot("admin-wishes");
        row.click();
        assertThat(page.getByTestId("wish-drawer")).containsText("1座0301");
        page.getByTestId("wish-publish").click();
        assertThat(page.getByTestId("wish-drawer")).containsText("已发布");

        // 刘明 sees it on the wall on his phone: the compound only, never her name or door
        mobileLogin("member");
        page.getByTestId("m-tile-wish-wall").click();
        Locator wish = card("m-wish-card", title);
        assertThat(wish).containsText("时代城小区的一位居民");
        assertThat(page.getByTestId("m-wishes")).not().containsText("何秀英");
        assertThat(page.getByTestId("m-wishes")).not().containsText("0301");
        wish.scrollIntoViewIfNeeded();
        screenshot("mobile-wish-wall");
        wish.getByTestId("m-wish-claim").click();

        // he buys and installs the seat, and reports it with a photo
        Locator claimed = card("m-claim-card", title);
        assertThat(claimed).containsText("已认领");
        claimed.getByTestId("m-wish-fulfil").click();
        field("m-fulfil-note").fill("已买好折叠淋浴椅，上门装在卫生间墙上，试坐稳固。");
        Path photo = Files.createTempFile("seat", ".png");
        Files.write(photo, seatPhoto());
        claimed.locator("input[type=file]").setInputFiles(photo);
        page.waitForTimeout(500);
        claimed.getByTestId("m-fulfil-send").click();
        assertThat(card("m-claim-card", title)).containsText("待确认");

        // the secretary confirms for 何秀英 (she has no smartphone) with her thank-you letter
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-wishes").click();
        page.getByTestId("wish-tab-fulfilled").click();
        page.getByTestId("wish-table").locator("tr", new Locator.LocatorOptions().setHasText(title)).click();
        page.getByTestId("wish-confirm").click();
        field("wish-confirm-thanks").fill("这不仅是一张折叠椅，更是连接党群关系的纽带！");
        page.getByTestId("wish-confirm-send").click();
        assertThat(page.getByTestId("wish-thank-you")).containsText("连接党群关系的纽带");
        assertThat(page.getByTestId("wish-history")).containsText("确认实现");
        page.waitForTimeout(3500); // the success message fades
        screenshot("admin-wish-fulfilled");

        // 刘明 reads the letter on his phone
        mobileLogin("member");
        page.getByTestId("m-tile-wish-wall").click();
        page.getByText("我认领的").first().click();
        assertThat(card("m-claim-card", title).getByTestId("m-wish-thanks")).containsText("连接党群关系的纽带");
        card("m-claim-card", title).scrollIntoViewIfNeeded();
        screenshot("mobile-wish-thanks");

        // 陈美玲 sees her own wishes (one waits for review in the demo data) and can make a new one
        mobileLogin("resident");
        page.getByTestId("m-tile-my-wishes").click();
        assertThat(page.getByTestId("m-my-wish").first()).isVisible();
        page.getByTestId("m-wish-new").click();
        field("m-wish-title").fill("孩子想要一盏护眼台灯");
        field("m-wish-story").fill("孩子晚上写作业，家里的台灯坏了，想要一盏护眼台灯。");
        field("m-wish-value").fill("80");
        screenshot("mobile-my-wishes");
        page.getByTestId("m-wish-submit").click();
        assertThat(card("m-my-wish", "护眼台灯")).containsText("待审核");
        page.waitForTimeout(200);
        assertThat(page.locator("body")).isVisible();
    }
}
