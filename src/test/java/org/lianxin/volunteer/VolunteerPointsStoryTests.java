package org.lianxin.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.PdfText;

import tools.jackson.databind.JsonNode;

/**
 * Story S7 end to end over HTTP, at the seed's size: 120 members of 北江社区 sign up for the dengue clean-up (five
 * more join the waitlist), check in and out on site with the rotating code, the organiser confirms, and every
 * attendee's points balance and hours grow by 西南街道's rule; the certificate shows the hours.
 * <p>
 * The 125 members are made in the database as the member import and registration would leave them (a login
 * account with the MEMBER role, a member record, an approved registration with 北江社区), copied from 刘明's.
 * Where time must pass the test moves the recorded times back, as {@link ActivityStoryTests} does.
 */
class VolunteerPointsStoryTests extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.lianxin.shared.PersonalDataCipher cipher;

    private static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "何", "吴", "林", "冯", "罗", "邓", "麦"};
    private static final String[] GIVEN = {"志明", "秀英", "伟强", "丽娟", "建华", "慧敏", "国栋", "美玲", "家豪",
            "少芬", "锦荣", "晓燕"};

    /** Makes {@code count} registered members of 北江社区 with login accounts; returns their usernames. */
    private List<String> members(int count) {
        long base = 960_000_000L + (System.nanoTime() % 100_000L) * 1_000L;
        long liuAccount = jdbc.queryForObject("select id from account where username = 'member'", Long.class);
        long liuMember = jdbc.queryForObject("select min(id) from member where account_id = ?", Long.class, liuAccount);
        long community = areaId("北江社区");
        long liuRegistration = jdbc.queryForObject("select min(id) from registration where member_id = ? and "
                + "community_id = ? and state = 'APPROVED'", Long.class, liuMember, community);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = base + i;
            String username = "s7v" + id;
            String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
            // an invented ID number in region 45 (the generator's), sealed like every other
            var sealed = cipher.seal(String.format("45%016d", id % 10_000_000_000_000_000L));
            jdbc.update("insert into account (id, username, display_name, password_hash, enabled, demo, created_at, "
                    + "password_changed_at, version) select ?, ?, ?, password_hash, enabled, demo, created_at, "
                    + "password_changed_at, 0 from account where id = ?", id, username, name, liuAccount);
            jdbc.update("insert into role_assignment (id, account_id, role, area_id, assigned_at) select ?, ?, role, "
                    + "area_id, assigned_at from role_assignment where account_id = ?", id, id, liuAccount);
            jdbc.update("insert into member (id, name, gender, id_number_cipher, id_number_index, community_id, "
                    + "building_id, area_path, employment, joined_on, skills, account_id, username, created_at, version) "
                    + "select ?, ?, gender, ?, ?, community_id, building_id, area_path, employment, joined_on, skills, ?, "
                    + "?, created_at, 0 from member where id = ?", id, name, sealed.cipherText(), sealed.blindIndex(), id, username,
                    liuMember);
            jdbc.update("insert into registration (id, member_id, community_id, community_path, grid_id, skills, "
                    + "availability, state, active_key, applied_at, decided_at, decided_by, branch_id, group_id, "
                    + "version) select ?, ?, community_id, community_path, grid_id, skills, availability, state, ?, "
                    + "applied_at, decided_at, decided_by, branch_id, group_id, 0 from registration where id = ?",
                    id, id, id + ":" + community, liuRegistration);
            usernames.add(username);
        }
        return usernames;
    }

    /** The subdistrict officer sets 西南街道's points per hour of activity (other rates as they are). */
    private void pointsPerHour(int perHour) {
        Http xinan = as("xinan");
        long subdistrict = areaId("西南街道");
        Map<String, Object> form = new HashMap<>(Map.of("perActivityHour", perHour, "perWish", 20, "perNeed", 15,
                "perServiceTask", 10, "perMailboxAnswer", 2));
        for (JsonNode r : xinan.get("/api/v1/points/rules").json().get("subdistricts")) {
            if (r.get("subdistrictId").asLong() == subdistrict && !r.get("version").isNull()) {
                form.put("version", r.get("version").asLong());
            }
        }
        Response set = xinan.put("/api/v1/points/rules/" + subdistrict, form);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    private <T> List<T> inParallel(List<java.util.concurrent.Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    @Test
    void s7_120MembersSignUpForTheDengueCleanUpCheckInOnSiteAndEachAttendeeEarnsPointsAndHoursByTheSubdistrictsRule()
            throws Exception {
        pointsPerHour(15);
        List<String> usernames = members(125);
        List<Http> people = new ArrayList<>();
        for (String username : usernames) {
            people.add(as(username));
        }
        Http mei = as("beijiang");
        String title = unique("登革热防控清积水大扫除");
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("description", "清理积水容器，翻盆倒罐，清除蚊虫孳生地");
        form.put("areaId", areaId("北江社区"));
        form.put("place", "北江社区党群服务中心门前");
        form.put("startsAt", start.toString());
        form.put("endsAt", start.plus(Duration.ofHours(3)).toString());
        form.put("capacity", 120);
        form.put("skills", List.of());
        form.put("organiserKind", "COMMUNITY");
        form.put("organiserName", "北江社区党委");
        Response created = mei.post("/api/v1/activities", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();

        // 125 members sign up at once: 120 hold a place, 5 wait
        List<java.util.concurrent.Callable<Response>> signUps = new ArrayList<>();
        for (Http person : people) {
            signUps.add(() -> person.post("/api/v1/activities/" + id + "/sign-ups", Map.of()));
        }
        List<Response> answers = inParallel(signUps);
        Map<String, Integer> states = new HashMap<>();
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            states.merge(answer.get("state").asString(), 1, Integer::sum);
        }
        assertThat(states).isEqualTo(Map.of("SIGNED_UP", 120, "WAITLISTED", 5));
        assertThat(mei.get("/api/v1/activities/" + id + "/sign-ups?size=100").get("totalElements").asLong())
                .isEqualTo(125);
        List<Http> placed = new ArrayList<>();
        List<Http> waiting = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            (answers.get(i).get("state").asString().equals("SIGNED_UP") ? placed : waiting).add(people.get(i));
        }

        // the day comes; it started half an hour ago: each scans the organiser's rotating code and checks in
        jdbc.update("update activity set starts_at = ?, ends_at = ?, sign_up_closes_at = ? where id = ?",
                at(Instant.now().minus(Duration.ofMinutes(30))), at(Instant.now().plus(Duration.ofMinutes(150))),
                at(Instant.now().minus(Duration.ofMinutes(30))), id);
        jdbc.update("update sign_up set starts_at = (select starts_at from activity where id = ?), ends_at = "
                + "(select ends_at from activity where id = ?) where activity_id = ?", id, id, id);
        String code = mei.get("/api/v1/activities/" + id + "/check-in-code").get("code").asString();
        List<java.util.concurrent.Callable<Response>> scans = new ArrayList<>();
        for (Http person : placed) {
            scans.add(() -> person.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", code)));
        }
        for (Response in : inParallel(scans)) {
            assertThat(in.status()).as(in.toString()).isEqualTo(200);
            assertThat(in.get("state").asString()).isEqualTo("CHECKED_IN");
        }
        Response notPlaced = waiting.get(0).post("/api/v1/activities/" + id + "/check-ins", Map.of("code", code));
        assertThat(notPlaced.status()).as("the waitlisted do not check in").isEqualTo(409);

        // they worked through the morning (their check-in is moved three hours back); a fresh code checks them out
        jdbc.update("update sign_up set checked_in_at = ? where activity_id = ? and state = 'CHECKED_IN'",
                at(Instant.now().minus(Duration.ofHours(3))), id);
        String later = mei.get("/api/v1/activities/" + id + "/check-in-code").get("code").asString();
        scans.clear();
        for (Http person : placed) {
            scans.add(() -> person.post("/api/v1/activities/" + id + "/check-ins", Map.of("code", later)));
        }
        for (Response out : inParallel(scans)) {
            assertThat(out.get("state").asString()).as(out.toString()).isEqualTo("CHECKED_OUT");
        }

        // the activity ran exactly two hours, ending before anyone left: hours are capped by its time
        Instant firstOut = jdbc.queryForObject("select min(checked_out_at) from sign_up where activity_id = ?",
                Timestamp.class, id).toInstant().truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("update activity set starts_at = ?, ends_at = ? where id = ?",
                at(firstOut.minus(Duration.ofHours(2))), at(firstOut), id);
        jdbc.update("update sign_up set starts_at = ?, ends_at = ? where activity_id = ?",
                at(firstOut.minus(Duration.ofHours(2))), at(firstOut), id);
        Response confirmed = mei.post("/api/v1/activities/" + id + "/attendance/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.get("attended").asInt()).isEqualTo(120);
        assertThat(confirmed.get("minutes").asInt()).isEqualTo(120 * 120);

        // every attendee: 2 hours × 15 points = 30 points, 120 minutes, the activity named in his history
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from points_entry where source_type = 'ACTIVITY' and holder_member_id in "
                        + "(select member_id from sign_up where activity_id = ?)", Integer.class, id) == 120);
        for (Http person : placed) {
            Response mine = person.get("/api/v1/points/mine?size=100");
            assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
            assertThat(mine.get("balance").asLong()).isEqualTo(30);
            assertThat(mine.get("minutes").asLong()).isEqualTo(120);
            assertThat(mine.text()).contains("参加志愿服务活动「" + title + "」，服务 2.0 小时");
        }
        for (Http person : waiting) {
            assertThat(person.get("/api/v1/points/mine").get("balance").asLong()).as("the waitlisted earn nothing")
                    .isZero();
        }

        // the certificate shows the two hours and the activity
        Http.Bytes pdf = placed.get(0).getBytes("/api/v1/points/certificate/mine");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(PdfText.of(pdf.body())).contains("志愿服务时长证明").contains("北江社区").contains(title)
                .contains("2.0 小时");
    }
}
