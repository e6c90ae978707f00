package org.lianxin.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.ObjectNode;

/** The resident ledger over HTTP: scope, masking, reveal, sealed storage and bad input. */
class ResidentLedgerTests extends ApiTest {

    @Autowired
    PersonalDataCipher cipher;

    /** A valid-form ID number (check character computed) that no other test uses. */
    static String anIdNumber(int year) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format(Locale.ROOT, "440607%04d%02d%02d%03d", year, 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    static String aPhone() {
        return String.format(Locale.ROOT, "136%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    long building(String compound, String building) {
        return jdbc.queryForObject("select b.id from area b join area c on c.id = b.parent_id where c.name = ? and b.name = ?",
                Long.class, compound, building);
    }

    long household(Http http, String compound, String building) {
        Response r = http.post("/api/v1/households", Http.JSON.createObjectNode().put("buildingId", building(compound, building))
                .put("doorNumber", unique(building)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.get("id").asLong();
    }

    static ObjectNode resident(long household, String name, String idNumber, String phone) {
        ObjectNode body = Http.JSON.createObjectNode().put("householdId", household).put("name", name)
                .put("idNumber", idNumber).put("relation", "HOUSEHOLDER");
        if (phone != null) {
            body.put("phone", phone);
        }
        body.putArray("tags").add("ELDERLY").add("LIVING_ALONE");
        return body;
    }

    @Test
    void aSecretaryAddsAResidentAndSeesTheNumbersOnlyMasked() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        String id = anIdNumber(1950);
        String phone = aPhone();
        Response r = mei.post("/api/v1/residents", resident(household, "何阿婆", id, phone));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.get("idNumber").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(r.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(r.get("birthDate").asString()).isEqualTo(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        assertThat(r.get("gender").asString()).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? "M" : "F");
        assertThat(r.get("tags").toString()).contains("ELDERLY", "LIVING_ALONE");
        assertThat(r.text()).doesNotContain(id).doesNotContain(phone);

        Response list = mei.get("/api/v1/residents?householdId=" + household);
        assertThat(list.get("totalElements").asInt()).isEqualTo(1);
        assertThat(list.text()).doesNotContain(id).doesNotContain(phone);
        Response byTag = mei.get("/api/v1/residents?tag=LIVING_ALONE&size=100&areaId=" + areaId("时代城小区"));
        assertThat(byTag.text()).contains("何阿婆");
        Response household1 = mei.get("/api/v1/households/" + household);
        assertThat(household1.get("residents").get(0).get("name").asString()).isEqualTo("何阿婆");
    }

    @Test
    void theRawDatabaseRowNeverHoldsThePlainNumbers() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        String id = anIdNumber(1961);
        String phone = aPhone();
        long resident = mei.post("/api/v1/residents", resident(household, "封存测试", id, phone)).get("id").asLong();

        Map<String, Object> row = jdbc.queryForMap("select * from resident where id = ?", resident);
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(id).doesNotContain(phone)
                .doesNotContain(id.substring(6, 14)));
        assertThat(cipher.open((String) row.get("id_number_cipher"))).isEqualTo(id);
        assertThat(cipher.open((String) row.get("phone_cipher"))).isEqualTo(phone);
        assertThat(row.get("id_number_index")).isEqualTo(cipher.blindIndex(id));
    }

    @Test
    void anotherCommunitysResidentDoesNotExistForTheCaller() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "5座");
        long resident = mei.post("/api/v1/residents", resident(household, "范围测试", anIdNumber(1970), aPhone()))
                .get("id").asLong();
        Http luo = as("shatou");

        assertThat(luo.get("/api/v1/residents/" + resident).status()).isEqualTo(404);
        assertThat(luo.get("/api/v1/households/" + household).status()).isEqualTo(404);
        assertThat(luo.put("/api/v1/residents/" + resident, Http.JSON.createObjectNode().put("name", "x")
                .put("relation", "OTHER").put("version", 0)).status()).isEqualTo(404);
        assertThat(luo.post("/api/v1/residents/" + resident + "/reveal", Http.JSON.createObjectNode().put("field", "phone"))
                .status()).isEqualTo(404);
        assertThat(luo.get("/api/v1/residents?size=100&q=范围测试").get("totalElements").asInt()).isZero();
    }

    @Test
    void aGridWorkerReadsHisGridsResidentsButMayNotChangeThem() {
        Http wu = as("grid3");
        assertThat(wu.get("/api/v1/households?buildingId=" + building("颐澳湾小区", "3座")).get("totalElements").asInt())
                .isPositive();
        Response write = wu.post("/api/v1/households", Http.JSON.createObjectNode()
                .put("buildingId", building("颐澳湾小区", "3座")).put("doorNumber", "3座9999"));
        assertThat(write.status()).isEqualTo(403);
        Response elsewhere = wu.post("/api/v1/households", Http.JSON.createObjectNode()
                .put("buildingId", building("时代城小区", "1座")).put("doorNumber", "1座9999"));
        assertThat(elsewhere.status()).isEqualTo(404);
    }

    @Test
    void theSecretaryRevealsANumberAndTheAuditLogRecordsWhoSawWhichFieldButNotTheNumber() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        String id = anIdNumber(1955);
        long resident = mei.post("/api/v1/residents", resident(household, "显示测试", id, aPhone())).get("id").asLong();

