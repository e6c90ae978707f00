package org.lianxin.casework;

import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

import org.lianxin.resident.Residents;
import org.springframework.stereotype.Component;

/**
 * Decides, once per closing of a case, whether the case is sampled for a return visit (回访): every case whose
 * reporter reopened it or rated it low (≤ {@link #LOW_RATING} stars), and a share of the rest drawn by
 * {@code lianxin.casework.return-visit.sample-percent}. The draw is a pure function of the case and the closing,
 * so it is the same on every node; the decision is stored and never recomputed. A reporter who cannot be reached
 * (anonymous, a call taken by staff, no resident record with a phone) is never sampled. A sampled visit is due
 * {@code due-working-days} working days after closing (after the rating when a low rating puts it in the sample).
 */
@Component
class ReturnVisits {

    static final int LOW_RATING = 2;

    private final ReturnVisitRepository visits;
    private final CaseIntake intake;
    private final Residents residents;
    private final WorkingCalendar calendar;
    private final int dueWorkingDays;
    private volatile int samplePercent;

    ReturnVisits(ReturnVisitRepository visits, CaseIntake intake, Residents residents, WorkingCalendar calendar,
                 CaseworkProperties properties) {
        this.visits = visits;
        this.intake = intake;
        this.residents = residents;
        this.calendar = calendar;
        this.samplePercent = properties.returnVisit().samplePercent();
        this.dueWorkingDays = properties.returnVisit().dueWorkingDays();
    }

    /** The share drawn, 0–100 (tests set 0 or 100 and give the configured value back). */
    int samplePercent() {
        return samplePercent;
    }

    void samplePercent(int percent) {
        this.samplePercent = percent;
    }

    /** The decision for a closing that just happened. */
    ReturnVisit onClosed(Case caze, Instant at) {
        int round = (int) caze.steps().stream().filter(s -> s.action().equals("close")).count();
        boolean reopened = caze.steps().stream().anyMatch(s -> s.action().equals("reopen"));
        boolean low = caze.rating() != null && caze.rating() <= LOW_RATING;
        ReturnVisit.Reason reason;
        if (maskedPhone(caze).isEmpty()) {
            reason = ReturnVisit.Reason.NO_CONTACT;
        } else if (reopened) {
            reason = ReturnVisit.Reason.REOPENED;
        } else if (low) {
            reason = ReturnVisit.Reason.LOW_RATING;
        } else {
            reason = drawn(caze.id(), round) ? ReturnVisit.Reason.DRAWN : ReturnVisit.Reason.NOT_DRAWN;
        }
        return visits.saveAndFlush(new ReturnVisit(intake.nextId(), caze.id(), round, caze.areaPath(), reason, at, at,
                calendar.plusWorkingDays(at, dueWorkingDays)));
    }

    /** A rating after closing: a low one puts a case that was not drawn into the sample now. */
    void onRated(Case caze, Instant at) {
        if (caze.rating() == null || caze.rating() > LOW_RATING) {
            return;
        }
        Optional<ReturnVisit> decided = visits.findFirstByCaseIdOrderByRoundDesc(caze.id());
        if (decided.isEmpty()) {
            // closed before return visits were decided: decide now, as of the rating
            if (maskedPhone(caze).isPresent()) {
                int round = (int) Math.max(1, caze.steps().stream().filter(s -> s.action().equals("close")).count());
                visits.saveAndFlush(new ReturnVisit(intake.nextId(), caze.id(), round, caze.areaPath(),
                        ReturnVisit.Reason.LOW_RATING, caze.closedAt() == null ? at : caze.closedAt(), at,
                        calendar.plusWorkingDays(at, dueWorkingDays)));
            }
            return;
        }
        ReturnVisit visit = decided.get();
        if (visit.sampleForLowRating(at, calendar.plusWorkingDays(at, dueWorkingDays))) {
            visits.saveAndFlush(visit);
        }
    }

    /** The case was reopened (by its reporter): a visit still due for the closing before lapses. */
    void onReopened(Case caze) {
        visits.findFirstByCaseIdOrderByRoundDesc(caze.id()).filter(ReturnVisit::supersede).ifPresent(visits::saveAndFlush);
    }

    /** The reporter's phone, masked, when he can be called back: a resident account with a phone on record. */
    Optional<String> maskedPhone(Case caze) {
        if (caze.reporterAccountId() == null) {
            return Optional.empty();
        }
        return residents.ofAccount(caze.reporterAccountId()).map(Residents.ResidentRef::maskedPhone);
    }

    /** Whether this closing is drawn: the same answer for the same case and closing, wherever it is asked. */
    boolean drawn(long caseId, int round) {
        int percent = samplePercent;
        if (percent <= 0) {
            return false;
        }
        if (percent >= 100) {
            return true;
        }
        return new SplittableRandom(caseId * 31 + round).nextInt(100) < percent;
    }
}
