package org.lianxin.resident;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The developer inbox: the latest text messages the dev-inbox sender "sent", codes included. It
 * exists only while that sender is active, and even then only for callers who confirm signups
 * (community staff): the codes are one-time credentials for creating accounts, so an anonymous
 * inbox would let anybody on the network sign up with any phone number.
 */
@Tag(name = "开发收件箱 Developer inbox")
@RestController
@RequestMapping("/api/v1/dev-inbox")
@ConditionalOnProperty(name = "lianxin.sms.sender", havingValue = "dev-inbox")
class DevInboxController {

    record MessageView(long id, String phone, String text, Instant sentAt) {
    }

    private final JdbcTemplate jdbc;
    private final ResidentPermissions permissions;

    DevInboxController(JdbcTemplate jdbc, ResidentPermissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    @Operation(summary = "The latest 50 messages of the developer SMS inbox (phones masked)")
    @GetMapping
    @Transactional(readOnly = true)
    List<MessageView> latest(@CurrentUser Actor actor) {
        permissions.require(actor, ResidentPermissions.SIGNUP_CONFIRM);
        return jdbc.query("select id, phone_masked, text, created_at from dev_inbox order by created_at desc, id desc "
                + "fetch first 50 rows only", (rs, i) -> new MessageView(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant()));
    }
}
