package org.lianxin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.member.Members;
import org.lianxin.shared.Notice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The inbox: notices from other modules arrive once, read in the reader's language, private to him. */
class NotificationTests extends ApiTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private long apply(Http member) {
        ObjectNode form = Http.JSON.createObjectNode().put("communityId", areaId("北江社区"))
                .put("gridId", areaId("北江社区第二网格"));
        form.putArray("availability").add("WEEKENDS");
        return member.post("/api/v1/registrations", form).get("id").asLong();
    }

    private long branch(String name) {
        return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
    }

    /** Listeners run after the publisher's commit, on another thread: the inbox fills a moment later. */
    private static void awaitUnread(Http http, long expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/api/v1/notifications/unread-count").get("unread").asLong()).isEqualTo(expected));
    }

    @Test
    void anApprovedMemberFindsTheDecisionInHisInboxAndReadingItClearsTheBadge() {
        Http member = Members.memberWithLogin(port, unique("nt"), unique("通知"), areaId("北江社区"));
        assertThat(member.get("/api/v1/notifications/unread-count").get("unread").asLong()).isZero();
        long registration = apply(member);

        as("beijiang").post("/api/v1/registrations/" + registration + "/approve",
                Map.of("branchId", branch("北江社区第二网格党支部")));

        awaitUnread(member, 1);
        JsonNode entry = member.get("/api/v1/notifications").get("content").get(0);
        assertThat(entry.get("title").asString()).isEqualTo("报到已通过");
        assertThat(entry.get("body").asString()).isEqualTo("北江社区已通过您的报到申请，您已编入北江社区第二网格党支部。");
        assertThat(entry.get("link").asString()).isEqualTo("/m/registration");
        assertThat(entry.get("read").asBoolean()).isFalse();
        assertThat(member.language("en").get("/api/v1/notifications").get("content").get(0).get("title").asString())
                .isEqualTo("Registration approved");

        long id = entry.get("id").asLong();
        assertThat(as("beijiang").post("/api/v1/notifications/" + id + "/read", Map.of()).status())
                .as("somebody else's notification does not exist for him").isEqualTo(404);
        assertThat(member.post("/api/v1/notifications/" + id + "/read", Map.of()).get("read").asBoolean()).isTrue();
        assertThat(member.get("/api/v1/notifications/unread-count").get("unread").asLong()).isZero();
        assertThat(member.get("/api/v1/notifications?unread=true").get("totalElements").asLong()).isZero();
    }

    @Test
    void aRejectedMemberReadsTheReasonAndMarkAllReadClearsEverything() {
        Http member = Members.memberWithLogin(port, unique("nr"), unique("退回通知"), areaId("北江社区"));
        long registration = apply(member);
        as("beijiang").post("/api/v1/registrations/" + registration + "/reject", Map.of("reason", "请改选第三网格"));

        awaitUnread(member, 1);
        Response inbox = member.get("/api/v1/notifications");
        assertThat(inbox.get("content").get(0).get("body").asString()).contains("请改选第三网格");
        assertThat(member.post("/api/v1/notifications/read-all", Map.of()).get("marked").asInt()).isEqualTo(1);
        assertThat(member.get("/api/v1/notifications/unread-count").get("unread").asLong()).isZero();
    }

    /**
     * A notice delivered again (as the event publication registry resubmits one whose first delivery did not report
     * back) lands once. The deliveries are one after the other: two identical events in flight at the same moment are
     * not told apart by the registry's completion bookkeeping, so that is not what redelivery looks like.
     */
    @Test
    void theSameNoticeDeliveredTwiceLandsOnce() {
        long account = jdbc.queryForObject("select id from account where username = 'member'", Long.class);
        String source = unique("src");
        Notice notice = Notice.to(account, "registration.approved", "/m/registration", "Test", source, "北江社区", "测试支部");
        for (int delivery = 1; delivery <= 2; delivery++) {
            transactions.executeWithoutResult(status -> events.publishEvent(notice));
            int expected = delivery;
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from event_publication where completion_date is not null and serialized_event like ?",
                    Integer.class, "%" + source + "%") == expected);
        }
        assertThat(jdbc.queryForObject("select count(*) from notification where source_type = 'Test' and source_id = ?",
                Integer.class, source)).isEqualTo(1);
    }

    @Test
    void aNewcomerFindsTheDemoInboxesFilledAsTheStepsWouldHaveFilledThem() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(as("member").get("/api/v1/notifications?size=50").text()).contains("报到已通过", "北江社区第三网格党支部");
            assertThat(as("louzhang").get("/api/v1/notifications?size=50").text())
                    .contains("楼长提名已通过", "楼长信箱有新来信", "来信超过 3 天未回复");
            assertThat(as("resident").get("/api/v1/notifications?size=50").text()).contains("楼长已回复您的来信");
        });
    }
}
