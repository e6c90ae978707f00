package org.lianxin.access;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night the audit chain is verified and the result is itself audited, so that tampering is
 * noticed even when nobody presses "verify". Runs on one node only (ShedLock).
 */
@Component
class AuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

    private final AuditLog audit;

    AuditSchedule(AuditLog audit) {
        this.audit = audit;
    }

    @Scheduled(cron = "${lianxin.audit.verify-cron:0 30 2 * * *}")
    @SchedulerLock(name = "audit-verify", lockAtLeastFor = "PT1M")
    public void verifyChain() {
        AuditLog.Verification v = audit.verify();
        audit.recordAlone(null, "system", "audit.verify.scheduled", "AuditLog", null,
                v.intact() ? AuditEntry.Result.SUCCESS : AuditEntry.Result.FAILURE,
                v.intact() ? "intact, " + v.checked() + " entries" : "broken at " + v.firstBrokenSeq() + " (" + v.reason() + ")");
        if (!v.intact()) {
            log.error("The audit chain is broken at entry {} ({})", v.firstBrokenSeq(), v.reason());
        }
    }
}
