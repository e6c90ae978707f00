package org.lianxin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void computesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_KEY, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, 2000000000L / 30, 8)).isEqualTo("69279037");
    }

    @Test
    void base32RoundTrips() {
        String secret = Totp.base32(RFC_KEY);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32(secret)).isEqualTo(RFC_KEY);
    }

    @Test
    void aCodeIsAcceptedAroundItsStepButNeverTwice() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-11-24T08:00:10Z");
        long step = Totp.step(now);
        String code = Totp.code(Totp.fromBase32(secret), step, 6);

        assertThat(Totp.verify(secret, code, now, null)).isEqualTo(step);
        assertThat(Totp.verify(secret, code, now.plusSeconds(30), null)).isEqualTo(step);
        assertThat(Totp.verify(secret, code, now.plusSeconds(90), null)).isEqualTo(-1);
        assertThat(Totp.verify(secret, code, now, step)).as("replayed").isEqualTo(-1);
        assertThat(Totp.verify(secret, "12345", now, null)).isEqualTo(-1);
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.otpauthUri("连心 Lianxin", "sysadmin", "ABC"))
                .startsWith("otpauth://totp/").contains("secret=ABC").contains("digits=6").contains("period=30");
    }
}
