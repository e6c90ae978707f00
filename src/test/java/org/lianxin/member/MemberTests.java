package org.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;

/** Member records over HTTP: scope, masked numbers and their audited reveal, sensitive data and consent, bad input. */
class MemberTests extends ApiTest {

    private long memberId(String name) {
        return jdbc.queryForObject("select min(id) from member where name = ?", Long.class, name);
    }

    @Test
    void aSecretaryOfAnotherCommunityCannotSeeBeijiangsMembers() {
        Http shatou = as("shatou");
        long liu = memberId("刘明");
        assertThat(shatou.get("/api/v1/members/" + liu).status()).isEqualTo(404);
        assertThat(shatou.post("/api/v1/members/" + liu + "/reveal", Map.of("field", "phone")).status()).isEqualTo(404);
        assertThat(shatou.get("/api/v1/members?size=100").text()).doesNotContain("刘明");
        assertThat(as("beijiang").get("/api/v1/members?q=刘明").text()).contains("刘明");
    }

    @Test
    void numbersAreShownMaskedAndTheSecretarysRevealIsAuditedWithoutTheNumber() {
        Http beijiang = as("beijiang");
        String idNumber = Members.idNumber();
        String phone = Members.phone();
        Response created = beijiang.post("/api/v1/members", Members.form(unique("揭示"), idNumber, phone, areaId("北江社区")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("idNumber").asString()).isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(created.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(created.text()).doesNotContain(idNumber).doesNotContain(phone);

        long id = created.get("id").asLong();
        Response revealed = beijiang.post("/api/v1/members/" + id + "/reveal", Map.of("field", "idNumber"));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.get("value").asString()).isEqualTo(idNumber);
        List<Map<String, Object>> audit = jdbc.queryForList(
                "select actor, detail from audit_entry where action = 'member.reveal' and object_id = ?", String.valueOf(id));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor")).isEqualTo("beijiang");
        assertThat(audit.get(0).get("detail")).isEqualTo("idNumber");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where detail like ?", Integer.class,
                "%" + idNumber + "%")).isZero();
    }

    @Test
    void communityStaffCannotRevealANumber() {
        Response refused = as("bjstaff").post("/api/v1/members/" + memberId("刘明") + "/reveal", Map.of("field", "phone"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).doesNotContain("13700001001");
    }

    @Test
    void healthAndCareCategoryAreHiddenFromStaffWithoutTheSensitivePermission() {
        long he = memberId("何秀英");
        JsonNode staff = as("bjstaff").get("/api/v1/members/" + he).json();
        assertThat(staff.get("sensitiveHidden").asBoolean()).isTrue();
        assertThat(staff.get("careCategory").isNull()).isTrue();
        assertThat(staff.get("facts").get("health").isNull()).isTrue();
        assertThat(staff.get("facts").get("wishes").asString()).isNotBlank();

        JsonNode secretary = as("beijiang").get("/api/v1/members/" + he).json();
        assertThat(secretary.get("sensitiveHidden").asBoolean()).isFalse();
        assertThat(secretary.get("careCategory").asString()).isEqualTo("FRAIL_ELDERLY");
        assertThat(secretary.get("consentRecordedBy").asString()).contains("梅丽华");

        assertThat(as("bjstaff").get("/api/v1/members?careCategory=IMMOBILE").status()).isEqualTo(403);
        assertThat(as("beijiang").get("/api/v1/members?careCategory=IMMOBILE").text()).contains("冯建华").doesNotContain("何秀英");
    }

    @Test
    void healthIsRefusedUntilConsentIsRecorded() {
        Http beijiang = as("beijiang");
        var form = Members.form(unique("同意"), Members.idNumber(), Members.phone(), areaId("北江社区"))
                .put("factHealth", "糖尿病").put("careCategory", "SERIOUSLY_ILL");
        Response refused = beijiang.post("/api/v1/members", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("consent");

        Response accepted = beijiang.post("/api/v1/members", form.put("consent", true));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.get("careCategory").asString()).isEqualTo("SERIOUSLY_ILL");
        assertThat(accepted.get("consentRecordedBy").asString()).contains("梅丽华");
    }

    @Test
    void aSecondMemberWithTheSameIdNumberIsRefused() {
        Http beijiang = as("beijiang");
        String idNumber = Members.idNumber();
        assertThat(beijiang.post("/api/v1/members", Members.form(unique("甲"), idNumber, Members.phone(), areaId("北江社区")))
                .status()).isEqualTo(201);
        Response again = beijiang.post("/api/v1/members", Members.form(unique("乙"), idNumber.toLowerCase(), Members.phone(),
                areaId("北江社区")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).doesNotContain(idNumber);
    }

    @Test
    void aWrongCheckCharacterIsRefusedNamingTheIdNumberWithoutEchoingIt() {
        String good = Members.idNumber();
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        String bad = good.substring(0, 17) + wrong;
        Response refused = as("beijiang").post("/api/v1/members", Members.form(unique("错"), bad, Members.phone(),
                areaId("北江社区")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(refused.text()).doesNotContain(bad);

        Response badPhone = as("beijiang").post("/api/v1/members", Members.form(unique("错"), Members.idNumber(), "1234567",
                areaId("北江社区")));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.text()).contains("phone").doesNotContain("1234567");
    }

    @Test
    void theDatabaseRowNeverHoldsThePlainNumbers() {
        String idNumber = Members.idNumber();
        String phone = Members.phone();
        Response created = as("beijiang").post("/api/v1/members", Members.form(unique("密"), idNumber, phone, areaId("北江社区")));
        Map<String, Object> row = jdbc.queryForMap("select * from member where id = ?", created.get("id").asLong());
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(idNumber) || v.contains(phone)
                || v.contains(idNumber.substring(6, 14)));
    }

    @Test
    void anExactLookupByIdNumberGoesInTheBodyAndStaysInScope() {
        String idNumber = Members.idNumber();
        String name = unique("查");
        as("beijiang").post("/api/v1/members", Members.form(name, idNumber, Members.phone(), areaId("北江社区")));
        Response found = as("bjstaff").post("/api/v1/members/search", Map.of("idNumber", idNumber));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text()).contains(name).doesNotContain(idNumber);
        assertThat(as("shatou").post("/api/v1/members/search", Map.of("idNumber", idNumber)).text()).doesNotContain(name);
    }

    @Test
    void anEditThatLeavesTheMaskedNumbersBlankKeepsThem() {
        Http beijiang = as("beijiang");
        String idNumber = Members.idNumber();
        String phone = Members.phone();
        Response created = beijiang.post("/api/v1/members", Members.form(unique("改"), idNumber, phone, areaId("北江社区")));
        long id = created.get("id").asLong();
        Response updated = beijiang.put("/api/v1/members/" + id, Members.form("改名后", "", "", areaId("北江社区"))
                .put("factWishes", "想参加护学岗").put("version", created.get("version").asLong()));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("facts").get("wishes").asString()).isEqualTo("想参加护学岗");
        assertThat(beijiang.post("/api/v1/members/" + id + "/reveal", Map.of("field", "phone")).get("value").asString())
                .isEqualTo(phone);
        assertThat(beijiang.put("/api/v1/members/" + id, Members.form("再改", "", "", areaId("北江社区"))
                .put("version", created.get("version").asLong())).status()).isEqualTo(409);
    }

    @Test
    void theMemberSeesHisOwnRecordAndRegistrations() {
        JsonNode me = as("member").get("/api/v1/members/me").json();
        assertThat(me.get("member").get("name").asString()).isEqualTo("刘明");
        assertThat(me.get("member").get("phone").asString()).isEqualTo("137****1001");
        assertThat(me.get("registrations").toString()).contains("北江社区第三网格");
        assertThat(me.get("grids")).hasSize(3);
        assertThat(me.get("suggestedGridId").asLong()).isEqualTo(areaId("北江社区第三网格"));
        assertThat(as("beijiang").get("/api/v1/members/me").json().get("member").isNull()).isTrue();
    }

    @Test
    void administratorsSeeNoMembers() {
        for (String admin : new String[] {"sysadmin", "secadmin", "auditor"}) {
            assertThat(as(admin).get("/api/v1/members").status()).isEqualTo(403);
            assertThat(as(admin).get("/api/v1/registrations").status()).isEqualTo(403);
        }
    }
}
