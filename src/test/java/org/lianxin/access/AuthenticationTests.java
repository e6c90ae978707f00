package org.lianxin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;

class AuthenticationTests extends ApiTest {

    private Http newAccount(String username) {
        Http admin = as("sysadmin");
        Response created = admin.post("/api/v1/accounts", Http.JSON.createObjectNode().put("username", username)
                .put("displayName", "测试用户").put("password", "Str0ng!Pass"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous();
    }

    @Test
    void aDemoAccountLogsInAndSeesWhoItIs() {
        Http http = anonymous();
        Response login = http.login("beijiang", Http.DEMO_PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.get("displayName").asString()).contains("梅丽华");
        assertThat(http.sessionId()).isNotBlank();
        Response me = http.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.get("roles").get(0).get("areaName").asString()).isEqualTo("北江社区");
        assertThat(me.get("roles").get(0).get("roleLabel").asString()).isEqualTo("社区党委书记");
        assertThat(me.get("permissions").toString()).contains("organization:area:write");
    }

    @Test
    void aWrongPasswordAnswersTheSameAsAnUnknownUsername() {
        String username = unique("wrong");
        newAccount(username);
        Response wrongPassword = anonymous().login(username, "Wrong!Pass1");
        Response unknownUser = anonymous().login(unique("nobody"), "Wrong!Pass1");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.get("type").asString()).endsWith("/bad-credentials");
        assertThat(wrongPassword.get("detail")).isEqualTo(unknownUser.get("detail"));
        assertThat(wrongPassword.get("detail").asString()).isEqualTo("用户名或密码错误");
    }

    @Test
    void fiveFailuresLockTheAccountForThirtyMinutesEvenForTheRightPassword() {
        String username = unique("lock");
        Http http = newAccount(username);
        for (int i = 1; i <= 4; i++) {
            assertThat(http.login(username, "Wrong!Pass" + i).status()).isEqualTo(401);
        }
        Response fifth = http.login(username, "Wrong!Pass5");

        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.get("type").asString()).endsWith("/account-locked");
        assertThat(fifth.get("detail").asString()).contains("锁定").contains("30 分钟");
        Instant until = Instant.parse(fifth.get("lockedUntil").asString());
        assertThat(until).isBetween(Instant.now().plusSeconds(29 * 60), Instant.now().plusSeconds(31 * 60));
        assertThat(http.login(username, "Str0ng!Pass").status()).isEqualTo(423);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'auth.lockout' and actor = ?",
                Integer.class, username)).isEqualTo(1);
    }

    @Test
    void aLockOnAnUnknownUsernameLooksExactlyLikeOneOnARealAccount() {
        String ghost = unique("ghost");
        Http http = anonymous();
        Response last = null;
        for (int i = 1; i <= 5; i++) {
            last = http.login(ghost, "Wrong!Pass" + i);
        }
        assertThat(last.status()).isEqualTo(423);
        assertThat(last.get("type").asString()).endsWith("/account-locked");
    }

    @Test
    void theSecurityAdministratorLiftsALock() {
        String username = unique("unlock");
        Http http = newAccount(username);
        for (int i = 1; i <= 5; i++) {
            http.login(username, "Wrong!Pass" + i);
        }
        long id = jdbc.queryForObject("select id from account where username = ?", Long.class, username);
        Http secadmin = as("secadmin");
        assertThat(secadmin.get("/api/v1/accounts/" + id).get("locked").asBoolean()).isTrue();

        Response unlocked = secadmin.post("/api/v1/accounts/" + id + "/unlock", null);

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.get("locked").asBoolean()).isFalse();
        assertThat(http.login(username, "Str0ng!Pass").status()).isEqualTo(200);
    }

    @Test
    void aSessionIdleForThirtyMinutesEnds() {
        Http http = as("bjstaff");
        assertThat(http.get("/api/v1/auth/me").status()).isEqualTo(200);
        long thirtyOneMinutesAgo = System.currentTimeMillis() - 31 * 60 * 1000L;
        jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?",
                thirtyOneMinutesAgo, thirtyOneMinutesAgo + 30 * 60 * 1000L, http.sessionId());

        Response after = http.get("/api/v1/auth/me");

        assertThat(after.status()).isEqualTo(401);
        assertThat(after.get("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void sessionsAreKeptInTheDatabaseSoAnotherNodeCanServeThem() {
        Http http = as("grid3");
        Integer rows = jdbc.queryForObject("select count(*) from spring_session where session_id = ? and principal_name = ?",
                Integer.class, http.sessionId(), "grid3");
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefused() {
        Http http = as("beijiang");
        Response forged = http.postWithoutCsrf("/api/v1/areas",
                Http.JSON.createObjectNode().put("parentId", areaId("北江社区")).put("level", "GRID").put("name", "伪造网格"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from area where name = '伪造网格'", Integer.class)).isZero();
    }

    @Test
    void loggingInIssuesANewCsrfTokenSoOnePlantedBeforeIsWorthless() {
        Http http = anonymous();
        http.get("/api/v1/auth/me");
        String before = http.cookie("XSRF-TOKEN");
        assertThat(http.login("bjstaff", Http.DEMO_PASSWORD).status()).isEqualTo(200);

        assertThat(http.cookie("XSRF-TOKEN")).isNotBlank().isNotEqualTo(before);
        Response write = http.post("/api/v1/grid-roles", Http.JSON.createObjectNode().put("gridId", areaId("北江社区第二网格"))
                .put("role", "VOLUNTEER").put("personName", "登录后写入"));
        assertThat(write.status()).isEqualTo(201);
    }

    @Test
    void afterLogoutTheSessionNoLongerWorks() {
        Http http = as("member");
        assertThat(http.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void messagesFollowTheCallersLanguage() {
        Response en = anonymous().language("en").login(unique("someone"), "Wrong!Pass1");
        assertThat(en.get("detail").asString()).isEqualTo("Wrong username or password");
        Response unauthenticated = anonymous().language("en").get("/api/v1/areas/roots");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.get("title").asString()).isEqualTo("Not logged in");
    }

    @Test
    void loginsAndFailuresAreAudited() {
        as("shatou");
        anonymous().login("shatou", "Wrong!Pass1");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'auth.login' and actor = 'shatou' "
                + "and result = 'SUCCESS' and source_address is not null", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'auth.login' and actor = 'shatou' "
                + "and result = 'FAILURE'", Integer.class)).isPositive();
    }
}
