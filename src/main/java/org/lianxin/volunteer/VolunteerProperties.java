package org.lianxin.volunteer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianxin.volunteer.check-in-secret}: the key of the rotating check-in codes (the same on every node; set
 * it in production); {@code check-in-early-minutes}: how long before the start members may check in (30);
 * {@code reminder-cron}: how often the reminder job looks for activities starting soon.
 */
@ConfigurationProperties(prefix = "lianxin.volunteer")
record VolunteerProperties(String checkInSecret, Integer checkInEarlyMinutes) {

    VolunteerProperties {
        checkInSecret = checkInSecret == null || checkInSecret.isBlank() ? "lianxin-check-in-dev-only" : checkInSecret;
        checkInEarlyMinutes = checkInEarlyMinutes == null || checkInEarlyMinutes < 0 ? 30 : checkInEarlyMinutes;
    }
}
