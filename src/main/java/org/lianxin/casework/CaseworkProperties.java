package org.lianxin.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Casework settings ({@code lianxin.casework.*}): when a deadline turns yellow (the last {@code yellowFraction}
 * of the step's time), how long the reporter may reopen a closed case, and what "nearby" means for duplicates.
 */
@ConfigurationProperties("lianxin.casework")
record CaseworkProperties(Double yellowFraction, Integer reopenWithinDays, Integer nearbyRadiusMetres,
                          Integer nearbyDays) {

    CaseworkProperties {
        yellowFraction = yellowFraction == null ? 0.25 : yellowFraction;
        reopenWithinDays = reopenWithinDays == null ? 7 : reopenWithinDays;
        nearbyRadiusMetres = nearbyRadiusMetres == null ? 200 : nearbyRadiusMetres;
        nearbyDays = nearbyDays == null ? 7 : nearbyDays;
        if (yellowFraction <= 0 || yellowFraction >= 1) {
            throw new IllegalArgumentException("lianxin.casework.yellow-fraction lies between 0 and 1");
        }
    }
}
