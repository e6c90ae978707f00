package org.lianxin.volunteer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A member's personal check-in code (我的签到码), the other way round from {@link CheckInCodes}: his phone shows it and
 * the organiser scans it. {@code LXM.<member>.<minute>.<HMAC(member, minute)>} as a QR code, a new one every minute,
 * with the same secret as the activity codes; and an eight-digit number from the same HMAC to read out when there is
 * no camera. A code is good in its minute and the next; up to ten minutes older it is expired (409), and a QR text
 * whose HMAC does not match is forged (400). The number does not name the member: it is matched against the people
 * signed up for the activity being checked in, so it only ever finds one of them.
 */
@Component
class MemberCodes {

    /** How far back a number is still recognised, to say it expired rather than that nobody has it. */
    static final int RECOGNISED_MINUTES = 10;

    /** The code, its number and when they stop being accepted. */
    record Code(String text, String number, Instant rotatesAt, Instant validUntil) {
    }

    private final byte[] key;

    MemberCodes(VolunteerProperties properties) {
        this.key = properties.checkInSecret().getBytes(StandardCharsets.UTF_8);
    }

    Code current(long memberId, Instant now) {
        long minute = now.getEpochSecond() / 60;
        byte[] digest = digest(memberId, minute);
        return new Code("LXM." + memberId + "." + minute + "." + text(digest), number(digest),
                Instant.ofEpochSecond((minute + 1) * 60), Instant.ofEpochSecond((minute + 2) * 60));
    }

    /** Whether the scanned text is a member's QR code (else it may be his number). */
    static boolean isCode(String scanned) {
        return scanned != null && scanned.strip().startsWith("LXM.");
    }

    /** The member a QR code names: forged → 400, expired → 409. */
    long memberOf(String code, Instant now) {
        String[] parts = code == null ? new String[0] : code.strip().split("\\.");
        if (parts.length != 4 || !"LXM".equals(parts[0]) || !parts[1].matches("\\d{1,18}") || !parts[2].matches("\\d{1,12}")) {
            throw new InvalidInputException("code", "check-in.member-code.invalid");
        }
        long memberId = Long.parseLong(parts[1]);
        long minute = Long.parseLong(parts[2]);
        if (!MessageDigest.isEqual(text(digest(memberId, minute)).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInputException("code", "check-in.member-code.invalid");
        }
        long nowMinute = now.getEpochSecond() / 60;
        if (minute > nowMinute || minute < nowMinute - 1) {
            throw new ConflictException("code-expired", "check-in.member-code.expired");
        }
        return memberId;
    }

    /**
     * The one member among {@code candidates} (those signed up) whose number this is now; a number of theirs from a
     * few minutes ago answers 409 expired; two matching at once (one chance in millions) asks for the QR code.
     */
    Optional<Long> memberOfNumber(String number, Collection<Long> candidates, Instant now) {
        String digits = number == null ? "" : number.replaceAll("\\s", "");
        if (!digits.matches("\\d{8}")) {
            throw new InvalidInputException("code", "check-in.member-code.invalid");
        }
        long nowMinute = now.getEpochSecond() / 60;
        List<Long> current = new ArrayList<>();
        boolean expired = false;
        for (long memberId : candidates) {
            for (long minute = nowMinute; minute >= nowMinute - RECOGNISED_MINUTES; minute--) {
                if (MessageDigest.isEqual(number(digest(memberId, minute)).getBytes(StandardCharsets.US_ASCII),
                        digits.getBytes(StandardCharsets.US_ASCII))) {
                    if (minute >= nowMinute - 1) {
                        current.add(memberId);
                    } else {
                        expired = true;
                    }
                    break;
                }
            }
        }
        if (current.size() > 1) {
            throw new ConflictException("ambiguous", "check-in.member-code.ambiguous");
        }
        if (current.isEmpty() && expired) {
            throw new ConflictException("code-expired", "check-in.member-code.expired");
        }
        return current.stream().findFirst();
    }

    private byte[] digest(long memberId, long minute) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(("member:" + memberId + ":" + minute).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    /** Eight digits from the HMAC's last bytes (the QR text uses its first ones). */
    private static String number(byte[] digest) {
        long value = ((digest[28] & 0xFFL) << 24) | ((digest[29] & 0xFFL) << 16) | ((digest[30] & 0xFFL) << 8)
                | (digest[31] & 0xFFL);
        return String.format("%08d", value % 100_000_000L);
    }
}
