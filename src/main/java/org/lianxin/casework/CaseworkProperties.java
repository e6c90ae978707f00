package org.lianxin.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Casework settings ({@code lianxin.casework.*}): when a deadline turns yellow (the last {@code yellowFraction}
 * of the step's time), how long the reporter may reopen a closed case, what "nearby" means for duplicates, and
 * the return visits ({@code return-visit.sample-percent} of closed cases drawn, due {@code due-working-days}
 * working days after closing).
 */
@ConfigurationProperties("lianxin.casework")
record CaseworkProperties(Double yellowFraction, Integer reopenWithinDays, Integer nearbyRadiusMetres,
                          Integer nearbyDays, ReturnVisitSettings returnVisit) {

    /** {@code lianxin.casework.return-visit.*}: the share of closed cases drawn for a return visit and its due date. */
    record ReturnVisitSettings(Integer samplePercent, Integer dueWorkingDays) {
        ReturnVisitSettings {
            samplePercent = samplePercent == null ? 30 : samplePercent;
            dueWorkingDays = dueWorkingDays == null ? 3 : dueWorkingDays;
            if (samplePercent < 0 || samplePercent > 100) {
                throw new IllegalArgumentException("lianxin.casework.return-visit.sample-percent lies between 0 and 100");
            }
            if (dueWorkingDays < 1) {
                throw new IllegalArgumentException("lianxin.casework.return-visit.due-working-days is at least 1");
            }
        }
    }

    CaseworkProperties {
        yellowFraction = yellowFraction == null ? 0.25 : yellowFraction;
        reopenWithinDays = reopenWithinDays == null ? 7 : reopenWithinDays;
        nearbyRadiusMetres = nearbyRadiusMetres == null ? 200 : nearbyRadiusMetres;
        nearbyDays = nearbyDays == null ? 7 : nearbyDays;
        returnVisit = returnVisit == null ? new ReturnVisitSettings(null, null) : returnVisit;
        if (yellowFraction <= 0 || yellowFraction >= 1) {
            throw new IllegalArgumentException("lianxin.casework.yellow-fraction lies between 0 and 1");
        }
    }
}
