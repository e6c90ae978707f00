package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Hours and participation reports on a small fixed data set: March 2031 (no other test or demo record is there),
 * two activities with confirmed attendance (one in 北江社区 run by a service team for a campaign action, one in 沙头社区),
 * a no-show, and an attendance in April that the period leaves out.
 */
class VolunteerReportTests extends ApiTest {

    @Autowired
    SignUpDesk desk;
    @Autowired
    ActivityRepository activities;
    @Autowired
    org.lianxin.shared.Ids ids;

    private static final String MARCH = "from=2031-03-01&to=2031-03-31";

    private long activity(String community, String start) {
        return activity(community, start, Activity.OrganiserKind.COMMUNITY, community + "党委");
    }

    private long activity(String community, String start, Activity.OrganiserKind kind, String organiser) {
        Instant at = Instant.parse(start);
        Activity activity = new Activity(ids.next("activity_seq"), new Activity.Where(areaId(community), community,
                areaPath(community)), new Activity.Details("统计测试活动", null, community, at, at.plus(Duration.ofHours(3)),
                null, null, 20, List.of(), null, kind, organiser), 1L, "测试", Instant.now());
        return activities.saveAndFlush(activity).id();
    }

    private void attended(long activity, long member, String name, Integer minutes) {
        SignUp signUp = desk.signUp(activity, new SignUpDesk.Volunteer(member, null, name), Instant.now());
        jdbc.update("update sign_up set state = ?, minutes = ? where id = ?", minutes == null ? "NO_SHOW" : "ATTENDED",
                minutes, signUp.id());
    }

    private static String line(JsonNode l) {
        return l.get("name").asString() + ":" + l.get("activities").asLong() + "/" + l.get("members").asLong() + "/"
                + l.get("attendances").asLong() + "/" + l.get("minutes").asLong();
    }

    private static List<String> lines(Response report) {
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.get("lines").get("content").valueStream().map(VolunteerReportTests::line).toList();
    }

    @Test
    void hoursAndParticipationPerMemberTeamCommunityAndCampaignAreSummedInScopeForThePeriod() throws Exception {
        long base = 93_000_000L + (System.nanoTime() % 1_000_000L) * 10;
        long team = jdbc.queryForObject("select min(id) from service_team", Long.class);
        String teamName = jdbc.queryForObject("select name from service_team where id = ?", String.class, team);
        long action = jdbc.queryForObject("select min(id) from campaign_action", Long.class);
        String campaign = jdbc.queryForObject("select c.name from campaign c join campaign_action a on a.campaign_id = "
                + "c.id where a.id = ?", String.class, action);

        long beijiang = activity("北江社区", "2031-03-05T01:00:00Z");
        jdbc.update("update activity set service_team_id = ?, campaign_action_id = ? where id = ?", team, action,
                beijiang);
        try {
            reportsAreSummed(team, teamName, campaign, beijiang, base);
        } finally {
            // the demo team and campaign action are shared with ServiceTeamTests and CampaignTests: give them back
            jdbc.update("update activity set service_team_id = null, campaign_action_id = null where id = ?", beijiang);
        }
    }

    private void reportsAreSummed(long team, String teamName, String campaign, long beijiang, long base) throws Exception {
        attended(beijiang, base + 1, "统计甲", 120);
        attended(beijiang, base + 2, "统计乙", 90);
        attended(beijiang, base + 3, "统计丙", null);
        long shatou = activity("沙头社区", "2031-03-10T01:00:00Z");
        attended(shatou, base + 1, "统计甲", 60);
        attended(shatou, base + 4, "统计丁", 30);
        long april = activity("北江社区", "2031-04-02T01:00:00Z");
        attended(april, base + 1, "统计甲", 600);

        Http xinan = as("xinan");
        Response members = xinan.get("/api/v1/volunteer-reports?by=MEMBER&" + MARCH);
        assertThat(lines(members)).containsExactly("统计甲:2/1/2/180", "统计乙:1/1/1/90", "统计丁:1/1/1/30");
        assertThat(members.get("activities").asLong()).isEqualTo(2);
        assertThat(members.get("members").asLong()).isEqualTo(3);
        assertThat(members.get("attendances").asLong()).isEqualTo(4);
        assertThat(members.get("minutes").asLong()).isEqualTo(300);
        assertThat(lines(xinan.get("/api/v1/volunteer-reports?by=COMMUNITY&" + MARCH)))
                .containsExactly("北江社区:1/2/2/210", "沙头社区:1/2/2/90");
        assertThat(lines(xinan.get("/api/v1/volunteer-reports?by=TEAM&" + MARCH))).containsExactly(teamName + ":1/2/2/210");
        assertThat(lines(xinan.get("/api/v1/volunteer-reports?by=CAMPAIGN&" + MARCH)))
                .containsExactly(campaign + ":1/2/2/210");
        assertThat(lines(xinan.get("/api/v1/volunteer-reports?by=MEMBER&from=2031-03-01&to=2031-04-30")))
                .startsWith("统计甲:3/1/3/780");
        Response paged = xinan.get("/api/v1/volunteer-reports?by=MEMBER&size=2&page=1&" + MARCH);
        assertThat(lines(paged)).containsExactly("统计丁:1/1/1/30");
        assertThat(paged.get("lines").get("totalElements").asLong()).isEqualTo(3);

        // the secretary of 北江社区 sees her community only; a member sees no report
        Response hers = as("beijiang").get("/api/v1/volunteer-reports?by=COMMUNITY&" + MARCH);
        assertThat(lines(hers)).containsExactly("北江社区:1/2/2/210");
        assertThat(hers.get("minutes").asLong()).isEqualTo(210);
        assertThat(as("member").get("/api/v1/volunteer-reports").status()).isEqualTo(403);
        Response bad = xinan.get("/api/v1/volunteer-reports?by=PLANET&from=2031-03-31&to=2031-03-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("by");

        // the Excel file holds the same figures in hours, and the export is audited
        Http.Bytes xlsx = xinan.getBytes("/api/v1/volunteer-reports/export?by=COMMUNITY&" + MARCH);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("社区");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("服务时长（小时）");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("北江社区");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(3.5);
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(1.5);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'volunteer-report.export'", Integer.class))
                .isGreaterThanOrEqualTo(1));
    }

