package org.lianxin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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
 * 三单统计 over HTTP on a fixed small data set placed in 2019 (no other test or demo data lives there): exact counts per
 * state, the match rate, the medians, wishes and micro-projects, scope (another community's secretary gets 404, the
 * subdistrict sees both communities), the range filter, bad input and the Excel export with its audit entry.
 */
class MatchingStatisticsTests extends ApiTest {

    static final String RANGE = "from=2019-01-01&to=2019-12-31";
    static final AtomicLong IDS = new AtomicLong(900_000_000L);
    static boolean loaded;

    private static Instant at(String isoDate, double hoursAfter) {
        return Instant.parse(isoDate + "T01:00:00Z").plus(Duration.ofMinutes(Math.round(hoursAfter * 60)));
    }

    /** A need of the area submitted on the day; dispatched at 0h, taken and fulfilled after the given hours (or not). */
    private void need(String community, String state, String day, boolean dispatched, Double takeHours, Double fulfilHours) {
        Instant submitted = at(day, -1);
        Instant d = dispatched ? at(day, 0) : null;
        Instant t = takeHours == null ? null : at(day, takeHours);
        Instant f = fulfilHours == null ? null : t.plus(Duration.ofMinutes(Math.round(fulfilHours * 60)));
        jdbc.update("insert into need (id, title, description, category, urgency, area_path, identity_visibility, source, "
                + "state, submitted_by, submitted_on_behalf, submitted_at, pool, dispatched_at, taken_at, fulfilled_at, "
                + "confirmed_at, version) values (?, '统计用需求', '统计用', 'ELDERLY_CARE', 'NORMAL', ?, 'STAFF', 'STAFF', ?, "
                + "'统计测试', false, ?, false, ?, ?, ?, ?, 0)", IDS.incrementAndGet(), areaPath(community), state,
                ts(submitted), ts(d), ts(t), ts(f), "CLOSED".equals(state) ? ts(f) : null);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @BeforeEach
    void dataSet() {
        synchronized (MatchingStatisticsTests.class) {
            if (loaded) {
                return;
            }
            // 北江社区: 6 needs in 2019, 4 dispatched, 3 taken after 2h, 4h and 10h, 2 fulfilled after 24h and 48h
            need("北江社区", "SUBMITTED", "2019-03-01", false, null, null);
            need("北江社区", "DISPATCHED", "2019-03-01", true, null, null);
            need("北江社区", "TAKEN", "2019-03-02", true, 2.0, null);
            need("北江社区", "FULFILLED", "2019-03-03", true, 4.0, 24.0);
            need("北江社区", "CLOSED", "2019-03-04", true, 10.0, 48.0);
            need("北江社区", "CANCELLED", "2019-03-05", false, null, null);
            need("北江社区", "CLOSED", "2018-12-20", true, 1.0, 1.0); // before the range: never counted
            // 沙头社区: 2 needs, both dispatched, 1 taken after 1h and fulfilled after 6h
            need("沙头社区", "RETURNED", "2019-04-01", true, null, null);
            need("沙头社区", "CLOSED", "2019-04-02", true, 1.0, 6.0);

            // offers valid in 2019: one serving 北江社区, one serving the whole subdistrict (both communities)
            offer("北江社区");
            offer("西南街道");
            // pairings in 2019 (ended since) of two units of the test's own: one with 北江社区, one with 沙头社区
            pairing("北江社区");
            pairing("沙头社区");

            // service tasks starting in 2019: 10 places with 4 taken in 北江社区, and a cancelled one that does not count
            task("北江社区", "OPEN", 10, 4);
            task("北江社区", "CANCELLED", 5, 0);
            task("沙头社区", "COMPLETED", 3, 3);

            // wishes: 北江社区 one confirmed, one fulfilled and waiting; 沙头社区 none; a micro-project accepted in 沙头社区
            wish("北江社区", "CONFIRMED", true);
            wish("北江社区", "FULFILLED", false);
            wish("沙头社区", "CLAIMED", false);
            project("沙头社区", "ACCEPTED");
            project("沙头社区", "IN_PROGRESS");
            loaded = true;
        }
    }

    private void offer(String area) {
        long id = IDS.incrementAndGet();
        long unit = jdbc.queryForObject("select min(id) from partner_unit", Long.class);
        jdbc.update("insert into offer (id, owner_kind, unit_id, owner_name, title, description, category, "
                + "capacity_per_month, contact_name, contact_phone, valid_from, valid_until, withdrawn, created_at, version) "
                + "values (?, 'UNIT', ?, '统计单位', '统计用资源', '统计用', 'ELDERLY_CARE', 5, '联络人', '13800000000', "
                + "DATE '2019-01-01', DATE '2019-12-31', false, ?, 0)", id, unit, ts(at("2019-01-01", 0)));
        jdbc.update("insert into offer_area (offer_id, area_id, area_name, path) values (?, ?, ?, ?)", id, areaId(area),
                area, areaPath(area));
    }

    /** A unit of its own (no other test's unit gains a pairing), paired with the community for most of 2019. */
    private void pairing(String community) {
        long unit = IDS.incrementAndGet();
        jdbc.update("insert into partner_unit (id, name, kind, address, description, area_id, area_path, created_at, version) "
                + "values (?, ?, 'ENTERPRISE', null, '统计测试用', ?, ?, ?, 0)", unit, "统计测试单位" + unit,
                areaId("西南街道"), areaPath("西南街道"), ts(at("2019-01-01", 0)));
        jdbc.update("insert into partner_pairing (id, partner_unit_id, community_id, community_path, since, until, note, "
                + "active) values (?, ?, ?, ?, DATE '2019-02-01', DATE '2019-11-30', '统计用', false)",
                IDS.incrementAndGet(), unit, areaId(community), areaPath(community));
    }

    private void task(String area, String state, int places, int taken) {
        jdbc.update("insert into service_task (id, title, description, skills, place, starts_at, ends_at, places, taken, "
                + "area_path, area_name, state, created_by, created_at, version) values (?, '统计用任务', '统计用', 'x', "
                + "'活动室', ?, ?, ?, ?, ?, ?, ?, '统计测试', ?, 0)", IDS.incrementAndGet(), ts(at("2019-05-01", 0)),
                ts(at("2019-05-01", 2)), places, taken, areaPath(area), area, state, ts(at("2019-04-01", 0)));
    }

    private void wish(String area, String state, boolean confirmed) {
        boolean fulfilled = state.equals("FULFILLED") || state.equals("CONFIRMED");
        jdbc.update("insert into wish (id, title, story, category, estimated_value, resident_id, household_id, area_path, "
                + "state, submitted_by, submitted_on_behalf, submitted_at, fulfilled_at, confirmed_at, version) values "
                + "(?, '统计用心愿', '统计用', 'DAILY', 50, 1, 1, ?, ?, '统计测试', false, ?, ?, ?, 0)",
                IDS.incrementAndGet(), areaPath(area), state, ts(at("2019-05-01", 0)),
                fulfilled ? ts(at("2019-05-10", 0)) : null, confirmed ? ts(at("2019-05-12", 0)) : null);
    }

    private void project(String area, String state) {
        jdbc.update("insert into micro_project (id, title, description, budget, max_units, area_id, area_name, area_path, "
                + "state, published_by, published_at, accepted_at, version) values (?, '统计用项目', '统计用', 1000, 1, ?, ?, ?, "
                + "?, '统计测试', ?, ?, 0)", IDS.incrementAndGet(), areaId(area), area, areaPath(area), state,
                ts(at("2019-02-01", 0)), state.equals("ACCEPTED") ? ts(at("2019-08-01", 0)) : null);
    }

    private static JsonNode row(JsonNode view, String area) {
        for (JsonNode row : view.get("rows")) {
            if (row.get("area").get("name").asString().equals(area)) {
                return row.get("figures");
            }
        }
        throw new AssertionError("no row for " + area + " in " + view);
    }

    @Test
    void communitySecretarySeesExactFiguresOfHerCommunityIn2019() {
        Response got = as("beijiang").get("/api/v1/matching-statistics?" + RANGE);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().get("area").get("name").asString()).isEqualTo("北江社区");
        assertThat(got.json().get("from").asString()).isEqualTo("2019-01-01");
        JsonNode totals = got.get("totals");
        assertThat(totals.get("needs").asLong()).isEqualTo(6);
        JsonNode states = totals.get("needsByState");
        assertThat(Map.of("SUBMITTED", states.get("SUBMITTED").asLong(), "DISPATCHED", states.get("DISPATCHED").asLong(),
                "TAKEN", states.get("TAKEN").asLong(), "FULFILLED", states.get("FULFILLED").asLong(),
                "CLOSED", states.get("CLOSED").asLong(), "CANCELLED", states.get("CANCELLED").asLong(),
                "RETURNED", states.get("RETURNED").asLong()))
                .isEqualTo(Map.of("SUBMITTED", 1L, "DISPATCHED", 1L, "TAKEN", 1L, "FULFILLED", 1L, "CLOSED", 1L,
                        "CANCELLED", 1L, "RETURNED", 0L));
        assertThat(totals.get("dispatched").asLong()).isEqualTo(4);
        assertThat(totals.get("taken").asLong()).isEqualTo(3);
        assertThat(totals.get("matchRate").asDouble()).isEqualTo(0.75);
        assertThat(totals.get("medianHoursToTake").asDouble()).isEqualTo(4.0);
        assertThat(totals.get("medianHoursToFulfil").asDouble()).isEqualTo(36.0);
        assertThat(totals.get("offers").asLong()).isEqualTo(2);
        assertThat(totals.get("partnerUnits").asLong()).isEqualTo(1);
        assertThat(totals.get("serviceTasks").asLong()).isEqualTo(1);
        assertThat(totals.get("places").asLong()).isEqualTo(10);
        assertThat(totals.get("placesFilled").asLong()).isEqualTo(4);
        assertThat(totals.get("wishesFulfilled").asLong()).isEqualTo(2);
        assertThat(totals.get("wishesConfirmed").asLong()).isEqualTo(1);
        assertThat(totals.get("projectsAccepted").asLong()).isEqualTo(0);
        // the drill-down rows are her community's grids; the rows sit on the community itself, so no grid has any
        assertThat(got.json().get("rows").size()).isGreaterThan(0);
        assertThat(got.json().get("parent").isNull()).as("she cannot go up to the subdistrict").isTrue();
    }

