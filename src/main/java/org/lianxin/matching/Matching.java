package org.lianxin.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks offers for a need (供需对接) and says why: four score parts, each with its points and a reason key with
 * arguments (rendered in the reader's language by the controller). Pure and deterministic: the same need, offers,
 * records and day give the same list; equal scores are ordered by the offer's id.
 * <ul>
 * <li>category: 40 when the offer's category is the need's, else 0;</li>
 * <li>area: when a served area contains the need's place, 30 if it is the place's parent (a household's compound), less
 * 5 for each level above that (at least 10), so a unit serving the compound beats one serving the subdistrict; else 0;</li>
 * <li>capacity: 20 × the share of this month's capacity still free (0 when full);</li>
 * <li>record: for a unit, one point per need it took and saw closed, up to 10; members have no record yet.</li>
 * </ul>
 */
final class Matching {

    static final int CATEGORY = 40;
    static final int AREA = 30;
    static final int CAPACITY = 20;
    static final int RECORD = 10;

    /** A unit's record: needs it took, and of those the ones closed with the requester's confirmation. */
    record Record(long taken, long closed) {
    }

    /** One score part: the factor, its points and the reason (a message key and its arguments). */
    record Part(String factor, int points, String reason, List<Object> args) {
    }

    record Proposal(Offer offer, int score, int remaining, List<Part> parts) {
    }

    private Matching() {
    }

    static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    /**
     * The proposals for a need of {@code category} at {@code path}: valid offers that match the category or serve the
     * place, best first, at most {@code limit}.
     */
    static List<Proposal> rank(String category, String path, List<Offer> offers, Map<Long, Record> records,
                               Map<Long, Long> usedThisMonth, LocalDate today, int limit) {
        List<Proposal> proposals = new ArrayList<>();
        for (Offer offer : offers) {
            if (!offer.validOn(today)) {
                continue;
            }
            List<Part> parts = new ArrayList<>();
            boolean sameCategory = offer.category().equals(category);
            parts.add(new Part("category", sameCategory ? CATEGORY : 0,
                    sameCategory ? "matching.reason.category.same" : "matching.reason.category.other", List.of()));
            Offer.Served best = offer.served().stream().filter(s -> path.startsWith(s.path()))
                    .max(Comparator.comparingInt((Offer.Served s) -> depth(s.path())).thenComparing(s -> -s.areaId()))
                    .orElse(null);
            if (best != null) {
                int points = Math.max(10, AREA - 5 * Math.max(0, depth(path) - depth(best.path()) - 1));
                parts.add(new Part("area", points, "matching.reason.area.covers", List.of(best.areaName())));
            } else {
                parts.add(new Part("area", 0, "matching.reason.area.outside", List.of()));
            }
            if (!sameCategory && best == null) {
                continue;
            }
            int remaining = (int) Math.max(0, offer.capacityPerMonth() - usedThisMonth.getOrDefault(offer.id(), 0L));
            int capacity = (int) Math.round((double) CAPACITY * remaining / offer.capacityPerMonth());
            parts.add(new Part("capacity", capacity, remaining == 0 ? "matching.reason.capacity.full"
                    : "matching.reason.capacity", List.of(remaining, offer.capacityPerMonth())));
            if (offer.unitId() != null) {
                Record record = records.getOrDefault(offer.unitId(), new Record(0, 0));
                parts.add(new Part("record", (int) Math.min(RECORD, record.closed()), "matching.reason.record",
                        List.of(record.taken(), record.closed())));
            } else {
                parts.add(new Part("record", 0, "matching.reason.record.member", List.of()));
            }
            proposals.add(new Proposal(offer, parts.stream().mapToInt(Part::points).sum(), remaining, List.copyOf(parts)));
        }
        proposals.sort(Comparator.comparingInt(Proposal::score).reversed().thenComparing(p -> p.offer().id()));
        return proposals.size() > limit ? List.copyOf(proposals.subList(0, limit)) : List.copyOf(proposals);
    }
}
