package org.lianxin.access;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log and verifies its chain. Appending locks the one chain-head row, so that
 * entries written by two nodes still form one chain.
 */
@Component
class AuditLog {

    /** What verification found. */
    record Verification(boolean intact, long checked, Long firstBrokenSeq, String reason) {
    }

    private static final int BATCH = 500;

    private final AuditEntryRepository entries;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, JdbcTemplate jdbc, Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records within the caller's transaction: if the change rolls back, so does its entry. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Long actorId, String actor, String action, String objectType, String objectId,
                       AuditEntry.Result result, String detail) {
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prevHash = (String) head.get("last_hash");
        // the database keeps microseconds; hash what it will give back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(seq, now, actorId, actor == null ? "-" : actor, action, objectType, objectId,
                result, sourceAddress(), truncate(detail), prevHash);
        entries.saveAndFlush(entry);
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, entry.hash());
    }

    /** Records in a transaction of its own: for failures, whose caller's transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(Long actorId, String actor, String action, String objectType, String objectId,
                            AuditEntry.Result result, String detail) {
        record(actorId, actor, action, objectType, objectId, result, detail);
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        String prev = "0".repeat(64);
        long expectedSeq = 1;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = entries.findBySeqGreaterThanOrderBySeqAsc(after, PageRequest.of(0, BATCH));
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry entry : batch) {
                if (entry.seq() != expectedSeq) {
                    return new Verification(false, checked, expectedSeq, "missing");
                }
                if (!entry.prevHash().equals(prev)) {
                    return new Verification(false, checked, entry.seq(), "link");
                }
                if (!entry.computeHash().equals(entry.hash())) {
                    return new Verification(false, checked, entry.seq(), "content");
                }
                prev = entry.hash();
                expectedSeq++;
                checked++;
            }
            after = batch.get(batch.size() - 1).seq();
        }
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        if (((Number) head.get("last_seq")).longValue() != checked || !prev.equals(head.get("last_hash"))) {
            return new Verification(false, checked, checked + 1, "truncated");
        }
        return new Verification(true, checked, null, null);
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "system";
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}
