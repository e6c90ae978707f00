package org.lianxin.access;

import java.time.Instant;

/** For tests elsewhere (the browser tests): the code an authenticator app shows for a secret. */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The code for the current 30-second step plus {@code stepOffset}. */
    public static String code(String base32Secret, long stepOffset) {
        return Totp.code(Totp.fromBase32(base32Secret.replace(" ", "")), Totp.step(Instant.now()) + stepOffset, Totp.DIGITS);
    }
}
