package org.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.Sheets;

import tools.jackson.databind.JsonNode;

/**
 * Importing and exporting the member roster as a spreadsheet, over HTTP: rejected lines with their reasons, nothing
 * imported twice, bad files, scope, masked exports and their audit entries.
 */
class MemberImportTests extends ApiTest {

    static final List<String> HEADERS = List.of("姓名*", "身份证号*", "手机号", "所在社区*", "小区", "楼栋", "就业状态", "入党日期", "技能特长");


    static List<String> line(String name, String id, String phone, String community) {
        return java.util.Arrays.asList(name, id, phone, community, null, null, "退休", "1985-07-01", "法律、驾驶");
    }


    static String badCheckDigit() {
        String good = Members.idNumber();
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        return good.substring(0, 17) + wrong;
    }

    @Test
    void goodLinesAreImportedEachBrokenLineIsReportedAndTheSameFileAgainImportsNothing() {
        String a = Members.idNumber();
        String b = Members.idNumber();
        String c = Members.idNumber();
        String name = unique("导入");
        List<List<String>> lines = new ArrayList<>();
        lines.add(line(name + "甲", a, Members.phone(), "北江社区"));                        // line 2: good
        lines.add(line(name + "乙", badCheckDigit(), Members.phone(), "北江社区"));          // line 3: check digit
        lines.add(line(name + "丙", b, "1380013800", "北江社区"));                          // line 4: short phone
        lines.add(line(name + "丁", Members.idNumber(), Members.phone(), "不存在社区"));       // line 5: unknown community
        lines.add(line(name + "戊", a, Members.phone(), "北江社区"));                        // line 6: repeats line 2
        lines.add(line(null, Members.idNumber(), Members.phone(), "北江社区"));              // line 7: no name
        lines.add(java.util.Arrays.asList(name + "己", c, null, "北江社区", "时代城小区", "2座", "在职", null, null)); // line 8: good
        lines.add(line(name + "庚", Members.idNumber(), Members.phone(), "沙头社区"));       // line 9: outside her scope
        byte[] file = Sheets.workbook(HEADERS, lines);
        Http beijiang = as("beijiang");

        Response started = beijiang.upload("/api/v1/members/imports", "名册.xlsx", file);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode job = Sheets.await(beijiang, started.get("id").asLong());
        assertThat(job.get("state").asString()).isEqualTo("DONE");
        assertThat(job.get("total").asInt()).isEqualTo(8);
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("skipped").asInt()).isZero();
        assertThat(job.get("rejected").asInt()).isEqualTo(6);
        assertThat(jdbc.queryForList("select name from member where name like ? order by name", String.class, name + "%"))
                .containsExactlyInAnyOrder(name + "甲", name + "己");
        assertThat(jdbc.queryForObject("select a.name from member m join area a on a.id = m.building_id where m.name = ?",
                String.class, name + "己")).isEqualTo("2座");

        Response issues = beijiang.get("/api/v1/import-jobs/" + job.get("id").asLong() + "/issues");
        assertThat(issues.status()).isEqualTo(200);
        Map<Integer, String> byLine = new java.util.TreeMap<>();
        issues.get("content").forEach(i -> byLine.merge(i.get("row").asInt(), i.get("column").asString() + ":" + i.get("message").asString(),
                (x, y) -> x + " | " + y));
        assertThat(byLine).containsOnlyKeys(3, 4, 5, 6, 7, 9);
        assertThat(byLine.get(3)).isEqualTo("身份证号:身份证号校验位错误");
        assertThat(byLine.get(4)).startsWith("手机号:手机号格式不对");
        assertThat(byLine.get(5)).isEqualTo("所在社区:您管辖的范围内没有名为“不存在社区”的社区");
        assertThat(byLine.get(6)).isEqualTo("身份证号:与第 2 行重复（同一身份证号）");
        assertThat(byLine.get(7)).isEqualTo("姓名:必填，不能为空");
        assertThat(byLine.get(9)).isEqualTo("所在社区:您管辖的范围内没有名为“沙头社区”的社区");
        assertThat(issues.text()).doesNotContain(a).doesNotContain(b.substring(0, 17));
        assertThat(beijiang.language("en").get("/api/v1/import-jobs/" + job.get("id").asLong() + "/issues").text())
                .contains("The ID number's check character is wrong");
        beijiang.language("zh-CN");

        Http.Download rejected = beijiang.download("/api/v1/import-jobs/" + job.get("id").asLong() + "/issues.xlsx");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(Sheets.cells(rejected.bytes())).contains("身份证号校验位错误", "与第 2 行重复（同一身份证号）");

        // the same file again: nothing imported, the good lines skipped as already there
        JsonNode again = Sheets.await(beijiang, beijiang.upload("/api/v1/members/imports", "名册.xlsx", file).get("id").asLong());
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(2);
        assertThat(again.get("rejected").asInt()).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from member where name like ?", Integer.class, name + "%")).isEqualTo(2);

