package org.lianxin.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

import tools.jackson.databind.node.ObjectNode;

class AccountTests extends ApiTest {

    private ObjectNode account(String username, String password) {
        return Http.JSON.createObjectNode().put("username", username).put("displayName", "新同事").put("password", password);
    }

    private ObjectNode grant(String role, long areaId) {
        return Http.JSON.createObjectNode().put("role", role).put("areaId", areaId);
    }

    @Test
    void theSystemAdministratorCreatesAnAccountAndGivesItTwoRolesWhoseUnionApplies() {
        Http admin = as("sysadmin");
        String username = unique("mei");
        Response created = admin.post("/api/v1/accounts", account(username, "Beijiang#2026"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.get("id").asLong();

        assertThat(admin.post("/api/v1/accounts/" + id + "/role-assignments",
                grant("COMMUNITY_SECRETARY", areaId("北江社区"))).status()).isEqualTo(201);
        Response second = admin.post("/api/v1/accounts/" + id + "/role-assignments",
                grant("GRID_WORKER", areaId("沙头社区第一网格")));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.get("roles")).hasSize(2);

        Http person = anonymous();
        assertThat(person.login(username, "Beijiang#2026").status()).isEqualTo(200);
        Response roots = person.get("/api/v1/areas/roots");
        assertThat(roots.json().findValuesAsString("name")).containsExactlyInAnyOrder("北江社区", "沙头社区第一网格");
        assertThat(person.get("/api/v1/areas/" + areaId("沙头社区第二网格")).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'account.role.assign' and object_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void aRoleCanOnlyBeGivenAtTheLevelItBelongsTo() {
        Http admin = as("sysadmin");
        long id = admin.post("/api/v1/accounts", account(unique("lvl"), "Beijiang#2026")).get("id").asLong();

        Response wrong = admin.post("/api/v1/accounts/" + id + "/role-assignments",
                grant("COMMUNITY_SECRETARY", areaId("北江社区第一网格")));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("areaId");
    }

    @Test
    void weakPasswordsAndTakenUsernamesAreRefused() {
        Http admin = as("sysadmin");
        Response weak = admin.post("/api/v1/accounts", account(unique("weak"), "password"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.get("type").asString()).endsWith("/password-policy");
        assertThat(weak.get("errors").get(0).get("field").asString()).isEqualTo("password");

        Response taken = admin.post("/api/v1/accounts", account("beijiang", "Beijiang#2026"));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void theThreeAdministratorsAreKeptApart() {
        assertThat(as("sysadmin").get("/api/v1/audit-entries").status()).isEqualTo(403);
        assertThat(as("auditor").post("/api/v1/accounts", account(unique("x"), "Beijiang#2026")).status()).isEqualTo(403);
        assertThat(as("auditor").get("/api/v1/accounts").status()).isEqualTo(403);
        assertThat(as("secadmin").post("/api/v1/accounts", account(unique("y"), "Beijiang#2026")).status()).isEqualTo(403);
        assertThat(as("beijiang").get("/api/v1/accounts").status()).isEqualTo(403);
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        Http admin = as("sysadmin");
        String username = unique("off");
        Response created = admin.post("/api/v1/accounts", account(username, "Beijiang#2026"));
        long id = created.get("id").asLong();
        Response disabled = admin.put("/api/v1/accounts/" + id, Http.JSON.createObjectNode()
                .put("displayName", "已停用").put("enabled", false).put("version", created.get("version").asLong()));
        assertThat(disabled.status()).isEqualTo(200);

        assertThat(anonymous().login(username, "Beijiang#2026").status()).isEqualTo(401);
    }

    @Test
    void aRevokedRoleStopsApplyingAtOnce() {
        Http admin = as("sysadmin");
        String username = unique("rev");
        long id = admin.post("/api/v1/accounts", account(username, "Beijiang#2026")).get("id").asLong();
        Response granted = admin.post("/api/v1/accounts/" + id + "/role-assignments", grant("COMMUNITY_STAFF", areaId("沙头社区")));
        long assignment = granted.get("roles").get(0).get("id").asLong();
        Http person = anonymous();
        person.login(username, "Beijiang#2026");
        assertThat(person.get("/api/v1/areas/" + areaId("沙头社区")).status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/accounts/" + id + "/role-assignments/" + assignment).status()).isEqualTo(204);

        assertThat(person.get("/api/v1/areas/" + areaId("沙头社区")).status()).isEqualTo(404);
    }
}
