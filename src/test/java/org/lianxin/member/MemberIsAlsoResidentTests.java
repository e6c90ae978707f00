package org.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;

/** A Party member who lives in the community is recognised as the resident he is: one person, seen from both ledgers. */
class MemberIsAlsoResidentTests extends ApiTest {

    private long household(String door) {
        return jdbc.queryForObject("select id from household where door_number = ?", Long.class, door);
    }

    private JsonNode listed(Http http, String name) {
        return http.get("/api/v1/members?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .get("content").get(0);
    }

    @Test
    void aMemberWithTheIdNumberOfAResidentShowsHisHouseholdWhetherTheResidentCameFirstOrLater() {
        Http beijiang = as("beijiang");
        String first = unique("先居民");
        String id = Members.idNumber();
        Response resident = beijiang.post("/api/v1/residents", Http.JSON.createObjectNode().put("householdId", household("1座1502"))
                .put("name", first).put("idNumber", id).put("phone", Members.phone()).put("relation", "OTHER"));
        assertThat(resident.status()).as(resident.toString()).isEqualTo(201);
        Response member = beijiang.post("/api/v1/members", Members.form(first, id, Members.phone(), areaId("北江社区")));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        assertThat(member.get("resident").get("residentId").asLong()).isEqualTo(resident.get("id").asLong());
        assertThat(member.get("resident").get("doorNumber").asString()).isEqualTo("1座1502");
        assertThat(listed(beijiang, first).get("resident").get("doorNumber").asString()).isEqualTo("1座1502");

        // the other way round: the member is recorded first, the resident later
        String later = unique("后居民");
        String other = Members.idNumber();
        long memberId = beijiang.post("/api/v1/members", Members.form(later, other, Members.phone(), areaId("北江社区")))
                .get("id").asLong();
        assertThat(beijiang.get("/api/v1/members/" + memberId).get("resident").isNull()).isTrue();
        beijiang.post("/api/v1/residents", Http.JSON.createObjectNode().put("householdId", household("1座0301"))
                .put("name", later).put("idNumber", other).put("relation", "OTHER"));
        assertThat(beijiang.get("/api/v1/members/" + memberId).get("resident").get("doorNumber").asString()).isEqualTo("1座0301");
    }

    @Test
    void aMemberWithoutAResidentRecordHasNoLink() {
        Http beijiang = as("beijiang");
        String name = unique("无居民");
        Response member = beijiang.post("/api/v1/members", Members.form(name, Members.idNumber(), Members.phone(), areaId("北江社区")));
        assertThat(member.get("resident").isNull()).isTrue();
    }
}
