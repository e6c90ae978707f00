package org.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.PdfText;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Story S4 over HTTP, and the ways building-leader and mailbox requests go wrong: a recommendation of
 * somebody who is no member, a second pending nomination, a second approval, a second active leader
 * of a building, photos that are too large or no images, an empty letter; and another community's
 * staff, who see none of it.
 */
class BuildingLeaderStoryTests extends ApiTest {

    static final String PNG = BuildingLeaderDemo.PHOTO;

    @Autowired
    MailboxSchedule schedule;

    private long building(String compound, String name) {
        return jdbc.queryForObject("select b.id from area b join area c on c.id = b.parent_id where c.name = ? and b.name = ?",
                Long.class, compound, name);
    }

    private long memberId(String name) {
        return jdbc.queryForObject("select min(id) from member where name = ?", Long.class, name);
    }

    private JsonNode openRecruitment(String compound, List<Long> buildings) {
        Response r = as("beijiang").post("/api/v1/building-leader-recruitments", Map.of("compoundId", areaId(compound),
                "title", compound + "党员楼长招募令", "body", "面向本小区党员招募楼长，欢迎自荐和推荐。", "buildingIds", buildings,
                "closesOn", LocalDate.now().plusDays(14).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private long recommend(long recruitment, String member, List<Long> buildings) {
        Response r = as("resident").post("/api/v1/building-leader-recruitments/" + recruitment + "/nominations",
                Map.of("kind", "RECOMMENDATION", "memberId", memberId(member), "buildingIds", buildings,
                        "statement", "热心肠，邻居都信得过"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.get("id").asLong();
    }

    /** The daily job as the scheduler runs it, with the lock of an earlier run (this or another test run) released. */
    private void runTheDailyJob() {
        jdbc.update("update shedlock set lock_until = current_timestamp where name = 'mailbox-overdue'");
        schedule.notifyOverdueAndExpireTerms();
    }

    /** Ends any active term covering the building, so that the story can appoint anew (the demo has one). */
    private void freeBuilding(long buildingId) {
        Http staff = as("beijiang");
        for (JsonNode l : staff.get("/api/v1/building-leaders?state=ACTIVE&buildingId=" + buildingId).get("content")) {
            assertThat(staff.post("/api/v1/building-leaders/" + l.get("id").asLong() + "/dismiss",
                    Map.of("reason", "换届")).status()).isEqualTo(200);
        }
    }

    /** Waits for a notification with this title in the account's inbox (delivered after commit) and returns its text. */
    private static String awaitInbox(Http http, String title, String bodyPart) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String inbox = http.get("/api/v1/notifications?size=50").text();
            assertThat(inbox).contains(title).contains(bodyPart);
            found[0] = inbox;
        });
        return found[0];
    }

    @Test
    void s4_aCompoundRecruitsBuildingLeadersLiSelfNominatesAResidentRecommendsAnotherTheCommitteeApprovesLettersAreIssuedAndResidentsGetAnswersFromTheMailbox() {
        long one = building("时代城小区", "1座");
        long three = building("时代城小区", "3座");
        freeBuilding(one);
        freeBuilding(three);
        Http staff = as("beijiang");
        Http li = as("louzhang");
        Http resident = as("resident");

        // the community opens a recruitment; members and residents of the community see it on mobile
        long recruitment = openRecruitment("时代城小区", List.of(one, three)).get("id").asLong();
        assertThat(li.get("/api/v1/building-leader-recruitments?open=true").text()).contains("时代城小区党员楼长招募令");
        assertThat(resident.get("/api/v1/building-leader-recruitments/" + recruitment).status()).isEqualTo(200);

        // 林志强 nominates himself for 1座
        Response self = li.post("/api/v1/building-leader-recruitments/" + recruitment + "/nominations",
                Map.of("kind", "SELF", "buildingIds", List.of(one), "statement", "我住1座十多年，愿为邻居服务"));
        assertThat(self.status()).as(self.toString()).isEqualTo(201);
        assertThat(self.get("kind").asString()).isEqualTo("SELF");

        // 陈美玲 recommends 何秀英 for 3座, picked from the members living in the compound (phones masked)
        JsonNode candidates = resident.get("/api/v1/building-leader-recruitments/" + recruitment + "/candidates").json();
        assertThat(candidates.toString()).contains("何秀英").doesNotContain("13700001003");
        long he = jdbc.queryForObject("select min(id) from member where name = '何秀英'", Long.class);
        Response recommended = resident.post("/api/v1/building-leader-recruitments/" + recruitment + "/nominations",
                Map.of("kind", "RECOMMENDATION", "memberId", he, "buildingIds", List.of(three), "statement", "何阿姨热心"));
        assertThat(recommended.status()).as(recommended.toString()).isEqualTo(201);
        assertThat(resident.get("/api/v1/building-leader-nominations/mine").text()).contains("何秀英");

        // the committee approves both; 林志强 is leader of 1座 with a letter
        Response approved = staff.post("/api/v1/building-leader-nominations/" + self.get("id").asLong() + "/approve",
                Map.of("buildingIds", List.of(one)));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(LocalDate.parse(approved.get("termEnd").asString()))
                .isEqualTo(LocalDate.parse(approved.get("termStart").asString()).plusYears(3).minusDays(1));
        long leaderId = approved.get("id").asLong();
        assertThat(staff.post("/api/v1/building-leader-nominations/" + recommended.get("id").asLong() + "/approve",
                Map.of()).status()).isEqualTo(200);

        Http.Bytes letter = li.getBytes("/api/v1/building-leaders/" + leaderId + "/letter");
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.contentType()).startsWith("application/pdf");
        String text = PdfText.of(letter.body()).replaceAll("\\s+", "");
        assertThat(text).contains("聘书", "兹聘请林志强同志为时代城小区1座党员楼长", "中共北江社区委员会",
                approved.get("letterNumber").asString());
        assertThat(li.get("/api/v1/building-leaders/mine").text()).contains(approved.get("letterNumber").asString());

        // the nominee hears of it, and so does the resident who recommended 何秀英
        awaitInbox(li, "楼长提名已通过", "林志强已被聘为1座党员楼长");
        awaitInbox(resident, "楼长提名已通过", "何秀英已被聘为3座党员楼长");

        // his account now holds the building-leader role at 1座
        assertThat(li.get("/api/v1/auth/me").text()).contains("BUILDING_LEADER");
        assertThat(jdbc.queryForObject("select count(*) from role_assignment r join account a on a.id = r.account_id "
                + "where a.username = 'louzhang' and r.role = 'BUILDING_LEADER' and r.area_id = ?", Long.class, one))
                .isEqualTo(1L);

        // 陈美玲 writes to 1座's mailbox, anonymous toward neighbours, with a photo
        Response written = resident.post("/api/v1/mailbox-messages", Map.of("text", "楼道声控灯坏了，晚上看不见台阶",
                "anonymous", true, "photos", List.of(Map.of("data", "data:image/png;base64," + PNG))));
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        long message = written.get("id").asLong();
        assertThat(written.get("buildingId").asLong()).isEqualTo(one);

        // the leader is told of the letter, without the writer
        String told = awaitInbox(li, "楼长信箱有新来信", "楼道声控灯坏了");
        assertThat(told).doesNotContain("陈美玲");

        // the leader (a neighbour) sees no name and no door; staff see who wrote, phone masked
        JsonNode forLeader = li.get("/api/v1/mailbox-messages/" + message).json();
        assertThat(forLeader.get("writerName").asString()).isEqualTo("匿名居民");
        assertThat(forLeader.get("doorNumber").isNull()).isTrue();
        assertThat(forLeader.toString()).doesNotContain("陈美玲").doesNotContain("1502");
        JsonNode listed = null;
        for (JsonNode m : li.get("/api/v1/mailbox-messages").get("content")) {
            if (m.get("id").asLong() == message) {
                listed = m;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("writerName").asString()).isEqualTo("匿名居民");
        assertThat(listed.toString()).doesNotContain("陈美玲").doesNotContain("1502");
        JsonNode forStaff = staff.get("/api/v1/mailbox-messages/" + message).json();
        assertThat(forStaff.get("writerName").asString()).isEqualTo("陈美玲");
        assertThat(forStaff.get("doorNumber").asString()).isEqualTo("1座1502");
        assertThat(forStaff.get("phone").asString()).contains("****").doesNotContain("13700137001");
        long photo = forStaff.get("photoIds").get(0).asLong();
        Http.Bytes image = li.getBytes("/api/v1/mailbox-messages/" + message + "/photos/" + photo);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.body()).isEqualTo(Base64.getDecoder().decode(PNG));

        // the leader answers; the resident sees the answer and marks it resolved
        Response answer = li.post("/api/v1/mailbox-messages/" + message + "/answer", Map.of("text", "已报物业，明天更换"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(li.post("/api/v1/mailbox-messages/" + message + "/answer", Map.of("text", "again")).status())
                .isEqualTo(409);
        awaitInbox(resident, "楼长已回复您的来信", "已报物业，明天更换");
        JsonNode mine = resident.get("/api/v1/mailbox-messages/" + message).json();
        assertThat(mine.get("answer").asString()).isEqualTo("已报物业，明天更换");
        assertThat(mine.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(resident.post("/api/v1/mailbox-messages/" + message + "/resolve", null).get("state").asString())
                .isEqualTo("CLOSED");

        // an unanswered message becomes overdue to the community, and is announced once
        long late = resident.post("/api/v1/mailbox-messages", Map.of("text", "单车棚的门锁坏了", "anonymous", false))
                .get("id").asLong();
        assertThat(staff.get("/api/v1/mailbox-messages?overdue=true").text()).doesNotContain("单车棚的门锁坏了");
        jdbc.update("update mailbox_message set created_at = ? where id = ?", OffsetDateTime.now().minusDays(4), late);
        JsonNode overdue = staff.get("/api/v1/mailbox-messages?overdue=true").json();
        assertThat(overdue.toString()).contains("单车棚的门锁坏了");
        overdue.get("content").forEach(m -> assertThat(m.get("overdue").asBoolean()).isTrue());
        runTheDailyJob();
        runTheDailyJob();
        assertThat(jdbc.queryForObject("select count(*) from mailbox_message where id = ? and overdue_notified_at is not null",
                Long.class, late)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'mailbox.overdue' and object_id = ?",
                Long.class, String.valueOf(late))).isEqualTo(1L);

        // staff hand it over to become a case; the resident's view says so
        Response handed = staff.post("/api/v1/mailbox-messages/" + late + "/hand-over", Map.of("target", "CASE"));
        assertThat(handed.get("state").asString()).isEqualTo("HANDED_OVER");
        assertThat(resident.get("/api/v1/mailbox-messages/" + late).get("handedOverTo").asString()).isEqualTo("CASE");

        // he steps down: history kept, role gone, mailbox no longer his
        assertThat(li.post("/api/v1/building-leaders/" + leaderId + "/step-down", Map.of("reason", "工作调动")).get("state")
                .asString()).isEqualTo("STEPPED_DOWN");
        assertThat(staff.get("/api/v1/building-leaders?buildingId=" + one).text()).contains("STEPPED_DOWN");
        assertThat(li.get("/api/v1/mailbox-messages/" + message).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from role_assignment r join account a on a.id = r.account_id "
                + "where a.username = 'louzhang' and r.role = 'BUILDING_LEADER' and r.area_id = ?", Long.class, one))
                .isEqualTo(0L);
    }

    @Test
    void aRecommendationOfSomebodyWhoIsNoMemberIsRefusedNamingTheFieldAndSavesNothing() {
        long building = building("北江明珠小区", "1座");
        long recruitment = openRecruitment("北江明珠小区", List.of(building)).get("id").asLong();
        long before = jdbc.queryForObject("select count(*) from building_leader_nomination", Long.class);
        Response byName = as("resident").post("/api/v1/building-leader-recruitments/" + recruitment + "/nominations",
                Map.of("kind", "RECOMMENDATION", "name", "王不存在", "phone", "13912345678", "buildingIds", List.of(building)));
        assertThat(byName.status()).isEqualTo(400);
        assertThat(byName.text()).contains("\"name\"").contains("不是本社区的党员");
        long foreign = 987_654_321L;
        Response byId = as("resident").post("/api/v1/building-leader-recruitments/" + recruitment + "/nominations",
                Map.of("kind", "RECOMMENDATION", "memberId", foreign, "buildingIds", List.of(building)));
        assertThat(byId.status()).isEqualTo(400);
        assertThat(byId.text()).contains("\"memberId\"");
        assertThat(jdbc.queryForObject("select count(*) from building_leader_nomination", Long.class)).isEqualTo(before);
    }

    @Test
    void aSecondPendingNominationAndASecondApprovalAreConflicts() {
        long building = building("北江明珠小区", "2座");
        freeBuilding(building);
        long recruitment = openRecruitment("北江明珠小区", List.of(building)).get("id").asLong();
        long nomination = recommend(recruitment, "罗晓燕", List.of(building));
        Response again = as("resident").post("/api/v1/building-leader-recruitments/" + recruitment + "/nominations",
                Map.of("kind", "RECOMMENDATION", "memberId", memberId("罗晓燕"), "buildingIds", List.of(building)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("罗晓燕");
        Http staff = as("beijiang");
        assertThat(staff.post("/api/v1/building-leader-nominations/" + nomination + "/approve", Map.of()).status())
                .isEqualTo(200);
        Response twice = staff.post("/api/v1/building-leader-nominations/" + nomination + "/approve", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from building_leader where nomination_id = ?", Long.class,
                nomination)).isEqualTo(1L);
    }

    @Test
    void aBuildingNeverHasTwoActiveLeadersEvenWhenApprovalsRace() throws Exception {
        long building = building("时代城二期小区", "1座");
        freeBuilding(building);
        long recruitment = openRecruitment("时代城二期小区", List.of(building)).get("id").asLong();
        long first = recommend(recruitment, "陈国栋", List.of(building));
        long second = recommend(recruitment, "冯建华", List.of(building));
        long third = recommend(recruitment, "黄丽娟", List.of(building));
        var pool = Executors.newFixedThreadPool(2);
        List<Callable<Response>> calls = new ArrayList<>();
        for (long id : List.of(first, second)) {
            Http staff = as("beijiang");
            calls.add(() -> staff.post("/api/v1/building-leader-nominations/" + id + "/approve", Map.of()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : pool.invokeAll(calls)) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        Response later = as("beijiang").post("/api/v1/building-leader-nominations/" + third + "/approve", Map.of());
        assertThat(later.status()).isEqualTo(409);
        assertThat(later.text()).contains("1座").containsAnyOf("陈国栋", "冯建华");
        assertThat(jdbc.queryForObject("select count(*) from building_leader_building where active_building_id = ?",
                Long.class, building)).isEqualTo(1L);
    }

    @Test
    void photosThatAreTooLargeOrNoImagesAndEmptyTextAreRefusedAndNothingIsSaved() {
        Http resident = as("resident");
        long before = jdbc.queryForObject("select count(*) from mailbox_message", Long.class);
        byte[] large = new byte[3 * 1024 * 1024];
        System.arraycopy(Base64.getDecoder().decode(PNG), 0, large, 0, 8);
        Response tooLarge = resident.post("/api/v1/mailbox-messages", Map.of("text", "照片太大", "anonymous", false,
                "photos", List.of(Map.of("data", Base64.getEncoder().encodeToString(large)))));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.text()).contains("photos[0]");
        Response notImage = resident.post("/api/v1/mailbox-messages", Map.of("text", "不是照片", "anonymous", false,
                "photos", List.of(Map.of("data", PNG), Map.of("data", Base64.getEncoder().encodeToString("<html>".getBytes())))));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.text()).contains("photos[1]");
        Response empty = resident.post("/api/v1/mailbox-messages", Map.of("text", "  ", "anonymous", false));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("\"text\"");
        assertThat(jdbc.queryForObject("select count(*) from mailbox_message", Long.class)).isEqualTo(before);
    }

    @Test
    void anotherCommunitysStaffFindNoneOfItAndMembersCannotApprove() {
        long recruitment = jdbc.queryForObject("select min(id) from building_leader_recruitment", Long.class);
        long nomination = jdbc.queryForObject("select min(id) from building_leader_nomination", Long.class);
        long leader = jdbc.queryForObject("select min(id) from building_leader", Long.class);
        long message = jdbc.queryForObject("select min(id) from mailbox_message", Long.class);
        Http shatou = as("shatou");
        for (String path : List.of("/api/v1/building-leader-recruitments/" + recruitment,
                "/api/v1/building-leader-nominations/" + nomination, "/api/v1/building-leaders/" + leader,
                "/api/v1/building-leaders/" + leader + "/letter", "/api/v1/mailbox-messages/" + message)) {
            assertThat(shatou.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(shatou.get("/api/v1/mailbox-messages").text()).doesNotContain("时代城");
        assertThat(shatou.post("/api/v1/building-leader-nominations/" + nomination + "/decline", Map.of("reason", "x"))
                .status()).isEqualTo(404);
        // staff without the committee's permission see the queue but cannot approve
        assertThat(as("bjstaff").post("/api/v1/building-leader-nominations/" + nomination + "/approve", Map.of()).status())
                .isEqualTo(403);
    }
}
