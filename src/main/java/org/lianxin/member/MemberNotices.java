package org.lianxin.member;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianxin.shared.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who in this module hears of what in his inbox: nominees and recommenders of a decision, the writer of
 * a mailbox message of its answer, a building's leader of a new or overdue message. Publishes
 * {@link Notice}s; texts are {@code notice.<kind>.*} in the message bundles.
 */
@Component
class MemberNotices {

    private static final int SNIPPET = 40;

    private final BuildingLeaderRepository leaders;
    private final ApplicationEventPublisher events;

    MemberNotices(BuildingLeaderRepository leaders, ApplicationEventPublisher events) {
        this.leaders = leaders;
        this.events = events;
    }

    void tell(Collection<Long> accounts, String kind, String link, String sourceType, long sourceId, String... args) {
        Set<Long> to = accounts.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (!to.isEmpty()) {
            events.publishEvent(new Notice(to, kind, List.of(args), link, sourceType, String.valueOf(sourceId)));
        }
    }

    /** The active leaders of a building, e.g. of a message written to its mailbox. */
    void tellLeadersOf(long buildingId, String kind, String sourceType, long sourceId, String... args) {
        tell(leaders.findActiveCovering(List.of(buildingId)).stream().map(BuildingLeader::accountId).toList(),
                kind, "/m/mailbox", sourceType, sourceId, args);
    }

    /** The start of a text for a notice; the whole is on the page the notice opens. */
    static String snippet(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }
}
