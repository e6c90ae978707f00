package org.lianxin.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Deadlines over the working calendar: holidays, adjusted weekends, office hours; loading a year. */
class WorkingCalendarTests extends ApiTest {

    private String deadline(String start, String field, int amount) {
        Response r = as("beijiang").post("/api/v1/working-calendar/deadline", Map.of("start", start, field, amount));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.get("deadline").asString();
    }

    @Test
    void threeWorkingDaysFromTheEveOfNationalDayEndOnTheAdjustedSaturday() {
        // 10-01..10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat worked (调休上班): the third working day
        assertThat(deadline("2026-09-30T02:00:00Z", "workingDays", 3)).isEqualTo("2026-10-10T09:30:00Z");
    }

    @Test
    void workingDaysAreCountedFromTheNextDayAndEndAtClosingTime() {
        // reported Friday 2026-11-20 10:00 Beijing time: Mon 23 (1), Tue 24 (2) -> 17:30 Beijing = 09:30Z
        assertThat(deadline("2026-11-20T02:00:00Z", "workingDays", 2)).isEqualTo("2026-11-24T09:30:00Z");
    }

    @Test
    void workingHoursSkipTheNightTheWeekendAndTheLunchBreak() {
        // Friday 16:30 + 4 h: 16:30-17:30 Friday, then Monday 08:30-11:30
        assertThat(deadline("2026-11-20T08:30:00Z", "workingHours", 4)).isEqualTo("2026-11-23T03:30:00Z");
        // Tuesday 11:00 + 2 h: 11:00-12:00, lunch, 14:00-15:00
        assertThat(deadline("2026-11-24T03:00:00Z", "workingHours", 2)).isEqualTo("2026-11-24T07:00:00Z");
        // a start on a holiday begins at the next opening: 2026-10-01 -> Thu 10-08 08:30 + 1 h
        assertThat(deadline("2026-10-01T02:00:00Z", "workingHours", 1)).isEqualTo("2026-10-08T01:30:00Z");
    }

    @Test
    void aYearNobodyLoadedFollowsTheWeekAndSaysSo() {
        Response r = as("beijiang").post("/api/v1/working-calendar/deadline",
                Map.of("start", "2099-01-02T02:00:00Z", "workingDays", 1));
        assertThat(r.get("deadline").asString()).isEqualTo("2099-01-05T09:30:00Z"); // Friday -> Monday
        assertThat(r.get("yearLoaded").asBoolean()).isFalse();
        assertThat(as("beijiang").get("/api/v1/working-calendar?year=2099").get("loaded").asBoolean()).isFalse();
    }

    @Test
    void theDemoYearIsLoadedWithItsSource() {
        Response year = as("grid3").get("/api/v1/working-calendar?year=2026");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.get("loaded").asBoolean()).isTrue();
        assertThat(year.get("holidays").asInt()).isEqualTo(19);
        assertThat(year.get("workdays").asInt()).isEqualTo(6);
        assertThat(year.text()).contains("国庆节", "春节调休上班");
    }

    private static ObjectNode year(int year, Long version, String... days) {
        ObjectNode form = Http.JSON.createObjectNode().put("year", year).put("source", "测试通知");
        if (version != null) {
            form.put("version", version);
        }
        ArrayNode list = form.putArray("days");
        for (String day : days) {
            String[] p = day.split(",");
            list.addObject().put("date", p[0]).put("kind", p[1]).put("name", p[2]);
        }
        return form;
    }

    @Test
    void theAdministratorReplacesAYearAndItIsAudited() {
        Http sysadmin = as("sysadmin");
        Response first = sysadmin.put("/api/v1/working-calendar",
                year(2031, null, "2031-10-01,HOLIDAY,国庆节", "2031-10-02,HOLIDAY,国庆节", "2031-09-28,WORKDAY,国庆节调休上班"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.get("holidays").asInt()).isEqualTo(2);
        long version = first.get("version").asLong();

        Response second = sysadmin.put("/api/v1/working-calendar", year(2031, version, "2031-10-01,HOLIDAY,国庆节"));
        assertThat(second.get("days").size()).isEqualTo(1);
        assertThat(second.get("loadedBy").asString()).isNotBlank();

        Response stale = sysadmin.put("/api/v1/working-calendar", year(2031, version, "2031-10-02,HOLIDAY,国庆节"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(as("beijiang").get("/api/v1/working-calendar?year=2031").get("days").size()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'calendar.load' and object_id = '2031'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void onlyTheDistrictAdministratorChangesTheCalendar() {
        assertThat(as("beijiang").put("/api/v1/working-calendar", year(2032, null, "2032-10-01,HOLIDAY,国庆节")).status())
                .isEqualTo(403);
        assertThat(as("auditor").get("/api/v1/working-calendar?year=2026").status()).isEqualTo(403);
    }

    @Test
    void badDaysAreNamedOneByOneAndNothingIsSaved() {
        Response r = as("sysadmin").put("/api/v1/working-calendar", year(2033, null,
                "2033-10-03,HOLIDAY,国庆节",      // ok (Monday)
                "2033-10-01,HOLIDAY,国庆节",      // a Saturday: already off
                "2033-10-04,WORKDAY,调休",        // a Tuesday: already worked
                "2034-01-01,HOLIDAY,元旦",        // another year
                "2033-10-03,HOLIDAY,国庆节"));    // twice
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("days[1].kind", "days[2].kind", "days[3].date", "days[4].date")
                .doesNotContain("days[0]");
        assertThat(r.text()).contains("本就休息");
        assertThat(as("sysadmin").get("/api/v1/working-calendar?year=2033").get("days").size()).isZero();

        assertThat(as("sysadmin").put("/api/v1/working-calendar", year(1999, null)).status()).isEqualTo(400);
        Response both = as("beijiang").post("/api/v1/working-calendar/deadline",
                Map.of("start", "2026-11-24T02:00:00Z", "workingDays", 1, "workingHours", 2));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.get("errors").get(0).get("field").asString()).isEqualTo("workingDays");
        assertThat(as("beijiang").post("/api/v1/working-calendar/deadline", Map.of("start", "昨天", "workingDays", 1))
                .status()).isEqualTo(400);
    }
}
