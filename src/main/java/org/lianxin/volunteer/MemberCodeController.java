package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 我的签到码: the member's phone shows his personal code, a QR code and an eight-digit number that change every minute
 * ({@link MemberCodes}); the organiser scans it (or types the number) to check him in and out.
 */
@Tag(name = "志愿服务活动 Volunteer activities")
@RestController
@RequestMapping("/api/v1/member-codes")
class MemberCodeController {

    record MemberCodeView(String memberName, String code, String number, Instant rotatesAt, Instant validUntil) {
    }

    private final VolunteerPermissions permissions;
    private final MemberCodes codes;
    private final Clock clock;

    MemberCodeController(VolunteerPermissions permissions, MemberCodes codes, Clock clock) {
        this.permissions = permissions;
        this.codes = codes;
        this.clock = clock;
    }

    @Operation(summary = "My personal check-in code (a member who joins activities): a QR text and an eight-digit number, "
            + "a new pair every minute")
    @GetMapping("/mine")
    ResponseEntity<MemberCodeView> mine(@CurrentUser Actor actor) {
        VolunteerPermissions.Joiner joiner = permissions.joiner(actor)
                .orElseThrow(() -> new ForbiddenException(VolunteerPermissions.JOIN));
        MemberCodes.Code code = codes.current(joiner.volunteer().memberId(), clock.instant());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new MemberCodeView(joiner.volunteer().name(),
                code.text(), code.number(), code.rotatesAt(), code.validUntil()));
    }
}
