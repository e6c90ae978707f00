package org.lianxin.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time limit as categories configure it: {@code 4h} (working hours) or {@code 3d} (working days). */
record TimeLimit(int amount, boolean hours) {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,2})([dh])");

    static TimeLimit parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a time limit is like 4h or 3d: " + text);
        }
        return new TimeLimit(Integer.parseInt(m.group(1)), m.group(2).equals("h"));
    }

    Instant from(Instant start, WorkingCalendar calendar) {
        return hours ? calendar.plusWorkingHours(start, Duration.ofHours(amount)) : calendar.plusWorkingDays(start, amount);
    }

    @Override
    public String toString() {
        return amount + (hours ? "h" : "d");
    }
}