    @Test
    void subdistrictSeesBothCommunitiesAndTheTotalsOverBoth() {
        Response got = as("xinan").get("/api/v1/matching-statistics?" + RANGE);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().get("area").get("name").asString()).isEqualTo("西南街道");
        JsonNode beijiang = row(got.json(), "北江社区");
        JsonNode shatou = row(got.json(), "沙头社区");
        assertThat(beijiang.get("needs").asLong()).isEqualTo(6);
        assertThat(shatou.get("needs").asLong()).isEqualTo(2);
        assertThat(shatou.get("needsByState").get("RETURNED").asLong()).isEqualTo(1);
        assertThat(shatou.get("matchRate").asDouble()).isEqualTo(0.5);
        assertThat(shatou.get("medianHoursToTake").asDouble()).isEqualTo(1.0);
        assertThat(shatou.get("medianHoursToFulfil").asDouble()).isEqualTo(6.0);
        assertThat(shatou.get("offers").asLong()).as("only the offer serving the whole subdistrict").isEqualTo(1);
        assertThat(shatou.get("partnerUnits").asLong()).isEqualTo(1);
        assertThat(shatou.get("placesFilled").asLong()).isEqualTo(3);
        assertThat(shatou.get("projectsAccepted").asLong()).isEqualTo(1);
        assertThat(shatou.get("wishesFulfilled").asLong()).isEqualTo(0);

