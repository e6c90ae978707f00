package org.lianxin.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A resident signs up on his phone with an SMS code; community staff confirm or reject. */
@ExtendWith(OutputCaptureExtension.class)
class ResidentSignupTests extends ApiTest {

    static final String PASSWORD = "Jumin#2026";

    /** The latest code the developer inbox holds for this phone, read as community staff would. */
    String codeFor(String phone) {
        Response inbox = as("bjstaff").get("/api/v1/dev-inbox");
        assertThat(inbox.status()).isEqualTo(200);
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        for (JsonNode message : inbox.json()) {
            if (message.get("phone").asString().equals(masked)) {
                Matcher m = Pattern.compile("\\d{6}").matcher(message.get("text").asString());
                assertThat(m.find()).isTrue();
                return m.group();
            }
        }
        throw new AssertionError("no message for " + masked);
    }

    long building(String compound, String building) {
        return jdbc.queryForObject("select b.id from area b join area c on c.id = b.parent_id where c.name = ? and b.name = ?",
                Long.class, compound, building);
    }

    ObjectNode form(String phone, String code, String name) {
        return Http.JSON.createObjectNode().put("phone", phone).put("code", code).put("name", name)
                .put("idNumber", ResidentLedgerTests.anIdNumber(1988)).put("password", PASSWORD)
                .put("buildingId", building("时代城小区", "6座")).put("doorNumber", unique("6座"));
    }

    Response sendCode(Http http, String phone) {
        return http.post("/api/v1/resident-signups/codes", Http.JSON.createObjectNode().put("phone", phone));
    }

    @Test
    void aResidentSignsUpWithTheCodeAndStaffConfirmationMakesHimAResidentOfHisCompound(CapturedOutput output) {
        Http phone = anonymous();
        String number = ResidentLedgerTests.aPhone();
        Response sent = sendCode(phone, number);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String code = codeFor(number);

        Response signup = phone.post("/api/v1/resident-signups", form(number, code, "注册测试"));

        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        assertThat(signup.get("status").asString()).isEqualTo("PENDING");
        String username = signup.get("username").asString();
        Http resident = new Http(port);
        assertThat(resident.login(username, PASSWORD).status()).isEqualTo(200);
        assertThat(resident.get("/api/v1/resident-signups/mine").json().get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(resident.get("/api/v1/households/mine").status()).isEqualTo(403);

        Http staff = as("bjstaff");
        Response queue = staff.get("/api/v1/resident-signups?status=PENDING&size=100");
        assertThat(queue.text()).contains("注册测试").doesNotContain(number);
        Response confirmed = staff.post("/api/v1/resident-signups/" + signup.get("id").asLong() + "/confirm",
                Http.JSON.createObjectNode().put("relation", "HOUSEHOLDER"));

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode me = resident.get("/api/v1/auth/me").json();
        assertThat(me.toString()).contains("RESIDENT").contains("时代城小区");
        Response home = resident.get("/api/v1/households/mine");
        assertThat(home.json().get(0).get("doorNumber").asString()).isEqualTo(signup.get("doorNumber").asString());
        assertThat(home.json().get(0).get("residents").get(0).get("name").asString()).isEqualTo("注册测试");
        assertThat(output.getAll()).doesNotContain(code).doesNotContain(number);
        assertThat(staff.post("/api/v1/resident-signups/" + signup.get("id").asLong() + "/confirm", null).status())
                .isEqualTo(409);
    }

    @Test
    void aRejectedResidentSeesTheReasonOnHisPhone() {
        Http phone = anonymous();
        String number = ResidentLedgerTests.aPhone();
        sendCode(phone, number);
        Response signup = phone.post("/api/v1/resident-signups", form(number, codeFor(number), "拒绝测试"));

        Response rejected = as("beijiang").post("/api/v1/resident-signups/" + signup.get("id").asLong() + "/reject",
                Http.JSON.createObjectNode().put("reason", "门牌号与物业登记不符，请到社区核对"));

        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        Http resident = new Http(port);
        resident.login(signup.get("username").asString(), PASSWORD);
        JsonNode mine = resident.get("/api/v1/resident-signups/mine").json().get(0);
        assertThat(mine.get("status").asString()).isEqualTo("REJECTED");
        assertThat(mine.get("reason").asString()).contains("门牌号与物业登记不符");
        assertThat(resident.get("/api/v1/auth/me").text()).doesNotContain("RESIDENT");
    }

    @Test
    void aSecondCodeWithinAMinuteIsRefusedWithTooManyRequests() {
        String number = ResidentLedgerTests.aPhone();
        assertThat(sendCode(anonymous(), number).status()).isEqualTo(202);

        Response again = sendCode(anonymous(), number);

        assertThat(again.status()).isEqualTo(429);
        assertThat(again.get("type").asString()).endsWith("/too-many-requests");
        assertThat(again.get("detail").asString()).contains("秒后");
        assertThat(again.text()).doesNotContain(number);
    }

    @Test
    void aWrongCodeCountsAndAfterFiveTriesTheCodeIsDead() {
        Http phone = anonymous();
        String number = ResidentLedgerTests.aPhone();
        sendCode(phone, number);
        String code = codeFor(number);
        String wrong = code.equals("000000") ? "111111" : "000000";

        Response first = phone.post("/api/v1/resident-signups", form(number, wrong, "试错"));
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.get("errors").findValuesAsString("field")).containsExactly("code");
        assertThat(first.get("detail").asString()).contains("4");
        for (int i = 0; i < 4; i++) {
            phone.post("/api/v1/resident-signups", form(number, wrong, "试错"));
        }

        Response right = phone.post("/api/v1/resident-signups", form(number, code, "试错"));
        assertThat(right.status()).isEqualTo(400);
        assertThat(right.get("detail").asString()).contains("失效");
    }