        // audited per batch, as the uploader
        assertThat(jdbc.queryForList("select actor from audit_entry where action = 'member.import' and object_id = ?",
                String.class, job.get("id").asString())).containsExactly("beijiang");
    }

    @Test
    void anotherCommunitysStaffCannotReadTheJob() {
        Http beijiang = as("beijiang");
        Response started = beijiang.upload("/api/v1/members/imports", "one.xlsx",
                Sheets.workbook(HEADERS, List.of(line(unique("范围"), Members.idNumber(), Members.phone(), "北江社区"))));
        long id = started.get("id").asLong();
        Sheets.await(beijiang, id);
        assertThat(as("shatou").get("/api/v1/import-jobs/" + id).status()).isEqualTo(404);
        assertThat(as("shatou").get("/api/v1/import-jobs/" + id + "/issues").status()).isEqualTo(404);
        assertThat(as("xinan").get("/api/v1/import-jobs/" + id).status()).isEqualTo(200);
        assertThat(as("bjstaff").get("/api/v1/import-jobs/" + id).status()).isEqualTo(200);
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedWith400() {
        Http beijiang = as("beijiang");
        Response text = beijiang.upload("/api/v1/members/imports", "名册.xlsx", "姓名,身份证号\n张三,1\n".getBytes());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(text.get("detail").asString()).contains("不是 Excel 工作簿");
        byte[] noise = new byte[4096];
        ThreadLocalRandom.current().nextBytes(noise);
        assertThat(beijiang.upload("/api/v1/members/imports", "x.xlsx", noise).status()).isEqualTo(400);
        // a zip that is no workbook
        assertThat(beijiang.upload("/api/v1/members/imports", "x.xlsx", zipWithOneFile()).status()).isEqualTo(400);
        Response noColumns = beijiang.upload("/api/v1/members/imports", "x.xlsx", Sheets.workbook(List.of("别的", "列"), List.of()));
        assertThat(noColumns.status()).isEqualTo(400);
        assertThat(noColumns.get("detail").asString()).contains("缺少必填列").contains("身份证号");
    }

    @Test
    void anOversizedUploadAnswers413AsAProblem() {
        byte[] big = new byte[21 * 1024 * 1024];
        Response r = as("beijiang").upload("/api/v1/members/imports", "big.xlsx", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.get("type").asString()).endsWith("/upload-too-large");
        assertThat(r.get("detail").asString()).contains("20 MB");
    }

    @Test
    void onlyThoseWhoRecordMembersMayImport() {
        byte[] file = Sheets.workbook(HEADERS, List.of(line(unique("无权"), Members.idNumber(), Members.phone(), "北江社区")));
        assertThat(as("grid3").upload("/api/v1/members/imports", "x.xlsx", file).status()).isEqualTo(403);
        assertThat(as("sysadmin").upload("/api/v1/members/imports", "x.xlsx", file).status()).isEqualTo(403);
        assertThat(anonymous().upload("/api/v1/members/imports", "x.xlsx", file).status()).isEqualTo(401);
    }

    @Test
    void theTemplateHasTheHeaderRowAndAnInstructionsSheet() throws IOException {
        Http.Download template = as("beijiang").download("/api/v1/members/import-template");
        assertThat(template.status()).isEqualTo(200);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名*");
            assertThat(wb.getSheet("说明")).isNotNull();
            assertThat(Sheets.cells(template.bytes())).contains("退休", "必填");
        }
    }

    @Test
    void theExportIsMaskedByDefaultAndAudited() {
        String id = Members.idNumber();
        String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String name = unique("导出");
        Http beijiang = as("beijiang");
        assertThat(beijiang.post("/api/v1/members", Members.form(name, id, phone, areaId("北江社区"))).status()).isEqualTo(201);

        Http.Download masked = beijiang.download("/api/v1/members/export?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(masked.status()).isEqualTo(200);
        List<String> cells = Sheets.cells(masked.bytes());
        assertThat(cells).contains(name, phone.substring(0, 3) + "****" + phone.substring(7), id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(String.join(" ", cells)).doesNotContain(id).doesNotContain(phone);
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'member.export' and actor = 'beijiang' "
                + "and detail like ?", String.class, "%q=" + name)).containsExactly("1 rows, masked, filter q=" + name);

        // unmasked only with the permission: the secretary holds it, her staff do not
        Http.Download full = beijiang.download("/api/v1/members/export?unmasked=true&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(full.status()).isEqualTo(200);
        assertThat(Sheets.cells(full.bytes())).contains(id, phone);
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'member.export' and detail like ?",
                String.class, "%UNMASKED%q=" + name)).hasSize(1);
        assertThat(as("bjstaff").download("/api/v1/members/export?unmasked=true").status()).isEqualTo(403);
        // another community's secretary gets none of Beijiang's members
        assertThat(Sheets.cells(as("shatou").download("/api/v1/members/export?q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8)).bytes())).doesNotContain(name);
    }


    private static byte[] zipWithOneFile() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