        JsonNode totals = got.get("totals");
        assertThat(totals.get("needs").asLong()).isEqualTo(8);
        assertThat(totals.get("dispatched").asLong()).isEqualTo(6);
        assertThat(totals.get("taken").asLong()).isEqualTo(4);
        assertThat(totals.get("matchRate").asDouble()).isEqualTo(0.667);
        assertThat(totals.get("medianHoursToTake").asDouble()).as("median of 1, 2, 4 and 10 hours").isEqualTo(3.0);
        assertThat(totals.get("medianHoursToFulfil").asDouble()).as("median of 6, 24 and 48 hours").isEqualTo(24.0);
        assertThat(totals.get("offers").asLong()).isEqualTo(2);
        assertThat(totals.get("partnerUnits").asLong()).isEqualTo(2);
        assertThat(totals.get("places").asLong()).isEqualTo(13);
        assertThat(totals.get("wishesFulfilled").asLong()).isEqualTo(2);
        assertThat(totals.get("projectsAccepted").asLong()).isEqualTo(1);

        // drill down into 北江社区: same figures as its row, and the way back up
        Response down = as("xinan").get("/api/v1/matching-statistics?areaId=" + areaId("北江社区") + "&" + RANGE);
        assertThat(down.get("totals").get("needs").asLong()).isEqualTo(6);
        assertThat(down.get("totals").get("medianHoursToFulfil").asDouble()).isEqualTo(36.0);
        assertThat(down.get("parent").get("name").asString()).isEqualTo("西南街道");
    }

    @Test
    void anotherCommunitysSecretaryGets404AndPeopleWithoutTheRight403() {
        Response other = as("shatou").get("/api/v1/matching-statistics?areaId=" + areaId("北江社区") + "&" + RANGE);
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        Response up = as("beijiang").get("/api/v1/matching-statistics?areaId=" + areaId("西南街道"));
        assertThat(up.status()).isEqualTo(404);
        assertThat(as("resident").get("/api/v1/matching-statistics").status()).isEqualTo(403);
        assertThat(as("telecom").get("/api/v1/matching-statistics.xlsx").status()).isEqualTo(403);
        // 罗文斌 sees his own community: 2 needs in 2019
        Response own = as("shatou").get("/api/v1/matching-statistics?" + RANGE);
        assertThat(own.get("totals").get("needs").asLong()).isEqualTo(2);
    }

    @Test
    void theRangeFiltersAndABackwardRangeIsRefusedNamingTheField() {
        Response y2018 = as("beijiang").get("/api/v1/matching-statistics?from=2018-12-01&to=2018-12-31");
        assertThat(y2018.get("totals").get("needs").asLong()).isEqualTo(1);
        assertThat(y2018.get("totals").get("medianHoursToTake").asDouble()).isEqualTo(1.0);
        Response backwards = as("beijiang").language("zh-CN").get("/api/v1/matching-statistics?from=2019-12-31&to=2019-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("to").contains("结束日期不能早于开始日期");
        Response english = as("beijiang").language("en").get("/api/v1/matching-statistics?from=2019-12-31&to=2019-01-01");
        assertThat(english.text()).contains("The end date cannot be before the start date");
        Response garbage = as("beijiang").get("/api/v1/matching-statistics?from=yesterday");
        assertThat(garbage.status()).isEqualTo(400);
        // the default range is this year: the 2019 needs are not in it
        Response thisYear = as("beijiang").get("/api/v1/matching-statistics");
        assertThat(thisYear.status()).isEqualTo(200);
        assertThat(thisYear.get("from").asString()).endsWith("-01-01").doesNotStartWith("2019");
    }

    @Test
    void theExcelExportHasOneLinePerCommunityAndATotalAndIsAudited() throws Exception {
        Http xinan = as("xinan");
        Http.Download file = xinan.download("/api/v1/matching-statistics.xlsx?" + RANGE);
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("区域");
            assertThat(sheet.getRow(0).getCell(11).getStringCellValue()).isEqualTo("接单率");
            List<String> names = new java.util.ArrayList<>();
            Row beijiang = null;
            Row total = null;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                names.add(row.getCell(0).getStringCellValue());
                if (row.getCell(0).getStringCellValue().equals("北江社区")) {
                    beijiang = row;
                }
                if (row.getCell(0).getStringCellValue().startsWith("合计")) {
                    total = row;
                }
            }
            assertThat(names).contains("北江社区", "沙头社区", "合计 西南街道");
            assertThat(beijiang).isNotNull();
            assertThat(beijiang.getCell(3).toString()).startsWith("6");
            assertThat(beijiang.getCell(11).toString()).isEqualTo("0.75");
            assertThat(total.getCell(3).toString()).startsWith("8");
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'matching-statistics.export' "
                + "and object_id = ?", Long.class, String.valueOf(areaId("西南街道")))).isGreaterThanOrEqualTo(1L);
    }
}
