package org.lianxin.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "审计日志 Audit log")
@RestController
@RequestMapping("/api/v1/audit-entries")
class AuditController {

    record AuditEntryView(long seq, Instant occurredAt, String actor, String action, String objectType,
                          String objectId, String result, String sourceAddress, String detail, String hash) {
    }

    record VerificationView(boolean intact, long checked, Long firstBrokenSeq, String message) {
    }

    private final AuditEntryRepository entries;
    private final AuditLog log;
    private final AccessPermissions permissions;
    private final MessageSource messages;

    AuditController(AuditEntryRepository entries, AuditLog log, AccessPermissions permissions, MessageSource messages) {
        this.entries = entries;
        this.log = log;
        this.permissions = permissions;
        this.messages = messages;
    }

    @Operation(summary = "The audit log, newest first (audit administrator)")
    @GetMapping
    PageView<AuditEntryView> list(@CurrentUser Actor actor, @RequestParam(required = false) String action,
                                  @RequestParam(name = "actor", required = false) String actorName,
                                  @RequestParam(required = false) String result,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        permissions.require(actor, AccessPermissions.AUDIT_READ);
        Specification<AuditEntry> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (action != null && !action.isBlank()) {
                where.add(cb.like(root.get("action"), action.strip().replace("%", "") + "%"));
            }
            if (actorName != null && !actorName.isBlank()) {
                where.add(cb.equal(root.get("actor"), actorName.strip().toLowerCase(java.util.Locale.ROOT)));
            }
            if (result != null && !result.isBlank()) {
                where.add(cb.equal(root.get("result"), result.strip().toUpperCase(java.util.Locale.ROOT)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return PageView.of(entries.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "seq"))),
                e -> new AuditEntryView(e.seq(), e.occurredAt(), e.actor(), e.action(), e.objectType(), e.objectId(),
                        e.result(), e.sourceAddress(), e.detail(), e.hash()));
    }

    @Operation(summary = "Recompute the hash chain and report the first broken link (audit administrator)")
    @PostMapping("/verify")
    VerificationView verify(@CurrentUser Actor actor) {
        permissions.require(actor, AccessPermissions.AUDIT_READ);
        AuditLog.Verification v = log.verify();
        String message = v.intact()
                ? messages.getMessage("audit.verify.intact", new Object[] {v.checked()}, LocaleContextHolder.getLocale())
                : messages.getMessage("audit.verify.broken." + v.reason(), new Object[] {v.firstBrokenSeq()},
                LocaleContextHolder.getLocale());
        log.recordAlone(actor.accountId(), actor.username(), "audit.verify", "AuditLog", null,
                v.intact() ? AuditEntry.Result.SUCCESS : AuditEntry.Result.FAILURE, message);
        return new VerificationView(v.intact(), v.checked(), v.firstBrokenSeq(), message);
    }
}
