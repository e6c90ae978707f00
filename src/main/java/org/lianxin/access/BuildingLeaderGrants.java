package org.lianxin.access;

import java.time.Clock;

import org.lianxin.shared.BuildingLeaderRoleChange;
import org.lianxin.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a building leader's account the BUILDING_LEADER role at his buildings when he is appointed
 * and takes it when his term ends. The only way a module other than access changes a role besides
 * RESIDENT, and only this role. **Departure** from "listeners use {@code @ApplicationModuleListener}":
 * it runs in the publisher's transaction, so that the appointment and the role commit (or roll back)
 * together and the leader can act the moment the approval answers.
 */
@Component
class BuildingLeaderGrants {

    private final AccountRepository accounts;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BuildingLeaderGrants(AccountRepository accounts, Ids ids, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(BuildingLeaderRoleChange change) {
        if (change.accountId() == null) {
            return;
        }
        accounts.findById(change.accountId()).ifPresent(account -> {
            for (long buildingId : change.buildingIds()) {
                var held = account.assignments().stream()
                        .filter(a -> a.role() == Role.BUILDING_LEADER && a.areaId() == buildingId).findFirst();
                if (change.holds() && held.isEmpty()) {
                    RoleAssignment assignment = account.assign(ids.next("role_assignment_seq"), Role.BUILDING_LEADER,
                            buildingId, clock.instant());
                    events.publishEvent(AccountEvents.roleAssigned(account, assignment));
                } else if (!change.holds() && held.isPresent()) {
                    events.publishEvent(AccountEvents.roleRevoked(account, account.revoke(held.get().id())));
                }
            }
            accounts.save(account);
        });
    }
}
