package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Micro-projects in the browser: the secretary of 北江社区 publishes a community vegetable garden with two
 * milestones in the console; 中国电信's contact (黄涛) joins it on his phone, reports both milestones with a photo and
 * asks for acceptance; the secretary accepts it; the contact reads the acceptance note on his phone.
 */
class MicroProjectBrowserTests extends BrowserTest {

    /** The date input of the n-th milestone line (el-date-picker keeps no test id of its own). */
    private Locator dateInput(int milestone) {
        return page.locator(".p-plan").nth(milestone).locator(".el-date-editor input");
    }

    private Locator card(String testId, String title) {
        return page.getByTestId(testId).filter(new Locator.FilterOptions().setHasText(title));
    }

    /** A picture standing in for a phone photo of the garden beds. */
    private static byte[] gardenPhoto() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xF3, 0xEF, 0xE6));
        g.fillRect(0, 0, 480, 360);
        g.setColor(new java.awt.Color(0x7A, 0x55, 0x30));
        for (int y = 80; y < 330; y += 90) {
            g.fillRect(40, y, 400, 50);
        }
        g.setColor(new java.awt.Color(0x3C, 0x9A, 0x40));
        for (int y = 80; y < 330; y += 90) {
            for (int x = 60; x < 440; x += 40) {
                g.fillOval(x, y - 14, 22, 22);
            }
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void theCommunityPublishesAGardenTelecomJoinsAndReportsItOnThePhoneAndTheCommunityAcceptsIt() throws Exception {
        String title = "时代城小区共享菜园";

        // the secretary publishes it in the console with two milestones
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-micro-projects").click();
        assertThat(page.getByTestId("project-table")).containsText("无障碍坡道");
        screenshot("admin-micro-projects");
        page.getByTestId("project-add").click();
        page.getByTestId("project-form-area").click();
        page.getByTestId("project-form-area").locator("input").fill("北江");
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("北江社区")).first().click();
        field("project-form-title").fill(title);
        field("project-form-description").fill("把时代城小区2座旁的空地改成共享菜园，分给二十户居民认种，党员和共建单位帮忙搭建。");
        field("project-form-milestone-0").fill("平整土地、搭建菜畦");
        dateInput(0).fill(LocalDate.now().plusDays(14).toString());
        dateInput(0).press("Enter");
        page.getByTestId("project-form-add-milestone").click();
        field("project-form-milestone-1").fill("分配菜畦并开园");
        dateInput(1).fill(LocalDate.now().plusDays(30).toString());
        dateInput(1).press("Enter");
        page.getByTestId("project-form-budget").locator("input").fill("6000");
        screenshot("admin-micro-project-new");
        page.getByTestId("project-form-save").click();
        assertThat(page.getByTestId("project-drawer")).containsText(title);
        assertThat(page.getByTestId("project-drawer")).containsText("待认领");

        // 黄涛 of 中国电信 joins it on his phone
        mobileLogin("telecom");
        page.getByTestId("m-tile-micro-projects").click();
        Locator open = card("m-project-card", title);
        assertThat(open).containsText("6,000 元");
        open.scrollIntoViewIfNeeded();
        screenshot("mobile-micro-projects");
        open.getByTestId("m-project-claim").click();
        page.locator(".van-dialog__confirm").click();

        // he reports the first milestone with a photo, then the second, and asks for acceptance
        Locator mine = card("m-my-project", title);
        assertThat(mine).containsText("实施中");
        mine.getByTestId("m-project-update").click();
        field("m-project-text").fill("土地已平整，搭好六块菜畦，铺了滴灌管。");
        mine.getByTestId("m-project-milestone-0").click();
        Path photo = Files.createTempFile("garden", ".png");
        Files.write(photo, gardenPhoto());
        mine.locator("input[type=file]").setInputFiles(photo);
        page.waitForTimeout(2000); // the photo is read and the "joined" toast fades
        screenshot("mobile-micro-project-progress");
        mine.getByTestId("m-project-send").click();
        assertThat(card("m-my-project", title)).containsText("已完成");
        card("m-my-project", title).getByTestId("m-project-update").click();
        field("m-project-text").fill("二十块菜畦已分给报名的居民，举行了开园仪式。");
        card("m-my-project", title).getByTestId("m-project-milestone-1").click();
        card("m-my-project", title).getByTestId("m-project-send").click();
        card("m-my-project", title).getByTestId("m-project-complete").click();
        assertThat(card("m-my-project", title)).containsText("待验收");

        // the secretary sees the photo and accepts it
        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-micro-projects").click();
        page.getByText("待验收").first().click();
        page.getByTestId("project-table").locator("tr", new Locator.LocatorOptions().setHasText(title)).click();
        Locator drawer = page.getByTestId("project-drawer");
        assertThat(drawer).containsText("中国电信佛山三水分公司");
        assertThat(drawer.getByTestId("project-updates")).containsText("搭好六块菜畦");
        assertThat(drawer.locator(".p-photo img")).isVisible();
        page.getByTestId("project-accept").click();
        field("project-decision-text").fill("菜畦整齐，滴灌可用，居民已开始种植。");
        page.getByTestId("project-decision-send").click();
        assertThat(drawer).containsText("已验收");
        page.waitForTimeout(3500); // the success message fades
        drawer.locator(".p-title").scrollIntoViewIfNeeded();
        screenshot("admin-micro-project-accepted");

        // the contact reads the acceptance note on his phone
        mobileLogin("telecom");
        page.getByTestId("m-tile-micro-projects").click();
        page.getByText("我单位的").first().click();
        assertThat(card("m-my-project", title)).containsText("菜畦整齐");
    }
}
