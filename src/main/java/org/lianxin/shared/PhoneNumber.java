package org.lianxin.shared;

import java.util.regex.Pattern;

/**
 * A Chinese phone number: an 11-digit mobile number or a landline with its area code. Shown masked
 * ({@code 138****5678}) unless a permission allows the whole number.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    public PhoneNumber {
        if (value == null || !isValid(value)) {
            throw new IllegalArgumentException("not a phone number");
        }
    }

    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        return MOBILE.matcher(v).matches() || LANDLINE.matcher(v).matches();
    }

    /** The number with the middle digits hidden: 138****5678, 0757-****1234. */
    public static String mask(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (MOBILE.matcher(v).matches()) {
            return v.substring(0, 3) + "****" + v.substring(7);
        }
        int dash = v.indexOf('-');
        String prefix = dash > 0 ? v.substring(0, dash + 1) : v.substring(0, Math.min(4, v.length()));
        return prefix + "****" + v.substring(Math.max(prefix.length(), v.length() - 4));
    }

    public String masked() {
        return mask(value);
    }
}
