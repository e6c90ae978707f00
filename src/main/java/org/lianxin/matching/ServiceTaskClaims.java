package org.lianxin.matching;

import java.time.Clock;

import org.lianxin.matching.MatchingEvents.ServiceTaskChanged;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claiming and giving back a place on a service task, safe under concurrency: one conditional
 * {@code UPDATE … SET taken = taken + 1 WHERE taken < places} per claim (0 rows: full or closed, 409), and the claim's
 * unique active key (a member twice: 409). Both in one short transaction, so a refused claim leaves nothing behind.
 */
@Component
class ServiceTaskClaims {

    private final ServiceTaskRepository tasks;
    private final ServiceTaskClaimRepository claims;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceTaskClaims(ServiceTaskRepository tasks, ServiceTaskClaimRepository claims, Ids ids,
                      ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.claims = claims;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ServiceTaskClaim claim(ServiceTask task, long memberId, Long accountId, String memberName) {
        task.require("claim");
        if (claims.findFirstByTaskIdAndMemberIdAndState(task.id(), memberId, ServiceTaskClaim.State.CLAIMED).isPresent()) {
            throw new ConflictException("already-claimed", "service-task.claimed-already", task.title());
        }
        if (tasks.takePlace(task.id()) == 0) {
            throw new ConflictException("service-task-full", "service-task.full", task.title(), task.places());
        }
        ServiceTaskClaim claim = new ServiceTaskClaim(ids.next("service_task_seq"), task.id(), memberId, accountId,
                memberName, clock.instant());
        try {
            claims.saveAndFlush(claim);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("already-claimed", "service-task.claimed-already", task.title());
        }
        events.publishEvent(new ServiceTaskChanged("service-task.claim", task.id(), "member " + memberId + " claimed a place"));
        return claim;
    }

    @Transactional
    public void cancel(ServiceTaskClaim claim) {
        claim.cancel(clock.instant());
        claims.saveAndFlush(claim);
        tasks.freePlace(claim.taskId());
        events.publishEvent(new ServiceTaskChanged("service-task.claim-cancel", claim.taskId(),
                "member " + claim.memberId() + " gave back his place"));
    }
}
