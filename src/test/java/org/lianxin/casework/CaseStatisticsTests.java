package org.lianxin.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;

/**
 * Statistics (item 10) over a small fixed data set in a community of its own (made directly in the tables, so that
 * no other test's cases count): exact counts per grid and in total, on-time rate, median handling time, escalation
 * rate, visit coverage, the period's China-date bounds, scope (404), bad input and the audited Excel export.
 */
class CaseStatisticsTests extends ApiTest {

    long community;
    String communityPath;
    long grid1;
    long grid2;
    String grid1Path;
    String grid2Path;
    String name;

    private long newArea(long parent, String parentPath, String level, String name) {
        long id = 9_000_000 + ThreadLocalRandom.current().nextInt(900_000);
        jdbc.update("insert into area (id, parent_id, level, name, code, path, boundary, version) values "
                + "(?, ?, ?, ?, null, ?, null, 0)", id, parent, level, name, parentPath + id + "/");
        return id;
    }

    private static Timestamp china(String dateTime) {
        return Timestamp.from(OffsetDateTime.parse(dateTime + "+08:00").toInstant());
    }

    private void gridCase(String path, String category, CaseState state, String reported, String closed,
                          Timestamp deadline, boolean late, boolean escalated) {
        long id = 50_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.update("insert into grid_case (id, category, description, channel, area_path, grid_name, level, level_path, "
                        + "responsible_name, state, state_since, deadline, reporter_name, reported_at, closed_at, urge_count, "
                        + "supervision_open, version, late, escalated) values (?, ?, '统计测试', 'PATROL', ?, '测试网格', 'GRID', ?, "
                        + "'测试网格员', ?, ?, ?, '测试', ?, ?, 0, false, 0, ?, ?)",
                id, category, path, path, state.name(), china(reported), deadline, china(reported),
                closed == null ? null : china(closed), late, escalated);
    }

    @BeforeEach
    void aCommunityOfItsOwn() {
        long subdistrict = areaId("西南街道");
        name = unique("统计社区");
        community = newArea(subdistrict, areaPath("西南街道"), "COMMUNITY", name);
        communityPath = areaPath(name);
        grid1 = newArea(community, communityPath, "GRID", name + "第一网格");
        grid1Path = communityPath + grid1 + "/";
        grid2 = newArea(community, communityPath, "GRID", name + "第二网格");
        grid2Path = communityPath + grid2 + "/";
        Timestamp past = china("2026-03-10T18:00:00");
        Timestamp future = china("2099-01-01T00:00:00");
        // grid 1: closed on time in 10 h; rated, late and escalated, 48 h; handling past its deadline; rejected
        gridCase(grid1Path, "ENVIRONMENT", CaseState.CLOSED, "2026-03-02T09:00:00", "2026-03-02T19:00:00", null, false, false);
        gridCase(grid1Path, "ENVIRONMENT", CaseState.RATED, "2026-03-03T09:00:00", "2026-03-05T09:00:00", null, true, true);
        gridCase(grid1Path, "SAFETY", CaseState.HANDLING, "2026-03-04T09:00:00", null, past, false, false);
        gridCase(grid1Path, "ENVIRONMENT", CaseState.REJECTED, "2026-03-05T09:00:00", null, null, false, false);
        // grid 2: closed on time in 4 h; dispatched after escalation, not yet due
        gridCase(grid2Path, "FACILITY", CaseState.CLOSED, "2026-03-04T08:00:00", "2026-03-04T12:00:00", null, false, false);
        gridCase(grid2Path, "FACILITY", CaseState.DISPATCHED, "2026-03-06T08:00:00", null, future, false, true);
        // the community's own case (no grid): closed on time in 24 h
        gridCase(communityPath, "DISPUTE", CaseState.CLOSED, "2026-03-06T10:00:00", "2026-03-07T10:00:00", null, false, false);
        // outside the period by China date, just before and just after (UTC dates would take them in)
        gridCase(grid1Path, "ENVIRONMENT", CaseState.CLOSED, "2026-03-01T23:30:00", "2026-03-02T01:00:00", null, false, false);
        gridCase(grid1Path, "ENVIRONMENT", CaseState.CLOSED, "2026-03-09T00:30:00", "2026-03-09T02:00:00", null, false, false);
        // contact households of grid 1: one visited in time (started 10 days ago, due every 30), one overdue (40 days)
        contact(grid1, grid1Path, 10);
        contact(grid1, grid1Path, 40);
    }

    private void contact(long grid, String gridPath, int daysAgo) {
        long id = 9_000_000 + ThreadLocalRandom.current().nextInt(900_000);
        String path = gridPath + id + "/";
        jdbc.update("insert into area (id, parent_id, level, name, code, path, boundary, version) values "
                + "(?, ?, 'BUILDING', ?, null, ?, null, 0)", id, grid, unique("楼"), path);
        jdbc.update("insert into household (id, building_id, door_number, area_path, created_at, version) values "
                + "(?, ?, '0101', ?, current_timestamp, 0)", id, id, path);
        jdbc.update("insert into contact_assignment (id, member_id, member_name, community_id, household_id, area_path, "
                        + "started_at, started_by, active_key, version) values (?, 1, '测试党员', ?, ?, ?, ?, '测试', ?, 0)",
                id, community, id, path, Timestamp.from(Instant.now().minusSeconds(daysAgo * 86_400L)), id);
    }

