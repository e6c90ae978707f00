package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;
import org.lianxin.Sheets;
import org.lianxin.shared.IdNumber;

/** 导入 in the console: the secretary uploads a small roster, watches it run and reads the lines it rejected. */
class ImportBrowserTests extends BrowserTest {

    private static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "440607" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private Path roster() throws IOException {
        String good = idNumber();
        String bad = idNumber();
        bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        List<List<String>> lines = List.of(
                Arrays.asList("黄伟强", good, "13911112222", "北江社区", "时代城小区", "3座", "退休", "1978-07-01", "水电维修"),
                Arrays.asList("吴淑珍", idNumber(), "13922223333", "北江社区", null, null, "在职", "1992-06-30", "教育、文艺"),
                Arrays.asList("郭立新", bad, "13933334444", "北江社区", null, null, "退休", "1983-05-04", null),
                Arrays.asList("马春兰", idNumber(), "1393333", "北江社区", null, null, "灵活就业", null, null),
                Arrays.asList("孙德明", idNumber(), null, "金沙洲社区", null, null, "退休", null, null),
                Arrays.asList("黄伟强", good, "13911112222", "北江社区", null, null, "退休", null, null));
        Path file = Files.createTempDirectory("import").resolve("党员名册.xlsx");
        Files.write(file, Sheets.workbook(List.of("姓名*", "身份证号*", "手机号", "所在社区*", "小区", "楼栋", "就业状态", "入党日期", "技能特长"), lines));
        return file;
    }

    @Test
    void theSecretaryImportsARosterAndSeesWhichLinesWereRejectedAndWhy() throws IOException {
        Path file = roster();
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-members").click();
        page.getByTestId("sheet-import").click();
        page.getByTestId("import-upload").locator("input[type=file]").setInputFiles(file);
        page.getByTestId("import-start").click();
        assertThat(page.getByTestId("import-progress")).isVisible();
        assertThat(page.getByTestId("import-summary")).containsText("已导入");
        assertThat(page.getByTestId("import-summary")).containsText("2");
        var issues = page.getByTestId("import-issues");
        assertThat(issues).containsText("身份证号校验位错误");
        assertThat(issues).containsText("手机号格式不对");
        assertThat(issues).containsText("您管辖的范围内没有名为“金沙洲社区”的社区");
        assertThat(issues).containsText("与第 2 行重复");
        screenshot("member-import");
        page.getByTestId("import-close").click();
        assertThat(page.getByTestId("member-table")).containsText("吴淑珍");
        screenshot("member-import-list");

        open(390, 844);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        assertThat(page.getByTestId("login-submit")).isHidden(); // signed in before going to a page behind the login
        page.navigate(url("/admin/#/residents"));
        page.getByTestId("sheet-import").click();
        assertThat(page.getByTestId("import-dialog")).containsText("导入居民");
        screenshot("resident-import-phone");
        Files.deleteIfExists(file);
    }
}
