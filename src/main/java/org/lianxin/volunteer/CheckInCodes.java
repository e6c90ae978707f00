package org.lianxin.volunteer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The organiser's rotating check-in code: {@code LXA.<activity>.<minute>.<HMAC(activity, minute)>}, a new one
 * every minute. A code is good in its minute and the next (a member scanning as it turns); an older one is
 * expired, and one whose HMAC does not match (or that names another activity) is forged.
 */
@Component
class CheckInCodes {

    /** A code and when it stops being accepted. */
    record Code(String text, Instant validUntil, Instant rotatesAt) {
    }

    private final byte[] key;

    CheckInCodes(VolunteerProperties properties) {
        this.key = properties.checkInSecret().getBytes(StandardCharsets.UTF_8);
    }

    Code current(long activityId, Instant now) {
        long minute = now.getEpochSecond() / 60;
        return new Code("LXA." + activityId + "." + minute + "." + mac(activityId, minute),
                Instant.ofEpochSecond((minute + 2) * 60), Instant.ofEpochSecond((minute + 1) * 60));
    }

    /** The activity a code names, from its text alone (the mobile page posts the scanned text). */
    static long activityOf(String code) {
        String[] parts = code == null ? new String[0] : code.strip().split("\\.");
        if (parts.length != 4 || !"LXA".equals(parts[0]) || !parts[1].matches("\\d{1,18}")) {
            throw new InvalidInputException("code", "check-in.code.invalid");
        }
        return Long.parseLong(parts[1]);
    }

    /** Checks a scanned code for this activity now: forged → 400, expired → 409. */
    void verify(long activityId, String code, Instant now) {
        String[] parts = code == null ? new String[0] : code.strip().split("\\.");
        if (parts.length != 4 || !"LXA".equals(parts[0]) || !parts[1].equals(String.valueOf(activityId))
                || !parts[2].matches("\\d{1,12}")) {
            throw new InvalidInputException("code", "check-in.code.invalid");
        }
        long minute = Long.parseLong(parts[2]);
        if (!MessageDigest.isEqual(mac(activityId, minute).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInputException("code", "check-in.code.invalid");
        }
        long nowMinute = now.getEpochSecond() / 60;
        if (minute > nowMinute || minute < nowMinute - 1) {
            throw new ConflictException("code-expired", "check-in.code.expired");
        }
    }

    private String mac(long activityId, long minute) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = hmac.doFinal(("activity:" + activityId + ":" + minute).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
