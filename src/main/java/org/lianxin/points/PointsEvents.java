package org.lianxin.points;

import org.lianxin.shared.AuditableEvent;

/** What happens in the points ledger; each is audited. Details name members by id, never numbers. */
public final class PointsEvents {

    private PointsEvents() {
    }

    /** An entry was appended (credited from another module's event, a correction or a staff reversal). */
    public record PointsEntryRecorded(long entryId, long memberId, int amount, String kind, String source)
            implements AuditableEvent {
        public String action() {
            return "points.entry." + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String objectType() {
            return "PointsEntry";
        }

        public String objectId() {
            return String.valueOf(entryId);
        }

        public String detail() {
            return "member " + memberId + " " + (amount >= 0 ? "+" : "") + amount + " for " + source;
        }
    }

    /** A subdistrict's points rules were set. */
    public record PointsRulesChanged(long subdistrictId, String detail) implements AuditableEvent {
        public String action() {
            return "points.rules.change";
        }

        public String objectType() {
            return "PointsRule";
        }

        public String objectId() {
            return String.valueOf(subdistrictId);
        }
    }

    /** A service-hours certificate was printed: its serial number and for which member. */
    public record CertificatePrinted(String serial, long memberId, int totalMinutes) implements AuditableEvent {
        public String action() {
            return "points.certificate.print";
        }

        public String objectType() {
            return "PointsCertificate";
        }

        public String objectId() {
            return serial;
        }

        public String detail() {
            return "member " + memberId + ", " + totalMinutes + " min";
        }
    }
}
