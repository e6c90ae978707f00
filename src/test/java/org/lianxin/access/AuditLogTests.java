package org.lianxin.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

class AuditLogTests extends ApiTest {

    @Test
    void theAuditAdministratorReadsWhoDidWhatToWhichObjectFromWhere() {
        Http mei = as("beijiang");
        Response grid = mei.post("/api/v1/areas", Http.JSON.createObjectNode().put("parentId", areaId("北江社区"))
                .put("level", "GRID").put("name", unique("审计网格")));
        Response page = as("auditor").get("/api/v1/audit-entries?action=area.create&actor=beijiang&size=5");

        assertThat(page.status()).isEqualTo(200);
        var entry = page.get("content").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("beijiang");
        assertThat(entry.get("objectType").asString()).isEqualTo("Area");
        assertThat(entry.get("objectId").asString()).isEqualTo(grid.get("id").asString());
        assertThat(entry.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(entry.get("sourceAddress").asString()).isNotBlank();
        assertThat(entry.get("hash").asString()).hasSize(64);
    }

    @Test
    void verifyReportsAnIntactChainAndThenTheFirstTamperedEntry() {
        Http auditor = as("auditor");
        Response intact = auditor.post("/api/v1/audit-entries/verify", null);
        assertThat(intact.status()).isEqualTo(200);
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("checked").asLong()).isPositive();

        long victim = jdbc.queryForObject("select min(seq) from audit_entry where action = 'auth.login'", Long.class);
        String original = jdbc.queryForObject("select actor from audit_entry where seq = ?", String.class, victim);
        tamper("update audit_entry set actor = 'nobody' where seq = " + victim);
        try {
            Response broken = auditor.post("/api/v1/audit-entries/verify", null);
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(victim);
            assertThat(broken.get("message").asString()).contains("篡改").contains(String.valueOf(victim));
        } finally {
            tamper("update audit_entry set actor = '" + original + "' where seq = " + victim);
        }
        assertThat(auditor.post("/api/v1/audit-entries/verify", null).get("intact").asBoolean()).isTrue();
    }

    /** On PostgreSQL the table refuses changes; a tamperer with database rights would lift the guard first. */
    private void tamper(String sql) {
        boolean postgres = isPostgres();
        if (postgres) {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        }
        try {
            jdbc.update(sql);
        } finally {
            if (postgres) {
                jdbc.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
            }
        }
    }

    private boolean isPostgres() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).toLowerCase()
                .contains("postgres");
    }

    @Test
    void onPostgresqlTheDatabaseItselfRefusesToChangeAnEntry() {
        // H2 has no trigger language; there the hash chain alone shows a change
        org.junit.jupiter.api.Assumptions.assumeTrue(isPostgres(), "PostgreSQL only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = 1"))
                .hasMessageContaining("append-only");
    }
}
