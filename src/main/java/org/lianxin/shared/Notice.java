package org.lianxin.shared;

import java.util.List;
import java.util.Set;

/**
 * Somebody should be told something: the event a module publishes when one of its steps concerns
 * particular accounts (a registration approved, a mailbox message answered, a case urged). The
 * notification module turns it into inbox entries and outbound messages; the publisher never calls it.
 * <p>
 * {@code kind} names the message: its text lives under {@code notice.<kind>.title} and
 * {@code notice.<kind>.body} in the message bundles and is rendered in the reader's language with
 * {@code args} ({0}, {1}…). Args carry names and titles, never ID or phone numbers. {@code link} is the
 * page that shows the matter ({@code /m/...} or {@code /admin/...}). The source type and id make the
 * delivery idempotent: the same notice for the same source and recipient lands once.
 */
public record Notice(Set<Long> recipientAccountIds, String kind, List<String> args, String link,
                     String sourceType, String sourceId) {

    public Notice {
        recipientAccountIds = Set.copyOf(recipientAccountIds);
        args = List.copyOf(args);
    }

    public static Notice to(long accountId, String kind, String link, String sourceType, Object sourceId,
                            String... args) {
        return new Notice(Set.of(accountId), kind, List.of(args), link, sourceType, String.valueOf(sourceId));
    }
}
