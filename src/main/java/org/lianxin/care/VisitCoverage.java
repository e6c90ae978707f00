package org.lianxin.care;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visit coverage for the statistics (read-only, public): of the contact households under an area (active
 * 1+n assignments), how many are visited within their due period now, i.e. not overdue ({@link DueVisits}).
 */
@Component
public class VisitCoverage {

    /** Households in contact under an area, and how many of them are not overdue a visit. */
    public record Coverage(long households, long visitedInTime) {

        /** The share visited in time, 0–1; null without contact households. */
        public Double rate() {
            return households == 0 ? null : (double) visitedInTime / households;
        }
    }

    private final ContactAssignmentRepository assignments;
    private final DueVisits due;

    VisitCoverage(ContactAssignmentRepository assignments, DueVisits due) {
        this.assignments = assignments;
        this.due = due;
    }

    /** The coverage of each prefix (materialized area paths), in the same order. */
    @Transactional(readOnly = true)
    public List<Coverage> under(List<String> pathPrefixes) {
        List<DueVisits.Due> all = due.of(assignments.findByActiveKeyIsNotNull());
        return pathPrefixes.stream().map(prefix -> {
            long households = 0;
            long inTime = 0;
            for (DueVisits.Due d : all) {
                if (d.assignment().areaPath().startsWith(prefix)) {
                    households++;
                    if (d.status() != DueVisits.Status.OVERDUE) {
                        inTime++;
                    }
                }
            }
            return new Coverage(households, inTime);
        }).toList();
    }
}
