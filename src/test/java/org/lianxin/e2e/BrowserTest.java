package org.lianxin.e2e;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.lianxin.ApiTest;

/**
 * Base of the browser tests: Playwright for Java driving Debian's Chromium (never a downloaded
 * browser) against the real application with the demo data. Screenshots go to target/screenshots.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest extends ApiTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final String CHROMIUM = System.getProperty("lianxin.chromium", "/usr/bin/chromium");

    private Playwright playwright;
    private Browser browser;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    void launch() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openDesktop() {
        open(1440, 900);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    protected void open(int width, int height) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setDeviceScaleFactor(1));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void screenshot(String name) {
        page.waitForTimeout(400);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    /** The text field behind a test id, whether the id sits on the input itself or on its wrapper. */
    protected com.microsoft.playwright.Locator field(String testId) {
        String id = "[data-testid='" + testId + "']";
        return page.locator("input" + id + ", textarea" + id + ", " + id + " input, " + id + " textarea").first();
    }

    protected void adminLogin(String username, String password) {
        page.navigate(url("/admin/"));
        field("login-username").fill(username);
        field("login-password").fill(password);
        page.getByTestId("login-submit").click();
    }

    /** Logs in on the mobile H5 in a phone-sized window (390×844) with the demo password. */
    protected void mobileLogin(String username) {
        open(390, 844);
        page.navigate(url("/m/"));
        field("m-login-username").fill(username);
        field("m-login-password").fill(org.lianxin.Http.DEMO_PASSWORD);
        page.getByTestId("m-login-submit").click();
    }
}
