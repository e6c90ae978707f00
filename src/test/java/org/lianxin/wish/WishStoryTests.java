package org.lianxin.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Micro-wishes (微心愿) over HTTP: story S1, one claimant under 50 concurrent claims, bad input with
 * nothing half-saved, the wall that never names the resident, and scope.
 */
class WishStoryTests extends ApiTest {

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Autowired
    WishSchedule schedule;

    private long residentId(String name) {
        return jdbc.queryForObject("select min(id) from resident where name = ?", Long.class, name);
    }

    /** Staff of 北江社区 submit a wish on a resident's behalf and publish it; its id. */
    private long publishedWish(String residentName, String title) {
        Http staff = as("beijiang");
        Response created = staff.post("/api/v1/wishes", Map.of("title", title, "story", "需要一点帮助", "category",
                "DAILY_NEEDS", "estimatedValue", 50, "residentId", residentId(residentName)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(staff.post("/api/v1/wishes/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        return id;
    }

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
    void s1_retiredMemberHeNeedsAFoldingSeatTheCommunityPublishesTheWishAMemberClaimsFulfilsAndHeConfirmsWithAThankYou() {
        Http mei = as("beijiang");
        Http liu = as("member");
        String title = unique("卫生间折叠椅");

        // the community hears of He's need and writes it down for her (she has no smartphone), with a photo
        Response submitted = mei.post("/api/v1/wishes", Map.of("title", title,
                "story", "我和老伴多次在卫生间滑倒，想在卫生间安装一把折叠椅，洗澡时能坐着。", "category", "ELDERLY_DISABLED",
                "estimatedValue", 260, "photo", "data:image/png;base64," + PNG, "residentId", residentId("何秀英")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        long id = submitted.get("id").asLong();
        assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("residentName").asString()).isEqualTo("何秀英");
        assertThat(submitted.get("submittedOnBehalf").asBoolean()).isTrue();
        assertThat(submitted.get("hasPhoto").asBoolean()).isTrue();

        // pending review: on the console, not yet on the wall
        assertThat(mei.get("/api/v1/wishes?state=SUBMITTED&size=100").text()).contains(title);
        assertThat(liu.get("/api/v1/wishes/wall?size=100").text()).doesNotContain(title);

        Response published = mei.post("/api/v1/wishes/" + id + "/publish", Map.of());
        assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");

        // 刘明, registered with 北江社区, sees it on the wall without knowing who it is
        String wall = liu.get("/api/v1/wishes/wall?size=100").text();
        assertThat(wall).contains(title).contains("时代城小区").doesNotContain("何秀英").doesNotContain("1座0301")
                .doesNotContain("13700137003").doesNotContain("0301");
        assertThat(liu.getBytes("/api/v1/wishes/" + id + "/photo").status()).isEqualTo(200);

        Response claimed = liu.post("/api/v1/wishes/" + id + "/claim", Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.get("state").asString()).isEqualTo("CLAIMED");
        assertThat(claimed.get("claimantName").asString()).isEqualTo("刘明");
        assertThat(claimed.get("residentName").isNull()).isTrue();
        assertThat(claimed.text()).doesNotContain("何秀英").doesNotContain("1座0301");
        assertThat(liu.get("/api/v1/wishes/wall?size=100").text()).doesNotContain(title);
        assertThat(liu.get("/api/v1/wishes/mine").text()).contains(title).contains("CLAIMANT");

        // a second claimant is refused, naming the state
        Response second = as("telecom").post("/api/v1/wishes/" + id + "/claim", Map.of());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text()).contains("CLAIMED");

        // he buys and installs the seat, with a photo
        Response fulfilled = liu.post("/api/v1/wishes/" + id + "/fulfil", Map.of("note",
                "已买好折叠淋浴椅，上门装在卫生间墙上，试坐稳固。", "photo", PNG));
        assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
        assertThat(fulfilled.get("state").asString()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("hasFulfilmentPhoto").asBoolean()).isTrue();

        // He confirms (the secretary records it for her) and writes her thank-you letter
        String letter = "这不仅是一张折叠椅，更是连接党群关系的纽带！";
        Response confirmed = mei.post("/api/v1/wishes/" + id + "/confirm", Map.of("thankYou", letter));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirmedOnBehalf").asBoolean()).isTrue();
        assertThat(confirmed.get("steps").toString()).contains("submit", "publish", "claim", "fulfil", "confirm");

        // the claimant reads the thank-you, on the wish and in his inbox
        assertThat(liu.get("/api/v1/wishes/" + id).get("thankYou").asString()).isEqualTo(letter);
        awaitInbox(liu, "您收到一封感谢信", letter);

        // every step is in the audit log, and confirming twice is refused with the current state
        Response twice = mei.post("/api/v1/wishes/" + id + "/confirm", Map.of("thankYou", "再谢"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("CONFIRMED");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'Wish' and object_id = ?",
                Long.class, String.valueOf(id))).isGreaterThanOrEqualTo(5L);
    }

    @Test
    void fiftyMembersClaimingAtTheSameMomentGiveOneClaimAndFortyNineConflicts() throws Exception {
        long id = publishedWish("黎伯祥", unique("并发认领"));
        Http liu = as("member");
        liu.get("/api/v1/auth/me");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return liu.post("/api/v1/wishes/" + id + "/claim", Map.of()).status();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(statuses).containsEntry(200, 1).containsEntry(409, 49);
        assertThat(jdbc.queryForObject("select state from wish where id = ?", String.class, id)).isEqualTo("CLAIMED");
        assertThat(jdbc.queryForObject("select count(*) from wish_step where wish_id = ? and action = 'claim'",
                Long.class, id)).isEqualTo(1L);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsHalfSaved() {
        Http mei = as("beijiang");
        long he = residentId("何秀英");
        long before = jdbc.queryForObject("select count(*) from wish", Long.class);

        Response empty = mei.post("/api/v1/wishes", Map.of("title", " ", "story", "x", "category", "OTHER",
                "estimatedValue", 10, "residentId", he));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("title");

        Response negative = mei.post("/api/v1/wishes", Map.of("title", "一把椅子", "story", "x", "category", "OTHER",
                "estimatedValue", -5, "residentId", he));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text()).contains("estimatedValue");

        Response unknownCategory = mei.post("/api/v1/wishes", Map.of("title", "一把椅子", "story", "x",
                "category", "NOPE", "estimatedValue", 5, "residentId", he));
        assertThat(unknownCategory.status()).isEqualTo(400);

        Response notImage = mei.post("/api/v1/wishes", Map.of("title", "一把椅子", "story", "x", "category", "OTHER",
                "estimatedValue", 10, "residentId", he, "photo",
                Base64.getEncoder().encodeToString("%PDF-1.4 not a photo".getBytes())));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.text()).contains("photo");

        byte[] big = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(Base64.getDecoder().decode(PNG), 0, big, 0, 8);
        Response tooBig = mei.post("/api/v1/wishes", Map.of("title", "一把椅子", "story", "x", "category", "OTHER",
                "estimatedValue", 10, "residentId", he, "photo", Base64.getEncoder().encodeToString(big)));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.text()).contains("photo");
        assertThat(jdbc.queryForObject("select count(*) from wish", Long.class)).isEqualTo(before);

        // claiming a wish not yet published answers 409 naming its state
        Response pending = mei.post("/api/v1/wishes", Map.of("title", unique("未审核"), "story", "x",
                "category", "OTHER", "estimatedValue", 10, "residentId", he));
        long pendingId = pending.get("id").asLong();
        Response early = as("beijiang").post("/api/v1/wishes/" + pendingId + "/claim", Map.of());
        assertThat(early.status()).isEqualTo(403);
        Response earlyMember = as("member").post("/api/v1/wishes/" + pendingId + "/claim", Map.of());
        assertThat(earlyMember.status()).isEqualTo(409);
        assertThat(earlyMember.text()).contains("SUBMITTED");
        // ...and he does not read it until it is published
        assertThat(as("member").get("/api/v1/wishes/" + pendingId).status()).isEqualTo(404);
        Response declined = mei.post("/api/v1/wishes/" + pendingId + "/decline", Map.of("reason", " "));
        assertThat(declined.status()).isEqualTo(400);
        assertThat(declined.text()).contains("reason");

        // a published one claimed by 刘明: fulfilling with a non-image leaves it claimed
        long id = publishedWish("何秀英", unique("照片检查"));
        Response unpublishedClaim = as("member").post("/api/v1/wishes/" + id + "/claim", Map.of());
        assertThat(unpublishedClaim.status()).isEqualTo(200);
        Response again = as("louzhang").post("/api/v1/wishes/" + id + "/claim", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("CLAIMED");
        Response badPhoto = as("member").post("/api/v1/wishes/" + id + "/fulfil", Map.of("note", "送到了",
                "photo", Base64.getEncoder().encodeToString("GIF89a".getBytes())));
        assertThat(badPhoto.status()).isEqualTo(400);
        Response noNote = as("member").post("/api/v1/wishes/" + id + "/fulfil", Map.of("note", "", "photo", PNG));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select state from wish where id = ?", String.class, id)).isEqualTo("CLAIMED");
        assertThat(jdbc.queryForObject("select count(*) from wish_photo where wish_id = ?", Long.class, id)).isZero();
        Response confirmEarly = mei.post("/api/v1/wishes/" + id + "/confirm", Map.of());
        assertThat(confirmEarly.status()).isEqualTo(409);
    }

    @Test
    void theWallNeverShowsTheResidentsNameDoorOrPhoneWhoeverAsks() {
        String title = unique("墙上心愿");
        publishedWish("何秀英", title);
        for (String who : List.of("member", "louzhang", "telecom", "beijiang")) {
            String wall = as(who).get("/api/v1/wishes/wall?size=100").text();
            assertThat(wall).as(who).contains(title);
            for (String secret : List.of("何秀英", "0301", "1502", "0802", "0605", "13700137", "137****", "陈美玲",
                    "黎伯祥", "钟李氏", "谭丽娟")) {
                assertThat(wall).as(who + " sees " + secret).doesNotContain(secret);
            }
        }
        // staff see who it is on the console
        assertThat(as("beijiang").get("/api/v1/wishes?q=" + title).text()).contains("何秀英").contains("1座0301");
    }

    @Test
    void aResidentSubmitsFromHerPhoneIsDeclinedWithAReasonOrConfirmsHerselfAndTheClaimantIsThanked() {
        Http chen = as("resident");
        Http mei = as("beijiang");
        String title = unique("台灯");
        Response mine = chen.post("/api/v1/wishes", Map.of("title", title, "story", "孩子晚上写作业，台灯坏了。",
                "category", "STUDY", "estimatedValue", 80));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        long id = mine.get("id").asLong();
        assertThat(mine.get("submittedOnBehalf").asBoolean()).isFalse();
        assertThat(chen.get("/api/v1/wishes/mine").text()).contains(title).contains("RESIDENT");
        mei.post("/api/v1/wishes/" + id + "/publish", Map.of());
        awaitInbox(chen, "您的心愿已发布", title);
        as("member").post("/api/v1/wishes/" + id + "/claim", Map.of());
        String claimedNotice = awaitInbox(chen, "有党员认领了您的心愿", title);
        assertThat(claimedNotice).doesNotContain("13700001001");
        as("member").post("/api/v1/wishes/" + id + "/fulfil", Map.of("note", "新台灯已送到", "photo", PNG));
        awaitInbox(chen, "您的心愿已实现", title);
        Response thanks = chen.post("/api/v1/wishes/" + id + "/confirm", Map.of("thankYou", "谢谢刘叔叔的台灯！"));
        assertThat(thanks.status()).as(thanks.toString()).isEqualTo(200);
        assertThat(thanks.get("confirmedOnBehalf").asBoolean()).isFalse();
        assertThat(chen.post("/api/v1/wishes/" + id + "/confirm", Map.of()).status()).isEqualTo(409);
        awaitInbox(as("member"), "您收到一封感谢信", "谢谢刘叔叔的台灯！");

        String other = unique("不合适");
        long declined = chen.post("/api/v1/wishes", Map.of("title", other, "story", "想要一台新手机", "category", "OTHER",
                "estimatedValue", 3000)).get("id").asLong();
        mei.post("/api/v1/wishes/" + declined + "/decline", Map.of("reason", "微心愿以生活必需品为主，手机不在范围内"));
        assertThat(chen.get("/api/v1/wishes/" + declined).get("declineReason").asString()).contains("手机不在范围内");
        awaitInbox(chen, "您的心愿未能发布", "手机不在范围内");
    }

    @Test
    void aClaimNotFulfilledInTimeGoesBackToTheWallAndTheClaimantIsTold() {
        String title = unique("超时认领");
        long id = publishedWish("钟李氏", title);
        assertThat(as("member").post("/api/v1/wishes/" + id + "/claim", Map.of()).status()).isEqualTo(200);
        jdbc.update("update wish set claimed_at = claimed_at - interval '15' day where id = ?", id);
        freeJobLock("wish-release-overdue-claims");
        schedule.releaseOverdueClaims();
        assertThat(jdbc.queryForObject("select state from wish where id = ?", String.class, id)).isEqualTo("PUBLISHED");
        assertThat(as("louzhang").get("/api/v1/wishes/wall?size=100").text()).contains(title);
        awaitInbox(as("member"), "认领已超时", title);
        // a second run finds nothing more of it
        freeJobLock("wish-release-overdue-claims");
        schedule.releaseOverdueClaims();
        assertThat(jdbc.queryForObject("select count(*) from wish_step where wish_id = ? and action = 'release'",
                Long.class, id)).isEqualTo(1L);
    }

    @Test
    void aMemberOfAnotherCommunityCannotSeeOrClaimItsWishesAndItsSecretaryCannotReviewThem() {
        long id = publishedWish("何秀英", unique("范围"));
        // 沙头社区's secretary does not see 北江社区's wishes at all: 404
        assertThat(as("shatou").get("/api/v1/wishes/" + id).status()).isEqualTo(404);
        assertThat(as("shatou").post("/api/v1/wishes/" + id + "/publish", Map.of()).status()).isEqualTo(404);
        // the grid worker of 第三网格 reads its wishes but may not review them (403); grid 1's are not his (404)
        long inGrid3 = publishedWish("钟李氏", unique("第三网格"));
        assertThat(as("grid3").get("/api/v1/wishes/" + inGrid3).status()).isEqualTo(200);
        assertThat(as("grid3").post("/api/v1/wishes/" + inGrid3 + "/release", Map.of()).status()).isEqualTo(403);
        assertThat(as("grid3").get("/api/v1/wishes/" + id).status()).isEqualTo(404);
        // a wish of 沙头社区: 刘明 is registered with 北江社区 only, so it is absent for him (404), not forbidden
        String shatou = areaPath("沙头社区");
        long foreign = 900_000_000L + System.nanoTime() % 1_000_000;
        jdbc.update("insert into wish (id, title, story, category, estimated_value, resident_id, household_id, "
                + "compound_name, area_path, state, submitted_by, submitted_on_behalf, submitted_at, version) values "
                + "(?, '沙头心愿', 'x', 'OTHER', 10, -1, -1, null, ?, 'PUBLISHED', 'x', true, current_timestamp, 0)",
                foreign, shatou);
        assertThat(as("member").post("/api/v1/wishes/" + foreign + "/claim", Map.of()).status()).isEqualTo(404);
        assertThat(as("member").get("/api/v1/wishes/wall?size=100").text()).doesNotContain("沙头心愿");
        assertThat(as("beijiang").get("/api/v1/wishes/counts").text()).contains("PUBLISHED");
    }
}
