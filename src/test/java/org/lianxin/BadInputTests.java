package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.Http.Response;

/** Bad input answers 4xx naming the field, and nothing changes in the database. */
class BadInputTests extends ApiTest {

    private Http mei;
    private Http officer;
    private int areasBefore;
    private int auditBefore;

    @BeforeEach
    void countRows() {
        mei = as("beijiang");
        officer = as("xinan");
        areasBefore = count("area");
        auditBefore = count("audit_entry");
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private void nothingChanged() {
        assertThat(count("area")).isEqualTo(areasBefore);
        assertThat(count("audit_entry")).isEqualTo(auditBefore);
    }

    @Test
    void malformedJson() {
        Response r = mei.postRaw("/api/v1/areas", "{\"parentId\": 1, \"name\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("type").asString()).endsWith("/malformed-request");
        nothingChanged();
    }

    @Test
    void missingFieldsAreEachNamed() {
        Response r = mei.post("/api/v1/areas", Http.JSON.createObjectNode());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("errors").findValuesAsString("field")).contains("parentId", "level", "name");
        nothingChanged();
    }

    @Test
    void oversizedFields() {
        Response r = mei.post("/api/v1/areas", Http.JSON.createObjectNode().put("parentId", areaId("北江社区"))
                .put("level", "GRID").put("name", "网".repeat(101)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("errors").findValuesAsString("field")).containsExactly("name");
        nothingChanged();
    }

    @Test
    void wrongTypesNameTheField() {
        Response body = mei.postRaw("/api/v1/areas", "{\"parentId\":\"abc\",\"level\":\"GRID\",\"name\":\"x\"}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.get("errors").findValuesAsString("field")).containsExactly("parentId");
        Response path = mei.get("/api/v1/areas/abc");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.get("errors").findValuesAsString("field")).containsExactly("id");
        Response size = mei.get("/api/v1/areas?size=1000");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.get("errors").findValuesAsString("field")).containsExactly("size");
        nothingChanged();
    }

    @Test
    void unknownIdsAnswer404() {
        assertThat(mei.get("/api/v1/areas/987654321").status()).isEqualTo(404);
        Response r = mei.post("/api/v1/areas", Http.JSON.createObjectNode().put("parentId", 987654321)
                .put("level", "GRID").put("name", "无父网格"));
        assertThat(r.status()).isEqualTo(404);
        nothingChanged();
    }

    @Test
    void aGeoJsonThatIsNotAPolygon() {
        var body = Http.JSON.createObjectNode().put("parentId", areaId("北江社区")).put("level", "GRID").put("name", "点网格");
        body.set("boundary", Http.JSON.readTree("{\"type\":\"Point\",\"coordinates\":[112.88,23.15]}"));
        Response r = mei.post("/api/v1/areas", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("errors").get(0).get("field").asString()).isEqualTo("boundary");
        assertThat(r.get("detail").asString()).contains("Polygon");
        nothingChanged();
    }

    @Test
    void anUnknownLevelAndAWrongEnum() {
        Response level = mei.post("/api/v1/areas", Http.JSON.createObjectNode().put("parentId", areaId("北江社区"))
                .put("level", "PLANET").put("name", "x"));
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.get("errors").get(0).get("field").asString()).isEqualTo("level");
        Response kind = officer.postRaw("/api/v1/partner-units",
                "{\"name\":\"某单位\",\"kind\":\"SPACESHIP\",\"areaId\":" + areaId("西南街道") + "}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.get("errors").findValuesAsString("field")).containsExactly("kind");
        nothingChanged();
    }

    @Test
    void anInvalidPhoneNumberIsNamed() {
        Response r = mei.post("/api/v1/grid-roles", Http.JSON.createObjectNode().put("gridId", areaId("北江社区第一网格"))
                .put("role", "VOLUNTEER").put("personName", "某人").put("phone", "12345"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(r.get("errors").get(0).get("message").asString()).contains("手机号");
    }
}