        Response shown = mei.post("/api/v1/residents/" + resident + "/reveal", Http.JSON.createObjectNode().put("field", "idNumber"));

        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.get("value").asString()).isEqualTo(id);
        Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where action = 'resident.pii.reveal' "
                + "and object_id = ? order by seq desc fetch first 1 rows only", String.valueOf(resident));
        assertThat(entry.get("actor")).isEqualTo("beijiang");
        assertThat(String.valueOf(entry.get("detail"))).contains("idNumber").doesNotContain(id);
    }

    @Test
    void communityStaffMayNotRevealANumber() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        long resident = mei.post("/api/v1/residents", resident(household, "拒绝显示", anIdNumber(1956), aPhone()))
                .get("id").asLong();

        Response refused = as("bjstaff").post("/api/v1/residents/" + resident + "/reveal",
                Http.JSON.createObjectNode().put("field", "phone"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'resident.pii.reveal' and object_id = ?",
                Integer.class, String.valueOf(resident))).isZero();
    }

    @Test
    void theSameIdNumberTwiceIsAConflict() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        String id = anIdNumber(1980);
        assertThat(mei.post("/api/v1/residents", resident(household, "甲", id, null)).status()).isEqualTo(201);

        Response again = mei.post("/api/v1/residents", resident(household, "乙", id.toLowerCase(Locale.ROOT), null));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("type").asString()).endsWith("/duplicate-id-number");
        assertThat(again.text()).doesNotContain(id);
    }

    @Test
    void aWrongCheckCharacterIsRefusedNamingTheIdNumberAndNothingIsSaved() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        String id = anIdNumber(1981);
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        String bad = id.substring(0, 17) + wrong;
        int before = jdbc.queryForObject("select count(*) from resident", Integer.class);

        Response r = mei.post("/api/v1/residents", resident(household, "错号", bad, null));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("errors").findValuesAsString("field")).containsExactly("idNumber");
        assertThat(r.text()).doesNotContain(bad);
        assertThat(jdbc.queryForObject("select count(*) from resident", Integer.class)).isEqualTo(before);
    }

    @Test
    void aMalformedPhoneIsRefusedNamingThePhone() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");

        Response r = mei.post("/api/v1/residents", resident(household, "错手机", anIdNumber(1982), "1234567"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("errors").findValuesAsString("field")).containsExactly("phone");
        assertThat(r.text()).doesNotContain("1234567");
    }

    @Test
    void anExactLookupByIdNumberOrPhoneFindsTheResidentOnlyInsideTheScope() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        String id = anIdNumber(1975);
        String phone = aPhone();
        long resident = mei.post("/api/v1/residents", resident(household, "查找测试", id, phone)).get("id").asLong();

        Response byId = mei.post("/api/v1/residents/search", Http.JSON.createObjectNode().put("idNumber", id));
        Response byPhone = mei.post("/api/v1/residents/search", Http.JSON.createObjectNode().put("phone", phone));
        Response outside = as("shatou").post("/api/v1/residents/search", Http.JSON.createObjectNode().put("idNumber", id));

        assertThat(byId.json().get(0).get("id").asLong()).isEqualTo(resident);
        assertThat(byPhone.json().get(0).get("id").asLong()).isEqualTo(resident);
        assertThat(outside.json()).isEmpty();
    }

    @Test
    void aHouseholdMovedToAnotherBuildingTakesItsResidentsAlong() {
        Http mei = as("beijiang");
        long household = household(mei, "时代城小区", "4座");
        long resident = mei.post("/api/v1/residents", resident(household, "搬家测试", anIdNumber(1966), null)).get("id").asLong();
        long target = building("时代城二期小区", "1座");

        Response moved = mei.post("/api/v1/households/" + household + "/move", Http.JSON.createObjectNode()
                .put("buildingId", target).put("version", 0));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.get("compoundName").asString()).isEqualTo("时代城二期小区");
        String path = jdbc.queryForObject("select path from area where id = ?", String.class, target);
        assertThat(jdbc.queryForObject("select area_path from resident where id = ?", String.class, resident)).isEqualTo(path);
    }

    @Test
    void residentsFollowTheirBuildingWhenTheAreaTreeIsRearranged() {
        Http mei = as("beijiang");
        Response building = mei.post("/api/v1/areas", Http.JSON.createObjectNode().put("parentId", areaId("时代城小区"))
                .put("level", "BUILDING").put("name", unique("楼")));
        long buildingId = building.get("id").asLong();
        long household = mei.post("/api/v1/households", Http.JSON.createObjectNode().put("buildingId", buildingId)
                .put("doorNumber", "101")).get("id").asLong();
        long resident = mei.post("/api/v1/residents", resident(household, "随楼测试", anIdNumber(1967), null)).get("id").asLong();

        Response moved = mei.post("/api/v1/areas/" + buildingId + "/move", Http.JSON.createObjectNode()
                .put("parentId", areaId("颐澳湾小区")).put("version", building.get("version").asLong()));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        String path = jdbc.queryForObject("select path from area where id = ?", String.class, buildingId);
        assertThat(path).startsWith(areaPath("颐澳湾小区"));
        assertThat(jdbc.queryForObject("select area_path from household where id = ?", String.class, household)).isEqualTo(path);
        assertThat(jdbc.queryForObject("select area_path from resident where id = ?", String.class, resident)).isEqualTo(path);
        assertThat(as("grid3").get("/api/v1/residents/" + resident).status()).isEqualTo(200);
    }

    @Test
    void theDemoResidentSeesHerOwnHousehold() {
        Response mine = as("resident").get("/api/v1/households/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get(0).get("doorNumber").asString()).isEqualTo("1座1502");
        assertThat(mine.text()).contains("陈美玲").doesNotContain(ResidentDemo.CHEN_MEILING_ID);
    }

    @Test
    void theThreeAdministratorsSeeNoResidents() {
        for (String admin : new String[] {"sysadmin", "secadmin", "auditor"}) {
            assertThat(as(admin).get("/api/v1/residents").status()).isEqualTo(403);
            assertThat(as(admin).get("/api/v1/households").status()).isEqualTo(403);
        }
    }
}
