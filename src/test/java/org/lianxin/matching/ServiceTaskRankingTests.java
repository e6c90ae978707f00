package org.lianxin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;

/**
 * A member's service list is ranked by the database before it is paged: 刘明 (network, law; weekends and weekday
 * evenings) gets the best fitting tasks on page 0 and 1 even though they start later than tasks that fit him less.
 */
class ServiceTaskRankingTests extends ApiTest {

    private static String at(DayOfWeek day, int weeks, int hour) {
        return LocalDate.now().with(TemporalAdjusters.next(day)).plusWeeks(weeks)
                .atTime(LocalTime.of(hour, 0)).atZone(ServiceTask.ZONE).toInstant().toString();
    }

    private static String hoursLater(String start, int hours) {
        return Instant.parse(start).plusSeconds(3600L * hours).toString();
    }

    private String list(Http mei, String title, List<String> skills, String startsAt) {
        String name = unique(title);
        Response created = mei.post("/api/v1/service-tasks", Map.of("title", name, "description", "社区需要帮手",
                "skills", skills, "place", "北江社区党群服务中心", "startsAt", startsAt, "endsAt", hoursLater(startsAt, 2),
                "places", 3));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static List<String> titles(Response page) {
        List<String> titles = new ArrayList<>();
        page.get("content").forEach(t -> titles.add(t.get("title").asString()));
        return titles;
    }

    @Test
    void theBestFittingTasksComeFirstAcrossPagesEvenWhenTheyStartLater() {
        Http mei = as("beijiang");
        // listed so that the start order is the reverse of the fit order: paging before ranking would show the
        // early, poorly fitting tasks first
        String daytime = list(mei, "工作日白天网络维护", List.of("NETWORK"), at(DayOfWeek.MONDAY, 0, 9));       // 10
        String nothing = list(mei, "周末水电检修", List.of("PLUMBING"), at(DayOfWeek.SATURDAY, 0, 7));         // 5
        String evening = list(mei, "工作日晚间网络课堂", List.of("NETWORK"), at(DayOfWeek.WEDNESDAY, 1, 19));  // 15
        String later = list(mei, "周末法律与网络咨询（二）", List.of("LAW", "NETWORK"), at(DayOfWeek.SATURDAY, 1, 8)); // 25
        String best = list(mei, "周末法律与网络咨询（一）", List.of("NETWORK", "LAW"), at(DayOfWeek.SATURDAY, 1, 7)); // 25
        List<String> ours = List.of(daytime, nothing, evening, later, best);

        Http liu = as("member");
        Response all = liu.get("/api/v1/service-tasks?state=OPEN&size=100");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(titles(all).stream().filter(ours::contains).toList())
                .containsExactly(best, later, evening, daytime, nothing);
        // the whole list is in fit order: score, then the earliest start, then the id; the fit is shown per task
        List<JsonNode> rows = new ArrayList<>();
        all.get("content").forEach(rows::add);
        assertThat(rows).isSortedAccordingTo(Comparator.comparingInt((JsonNode t) -> -t.get("fit").get("score").asInt())
                .thenComparing(t -> Instant.parse(t.get("startsAt").asString()))
                .thenComparingLong(t -> t.get("id").asLong()));
        JsonNode bestRow = rows.stream().filter(t -> t.get("title").asString().equals(best)).findFirst().orElseThrow();
        assertThat(bestRow.get("fit").get("score").asInt()).isEqualTo(25);
        assertThat(bestRow.get("fit").get("time").asBoolean()).isTrue();
        assertThat(bestRow.get("fit").get("skills").toString()).contains("NETWORK", "LAW");

        // page 0 and 1 of size 2 are the first four of the ranked list, ours on top
        Response page0 = liu.get("/api/v1/service-tasks?state=OPEN&page=0&size=2");
        Response page1 = liu.get("/api/v1/service-tasks?state=OPEN&page=1&size=2");
        assertThat(titles(page0)).containsExactly(best, later);
        List<String> firstFour = new ArrayList<>(titles(page0));
        firstFour.addAll(titles(page1));
        assertThat(firstFour).isEqualTo(titles(all).subList(0, 4));
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("size").asInt()).isEqualTo(2);
        assertThat(page0.get("totalElements").asLong()).isEqualTo(all.get("totalElements").asLong())
                .isEqualTo(rows.size());
        assertThat(page0.get("totalPages").asInt()).isEqualTo((rows.size() + 1) / 2);
    }
}
