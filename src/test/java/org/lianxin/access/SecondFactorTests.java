package org.lianxin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

class SecondFactorTests extends ApiTest {

    private static String code(String secret, long stepOffset) {
        return Totp.code(Totp.fromBase32(secret), Totp.step(Instant.now()) + stepOffset, 6);
    }

    private String newAdministrator() {
        String username = unique("admin");
        Http sysadmin = as("sysadmin");
        long id = sysadmin.post("/api/v1/accounts", Http.JSON.createObjectNode().put("username", username)
                .put("displayName", "新管理员").put("password", "Admin#2026x")).get("id").asLong();
        sysadmin.post("/api/v1/accounts/" + id + "/role-assignments", Http.JSON.createObjectNode()
                .put("role", "AUDIT_ADMIN").put("areaId", areaId("三水区")));
        return username;
    }

    @Test
    void anAdministratorTurnsOnTheSecondFactorAndThenNeedsACodeToLogIn() {
        String username = newAdministrator();
        Http admin = anonymous();
        Response first = admin.login(username, "Admin#2026x");
        assertThat(first.get("totpRecommended").asBoolean()).isTrue();

        Response setup = admin.post("/api/v1/auth/totp/setup", null);
        String secret = setup.get("secret").asString();
        assertThat(setup.get("otpauthUri").asString()).startsWith("otpauth://totp/").contains(secret);
        assertThat(admin.post("/api/v1/auth/totp/enable", Http.JSON.createObjectNode().put("code", "000000")).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/auth/totp/enable", Http.JSON.createObjectNode().put("code", code(secret, -1)))
                .status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select totp_secret_cipher from account where username = ?", String.class, username))
                .doesNotContain(secret);

        Http later = anonymous();
        Response password = later.login(username, "Admin#2026x");
        assertThat(password.status()).isEqualTo(401);
        assertThat(password.get("type").asString()).endsWith("/totp-required");
        assertThat(later.get("/api/v1/auth/me").status()).as("not logged in yet").isEqualTo(401);
        assertThat(later.post("/api/v1/auth/login/totp", Http.JSON.createObjectNode().put("code", "123456")).status())
                .isEqualTo(401);

        Response withCode = later.post("/api/v1/auth/login/totp", Http.JSON.createObjectNode().put("code", code(secret, 0)));
        assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
        assertThat(withCode.get("totpEnabled").asBoolean()).isTrue();
        assertThat(later.get("/api/v1/auth/me").status()).isEqualTo(200);

        Http replay = anonymous();
        replay.login(username, "Admin#2026x");
        assertThat(replay.post("/api/v1/auth/login/totp", Http.JSON.createObjectNode().put("code", code(secret, 0)))
                .status()).as("the same code twice").isEqualTo(401);
    }

    @Test
    void theCodeStepCannotBeSkippedAndTheSecurityAdministratorCanResetIt() {
        String username = newAdministrator();
        Http admin = anonymous();
        admin.login(username, "Admin#2026x");
        String secret = admin.post("/api/v1/auth/totp/setup", null).get("secret").asString();
        admin.post("/api/v1/auth/totp/enable", Http.JSON.createObjectNode().put("code", code(secret, 0)));

        Http direct = anonymous();
        assertThat(direct.post("/api/v1/auth/login/totp", Http.JSON.createObjectNode().put("code", code(secret, 1)))
                .status()).as("a code without the password first").isEqualTo(401);

        long id = jdbc.queryForObject("select id from account where username = ?", Long.class, username);
        Response reset = as("secadmin").post("/api/v1/accounts/" + id + "/totp/reset", null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.get("totpEnabled").asBoolean()).isFalse();
        assertThat(anonymous().login(username, "Admin#2026x").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'account.totp.reset' and object_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }
}
