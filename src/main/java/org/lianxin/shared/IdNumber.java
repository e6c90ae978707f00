package org.lianxin.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A mainland resident identity card number (居民身份证号码, GB 11643-1999): 6 digits of the place of
 * registration, 8 of the birth date, 3 of sequence (odd for men) and a check character computed with
 * ISO 7064 MOD 11-2. Shown masked ({@code 4401**********1234}); stored sealed.
 */
public record IdNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public IdNumber {
        value = normalize(value);
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid resident ID number");
        }
    }

    /** Upper-cases a trailing x and strips spaces, as people type them. */
    public static String normalize(String value) {
        return value == null ? null : value.strip().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isValid(String raw) {
        String v = normalize(raw);
        if (v == null || !SHAPE.matcher(v).matches()) {
            return false;
        }
        if (checkCharacter(v.substring(0, 17)) != v.charAt(17)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** {@code M} or {@code F}, from the parity of the sequence digits. */
    public String gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /** The first four and the last four characters, the rest hidden: 4401**********1234. */
    public static String mask(String value) {
        if (value == null || value.length() < 8) {
            return value == null ? null : "****";
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    public String masked() {
        return mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