    /**
     * May 2031 (no other record): two activities of 北江社区's first grid branch, one of 沙头社区's, one of a partner
     * unit in 北江社区, one of the community itself (in neither report), and a no-show.
     */
    @Test
    void hoursPerGridBranchAndPerPartnerUnitAreSummedFromTheActivitiesTheyPublished() throws Exception {
        long base = 94_000_000L + (System.nanoTime() % 1_000_000L) * 10;
        String may = "from=2031-05-01&to=2031-05-31";
        String branch = unique("北江第一网格党支部");
        String otherBranch = unique("沙头第二网格党支部");
        String unit = unique("统计共建单位党委");
        long first = activity("北江社区", "2031-05-03T01:00:00Z", Activity.OrganiserKind.GRID_BRANCH, branch);
        long second = activity("北江社区", "2031-05-10T01:00:00Z", Activity.OrganiserKind.GRID_BRANCH, branch);
        long shatou = activity("沙头社区", "2031-05-11T01:00:00Z", Activity.OrganiserKind.GRID_BRANCH, otherBranch);
        long partner = activity("北江社区", "2031-05-12T01:00:00Z", Activity.OrganiserKind.PARTNER_UNIT, unit);
        long community = activity("北江社区", "2031-05-13T01:00:00Z");
        attended(first, base + 1, "支部甲", 120);
        attended(first, base + 2, "支部乙", 60);
        attended(second, base + 1, "支部甲", 90);
        attended(second, base + 3, "支部丙", null);
        attended(shatou, base + 4, "支部丁", 45);
        attended(partner, base + 1, "支部甲", 30);
        attended(partner, base + 5, "单位戊", 150);
        attended(community, base + 2, "支部乙", 500);

        Http xinan = as("xinan");
        Response branches = xinan.get("/api/v1/volunteer-reports?by=GRID_BRANCH&" + may);
        assertThat(lines(branches)).containsExactly(branch + ":2/2/3/270", otherBranch + ":1/1/1/45");
        assertThat(branches.get("lines").get("content").get(0).get("id").asLong()).isEqualTo(1);
        assertThat(branches.get("minutes").asLong()).as("totals are over every activity in the period")
                .isEqualTo(995);
        assertThat(lines(xinan.get("/api/v1/volunteer-reports?by=PARTNER_UNIT&" + may)))
                .containsExactly(unit + ":1/2/2/180");
        // scope: 北江社区's secretary sees her branch and unit only
        assertThat(lines(as("beijiang").get("/api/v1/volunteer-reports?by=GRID_BRANCH&" + may)))
                .containsExactly(branch + ":2/2/3/270");
        assertThat(lines(as("shatou").get("/api/v1/volunteer-reports?by=PARTNER_UNIT&" + may))).isEmpty();

        Http.Bytes xlsx = xinan.getBytes("/api/v1/volunteer-reports/export?by=GRID_BRANCH&" + may);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("网格党支部");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(branch);
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(4.5);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
        Http.Bytes english = as("xinan").language("en").getBytes("/api/v1/volunteer-reports/export?by=PARTNER_UNIT&" + may);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(english.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Partner unit");
            assertThat(book.getSheetAt(0).getRow(1).getCell(4).getNumericCellValue()).isEqualTo(3.0);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'volunteer-report.export' and object_id = 'GRID_BRANCH'",
                Integer.class)).isGreaterThanOrEqualTo(1));
    }
}