    @Test
    void aCodeOlderThanFiveMinutesNoLongerWorks() {
        Http phone = anonymous();
        String number = ResidentLedgerTests.aPhone();
        sendCode(phone, number);
        String code = codeFor(number);
        jdbc.update("update signup_code set expires_at = created_at where phone_index = (select phone_index from dev_inbox "
                + "where phone_masked = ? order by id desc fetch first 1 rows only)", number.substring(0, 3) + "****" + number.substring(7));

        Response late = phone.post("/api/v1/resident-signups", form(number, code, "过期"));

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.get("errors").findValuesAsString("field")).containsExactly("code");
    }

    @Test
    void signupWithABadIdNumberOrPhoneNamesTheFieldAndMakesNoAccount() {
        int accounts = jdbc.queryForObject("select count(*) from account", Integer.class);
        Response badPhone = anonymous().post("/api/v1/resident-signups/codes", Http.JSON.createObjectNode().put("phone", "0757123"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.get("errors").findValuesAsString("field")).containsExactly("phone");

        String number = ResidentLedgerTests.aPhone();
        sendCode(anonymous(), number);
        ObjectNode body = form(number, codeFor(number), "错证");
        body.put("idNumber", "440607198801010000");
        Response badId = anonymous().post("/api/v1/resident-signups", body);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.get("errors").findValuesAsString("field")).containsExactly("idNumber");
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(accounts);
    }

    @Test
    void theSignupFormListsTheBuildingsOfTheCompoundOnItsQrCode() {
        Response places = anonymous().post("/api/v1/resident-signups/places",
                Http.JSON.createObjectNode().put("compoundId", areaId("时代城小区")));
        assertThat(places.status()).isEqualTo(200);
        assertThat(places.get("compoundName").asString()).isEqualTo("时代城小区");
        assertThat(places.get("buildings").findValuesAsString("name")).contains("1座", "6座");
        Response notACompound = anonymous().post("/api/v1/resident-signups/places",
                Http.JSON.createObjectNode().put("compoundId", areaId("北江社区")));
        assertThat(notACompound.status()).isEqualTo(400);
    }

    @Test
    void theDemoHasOnePendingSignupInTheQueue() {
        Response queue = as("beijiang").get("/api/v1/resident-signups?status=PENDING&size=100");
        assertThat(queue.text()).contains("罗志远");
        assertThat(as("shatou").get("/api/v1/resident-signups?status=PENDING&size=100").text()).doesNotContain("罗志远");
        assertThat(anonymous().get("/api/v1/dev-inbox").status()).isEqualTo(401);
        assertThat(as("grid3").get("/api/v1/dev-inbox").status()).isEqualTo(403);
    }
}
