package org.lianxin.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login policy: how many failures lock a username, and for how long. */
@ConfigurationProperties(prefix = "lianxin.security")
record AccessProperties(int maxFailedLogins, Duration lockDuration) {

    AccessProperties {
        if (maxFailedLogins <= 0) {
            maxFailedLogins = 5;
        }
        if (lockDuration == null) {
            lockDuration = Duration.ofMinutes(30);
        }
    }
}