    private static JsonNode rowNamed(JsonNode rows, String areaName) {
        for (JsonNode r : rows) {
            if (r.get("areaName").asString().equals(areaName)) {
                return r;
            }
        }
        throw new AssertionError("no row " + areaName + " in " + rows);
    }

    @Test
    void aSubdistrictOfficerSeesExactFiguresPerGridAndInTotalForAPeriod() {
        Response s = as("xinan").get("/api/v1/case-statistics?areaId=" + community + "&from=2026-03-02&to=2026-03-08");
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        JsonNode rows = s.get("rows");
        assertThat(rows).hasSize(3);

        JsonNode g1 = rowNamed(rows, name + "第一网格");
        assertThat(g1.get("cases").asLong()).isEqualTo(4);
        assertThat(g1.get("open").asLong()).isEqualTo(1);
        assertThat(g1.get("overdue").asLong()).isEqualTo(1);
        assertThat(g1.get("closed").asLong()).isEqualTo(2);
        assertThat(g1.get("onTime").asLong()).isEqualTo(1);
        assertThat(g1.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(g1.get("medianHandlingHours").asDouble()).isEqualTo(29.0);
        assertThat(g1.get("escalated").asLong()).isEqualTo(1);
        assertThat(g1.get("escalationRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(g1.get("contactHouseholds").asLong()).isEqualTo(2);
        assertThat(g1.get("visitedInTime").asLong()).isEqualTo(1);
        assertThat(g1.get("visitCoverage").asDouble()).isEqualTo(0.5);

        JsonNode g2 = rowNamed(rows, name + "第二网格");
        assertThat(g2.get("cases").asLong()).isEqualTo(2);
        assertThat(g2.get("overdue").asLong()).isZero();
        assertThat(g2.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(g2.get("medianHandlingHours").asDouble()).isEqualTo(4.0);
        assertThat(g2.get("escalationRate").asDouble()).isEqualTo(0.5);
        assertThat(g2.get("visitCoverage").isNull()).isTrue();

        JsonNode own = rowNamed(rows, name + "（本级）");
        assertThat(own.get("cases").asLong()).isEqualTo(1);
        assertThat(own.get("medianHandlingHours").asDouble()).isEqualTo(24.0);

        JsonNode total = s.get("total");
        assertThat(total.get("cases").asLong()).isEqualTo(7);
        assertThat(total.get("open").asLong()).isEqualTo(2);
        assertThat(total.get("overdue").asLong()).isEqualTo(1);
        assertThat(total.get("closed").asLong()).isEqualTo(4);
        assertThat(total.get("onTimeRate").asDouble()).isEqualTo(0.75);
        assertThat(total.get("medianHandlingHours").asDouble()).isEqualTo(17.0);
        assertThat(total.get("escalationRate").asDouble()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(total.get("visitCoverage").asDouble()).isEqualTo(0.5);

        assertThat(s.get("categories").get(0).get("code").asString()).isEqualTo("ENVIRONMENT");
        assertThat(s.get("categories").get(0).get("label").asString()).isEqualTo("人居环境");
        assertThat(s.get("categories").get(0).get("count").asLong()).isEqualTo(3);
        long closedState = 0;
        for (JsonNode st : s.get("states")) {
            if (st.get("code").asString().equals("CLOSED")) {
                closedState = st.get("count").asLong();
            }
        }
        assertThat(closedState).isEqualTo(3);
    }

    @Test
    void mediansTakeTheMiddleOfAnOddCountAndTheMeanOfTheTwoMiddlesOfAnEvenCountInWholeSeconds() {
        // April, apart from the March cases above; open and rejected cases never count in a median
        String day = "2026-04-02T";
        // grid 1, odd (3): 1 h, 2.5 h, 7 h → 2.5 h
        gridCase(grid1Path, "ENVIRONMENT", CaseState.CLOSED, day + "09:00:00", day + "10:00:00", null, false, false);
        gridCase(grid1Path, "ENVIRONMENT", CaseState.RATED, day + "09:00:00", day + "11:30:00", null, false, false);
        gridCase(grid1Path, "SAFETY", CaseState.CLOSED, day + "09:00:00", day + "16:00:00", null, true, false);
        gridCase(grid1Path, "SAFETY", CaseState.HANDLING, day + "09:00:00", null, china("2099-01-01T00:00:00"), false, false);
        // grid 2, even (4): 3,599 s (59 min 59.2 s), 2 h, 3 h 20 min 30 s, 10 h → (7,200 + 12,030) / 2 = 9,615 s = 2.7 h
        gridCase(grid2Path, "FACILITY", CaseState.CLOSED, day + "09:00:00.800", day + "10:00:00", null, false, false);
        gridCase(grid2Path, "FACILITY", CaseState.CLOSED, day + "09:00:00", day + "11:00:00", null, false, false);
        gridCase(grid2Path, "FACILITY", CaseState.RATED, day + "09:00:00", day + "12:20:30", null, false, false);
        gridCase(grid2Path, "FACILITY", CaseState.CLOSED, day + "08:00:00", day + "18:00:00", null, true, false);
        gridCase(grid2Path, "FACILITY", CaseState.REJECTED, day + "08:00:00", null, null, false, false);
        // the community's own, even (2), counted in whole seconds as before: 0.6 s → 0 and 359.6 s → 359, so the
        // median is 179.5 s = 0.0 h (to one decimal); fractional seconds would make it 180.1 s = 0.1 h
        gridCase(communityPath, "DISPUTE", CaseState.CLOSED, day + "09:00:00", day + "09:00:00.600", null, false, false);
        gridCase(communityPath, "DISPUTE", CaseState.CLOSED, day + "09:00:00", day + "09:05:59.600", null, false, false);

        Response s = as("xinan").get("/api/v1/case-statistics?areaId=" + community + "&from=2026-04-01&to=2026-04-07");
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        assertThat(rowNamed(s.get("rows"), name + "第一网格").get("medianHandlingHours").asDouble()).isEqualTo(2.5);
        assertThat(rowNamed(s.get("rows"), name + "第一网格").get("closed").asLong()).isEqualTo(3);
        assertThat(rowNamed(s.get("rows"), name + "第二网格").get("medianHandlingHours").asDouble()).isEqualTo(2.7);
        assertThat(rowNamed(s.get("rows"), name + "（本级）").get("medianHandlingHours").asDouble()).isEqualTo(0.0);
        // all 9 closed, odd: 0, 359, 3,599, 3,600, 7,200, 9,000, 12,030, 25,200, 36,000 s → the fifth, 2 h
        assertThat(s.get("total").get("closed").asLong()).isEqualTo(9);
        assertThat(s.get("total").get("medianHandlingHours").asDouble()).isEqualTo(2.0);
        assertThat(s.get("total").get("onTimeRate").asDouble()).isCloseTo(7.0 / 9, within(1e-9));

        // a period without closed cases has no median (null), not 0
        Response none = as("xinan").get("/api/v1/case-statistics?areaId=" + community + "&from=2026-05-01&to=2026-05-07");
        assertThat(none.get("total").get("cases").asLong()).isZero();
        assertThat(none.get("total").get("medianHandlingHours").isNull()).isTrue();
        assertThat(none.get("total").get("onTimeRate").isNull()).isTrue();
    }

    @Test
    void aCaseReportedAfterTheFiguresWereReadCountsAtOnce() {
        Http worker = as("grid3");
        String mine = "/api/v1/case-statistics"; // his grid, the last 30 days
        long before = worker.get(mine).get("total").get("cases").asLong();
        assertThat(worker.get(mine).get("total").get("cases").asLong()).isEqualTo(before);
        Response reported = worker.post("/api/v1/cases", java.util.Map.of("category", "ENVIRONMENT",
                "description", "统计缓存测试：河涌边垃圾", "longitude", 112.8962, "latitude", 23.1561, "coordSystem", "WGS84"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(worker.get(mine).get("total").get("cases").asLong()).isEqualTo(before + 1);
    }

    @Test
    void anAreaOutsideTheCallersScopeIsNotFoundAndABackwardPeriodIsRefused() {
        assertThat(as("beijiang").get("/api/v1/case-statistics?areaId=" + community).status()).isEqualTo(404);
        assertThat(as("grid3").get("/api/v1/case-statistics?areaId=" + grid1).status()).isEqualTo(404);
        assertThat(as("resident").get("/api/v1/case-statistics").status()).isEqualTo(403);

        Response backwards = as("xinan").get("/api/v1/case-statistics?areaId=" + community + "&from=2026-03-08&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(backwards.text()).contains("开始日期不能晚于结束日期");

        // a grid worker without an area gets his own grid's figures
        Response mine = as("grid3").get("/api/v1/case-statistics");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.get("areaName").asString()).isEqualTo("北江社区第三网格");
    }

    @Test
    void theExportIsAnXlsxWithOneLinePerGridAndTheTotalAndIsAudited() throws Exception {
        Http xinan = as("xinan");
        var file = xinan.getBytes("/api/v1/case-statistics.xlsx?areaId=" + community + "&from=2026-03-02&to=2026-03-08");
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("区域");
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(last.getCell(6).toString()).isEqualTo("75.0%");
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'case.statistics.export' and object_id = ?",
                Long.class, String.valueOf(community))).isEqualTo(1L);
    }
}
