package org.lianxin.member;

import java.util.concurrent.ThreadLocalRandom;

import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.shared.IdNumber;

import tools.jackson.databind.node.ObjectNode;

/** Small builders for member tests: a fresh valid ID number, a member form, a member with his own login. */
public final class Members {

    public static final String PASSWORD = "Member#2026x";

    private Members() {
    }

    /** An invented ID number of valid form, different on every call. */
    static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "440607" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static ObjectNode form(String name, String idNumber, String phone, long communityId) {
        ObjectNode form = Http.JSON.createObjectNode().put("name", name).put("idNumber", idNumber).put("phone", phone)
                .put("communityId", communityId).put("employment", "IN_SERVICE").put("ownOrganization", "测试单位党支部");
        form.putArray("skills").add("LAW");
        return form;
    }

    /** A new account with the MEMBER role at the community, and a member record linked to it; returns the member's client. */
    public static Http memberWithLogin(int port, String username, String name, long communityId) {
        Http sysadmin = Http.as(port, "sysadmin");
        Response account = sysadmin.post("/api/v1/accounts", Http.JSON.createObjectNode().put("username", username)
                .put("displayName", name).put("password", PASSWORD));
        if (account.status() != 201) {
            throw new IllegalStateException(account.toString());
        }
        Response role = sysadmin.post("/api/v1/accounts/" + account.get("id").asLong() + "/role-assignments",
                Http.JSON.createObjectNode().put("role", "MEMBER").put("areaId", communityId));
        if (role.status() >= 300) {
            throw new IllegalStateException(role.toString());
        }
        Response member = Http.as(port, "beijiang").post("/api/v1/members",
                form(name, idNumber(), phone(), communityId).put("username", username));
        if (member.status() != 201) {
            throw new IllegalStateException(member.toString());
        }
        Http http = new Http(port);
        if (http.login(username, PASSWORD).status() != 200) {
            throw new IllegalStateException("login failed for " + username);
        }
        return http;
    }
}
