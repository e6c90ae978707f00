package org.lianxin.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.Sheets;
import org.lianxin.shared.IdNumber;

import tools.jackson.databind.JsonNode;

/** Importing residents into households from a spreadsheet, and exporting the ledger masked and audited. */
class ResidentImportTests extends ApiTest {

    static final List<String> HEADERS = List.of("姓名*", "身份证号*", "手机号", "所在社区*", "小区", "楼栋*", "门牌号*", "与户主关系*", "居民标签");

    static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "440607" + (1940 + random.nextInt(60)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void linesFindOrCreateTheirHouseholdBrokenLinesAreReportedAndNothingIsImportedTwice() {
        String name = unique("居导");
        String door = unique("9座");
        String a = idNumber();
        String b = idNumber();
        List<List<String>> lines = List.of(
                Arrays.asList(name + "甲", a, "13800000001", "北江社区", "时代城小区", "1座", "1座1502", "其他亲属", "老年人"), // 2: existing household
                Arrays.asList(name + "乙", b, null, "北江社区", "时代城小区", "2座", door, "户主", "独居、老年人"),        // 3: new household
                Arrays.asList(name + "丙", idNumber(), null, "北江社区", "时代城小区", "2座", door, "房东", null),       // 4: unknown relation
                Arrays.asList(name + "丁", idNumber(), null, "北江社区", "不存在小区", "2座", door, "子女", null),        // 5: unknown compound
                Arrays.asList(name + "戊", b, null, "北江社区", "时代城小区", "2座", door, "配偶", null),                // 6: repeats line 3
                Arrays.asList(name + "己", idNumber(), null, "北江社区", null, "1座", door, "子女", null));              // 7: building name repeats
        byte[] file = Sheets.workbook(HEADERS, lines);
        Http beijiang = as("beijiang");

        Response started = beijiang.upload("/api/v1/residents/imports", "居民.xlsx", file);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode job = Sheets.await(beijiang, started.get("id").asLong());
        assertThat(job.get("kind").asString()).isEqualTo("RESIDENTS");
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("rejected").asInt()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select h.door_number from resident r join household h on h.id = r.household_id "
                + "where r.name = ?", String.class, name + "甲")).isEqualTo("1座1502");
        assertThat(jdbc.queryForObject("select count(*) from household where door_number = ?", Integer.class, door)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select tags from resident where name = ?", String.class, name + "乙"))
                .isEqualTo(",LIVING_ALONE,ELDERLY,");

        Map<Integer, String> byLine = new TreeMap<>();
        beijiang.get("/api/v1/import-jobs/" + job.get("id").asLong() + "/issues").get("content")
                .forEach(i -> byLine.put(i.get("row").asInt(), i.get("message").asString()));
        assertThat(byLine).containsOnlyKeys(4, 5, 6, 7);
        assertThat(byLine.get(4)).isEqualTo("“房东”不是可选值，请按模板“说明”页填写");
        assertThat(byLine.get(5)).isEqualTo("该社区内没有名为“不存在小区”的小区");
        assertThat(byLine.get(6)).isEqualTo("与第 3 行重复（同一身份证号）");
        assertThat(byLine.get(7)).isEqualTo("该社区内有多个名为“1座”的楼栋，请同时填写小区");

        JsonNode again = Sheets.await(beijiang,
                beijiang.upload("/api/v1/residents/imports", "居民.xlsx", file).get("id").asLong());
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from resident where name like ?", Integer.class, name + "%")).isEqualTo(2);
        assertThat(jdbc.queryForList("select actor from audit_entry where action = 'resident.import' and object_id = ?",
                String.class, job.get("id").asString())).containsExactly("beijiang");
    }

    @Test
    void aGridWorkerCannotImportAndAnotherCommunityCannotPlaceResidentsInBeijiang() {
        byte[] file = Sheets.workbook(HEADERS, List.<List<String>>of(Arrays.asList(unique("越界"), idNumber(),
                null, "北江社区", "时代城小区", "1座", "1座1502", "户主", null)));
        assertThat(as("grid3").upload("/api/v1/residents/imports", "x.xlsx", file).status()).isEqualTo(403);
        Http shatou = as("shatou");
        JsonNode job = Sheets.await(shatou, shatou.upload("/api/v1/residents/imports", "x.xlsx", file).get("id").asLong());
        assertThat(job.get("rejected").asInt()).isEqualTo(1);
        assertThat(shatou.get("/api/v1/import-jobs/" + job.get("id").asLong() + "/issues").text())
                .contains("您管辖的范围内没有名为“北江社区”的社区");
        assertThat(as("beijiang").get("/api/v1/import-jobs/" + job.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void theExportIsMaskedByDefaultUnmaskedOnlyWithThePermissionAndAlwaysAudited() {
        String name = unique("居出");
        String id = idNumber();
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long household = jdbc.queryForObject("select id from household where door_number = '1座1502'", Long.class);
        Response created = as("beijiang").post("/api/v1/residents", Http.JSON.createObjectNode().put("householdId", household)
                .put("name", name).put("idNumber", id).put("phone", phone).put("relation", "OTHER"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String q = URLEncoder.encode(name, StandardCharsets.UTF_8);

        Http.Download masked = as("bjstaff").download("/api/v1/residents/export?q=" + q);
        assertThat(masked.status()).isEqualTo(200);
        List<String> cells = Sheets.cells(masked.bytes());
        assertThat(cells).contains(name, phone.substring(0, 3) + "****" + phone.substring(7), "时代城小区", "其他");
        assertThat(String.join(" ", cells)).doesNotContain(id).doesNotContain(phone);
        assertThat(as("bjstaff").download("/api/v1/residents/export?unmasked=true&q=" + q).status()).isEqualTo(403);

        Http.Download full = as("beijiang").download("/api/v1/residents/export?unmasked=true&q=" + q);
        assertThat(Sheets.cells(full.bytes())).contains(id, phone);
        assertThat(jdbc.queryForList("select actor || ' ' || detail from audit_entry where action = 'resident.export' "
                + "and detail like ?", String.class, "%q=" + name))
                .containsExactlyInAnyOrder("bjstaff 1 rows, masked, filter q=" + name, "beijiang 1 rows, UNMASKED, filter q=" + name);
        assertThat(Sheets.cells(as("shatou").download("/api/v1/residents/export?q=" + q).bytes())).doesNotContain(name);
    }

    @Test
    void theTemplateListsTheRelationsAndTags() {
        Http.Download template = as("bjstaff").download("/api/v1/residents/import-template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(Sheets.cells(template.bytes())).contains("门牌号*", "户主、配偶、子女、父母、孙辈、其他亲属、租户、其他");
    }
}
