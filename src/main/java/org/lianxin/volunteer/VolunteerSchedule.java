package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianxin.shared.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every five minutes, on one node (ShedLock): reminds members holding a place the day before an activity and an
 * hour before it, through the inbox ({@link Notice}). Each kind goes out once per sign-up: the sign-up row is
 * marked by a conditional update, so even two runs at once tell nobody twice. Who signs up within the last hour
 * gets only the hour's reminder. When the organiser moves the start, the sign-ups' marks are cleared and the
 * reminders go out again for the new time (their notices are keyed by the start they announce, so they are neither
 * swallowed as duplicates of the old ones nor sent twice for the same start).
 */
@Component
class VolunteerSchedule {

    private final SignUpRepository signUps;
    private final ActivityRepository activities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VolunteerSchedule(SignUpRepository signUps, ActivityRepository activities, ApplicationEventPublisher events,
                      Clock clock) {
        this.signUps = signUps;
        this.activities = activities;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${lianxin.volunteer.reminder-cron:0 */5 * * * *}")
    @SchedulerLock(name = "volunteer-reminders", lockAtLeastFor = "PT30S")
    @Transactional
    public void remind() {
        Instant now = clock.instant();
        Instant inAnHour = now.plus(Duration.ofHours(1));
        for (SignUp s : signUps.dueForHourReminder(now, inAnHour)) {
            if (signUps.markHourReminded(s.id(), now) == 1) {
                tell(s, "activity.remind-hour");
            }
        }
        for (SignUp s : signUps.dueForDayReminder(inAnHour, now.plus(Duration.ofHours(24)))) {
            if (signUps.markDayReminded(s.id(), now) == 1) {
                tell(s, "activity.remind-day");
            }
        }
    }

    private void tell(SignUp s, String kind) {
        if (s.accountId() == null) {
            return;
        }
        Activity a = activities.findById(s.activityId()).orElseThrow();
        events.publishEvent(Notice.to(s.accountId(), kind, "/m/activities/mine", "SignUp",
                s.id() + ":" + kind + ":" + a.startsAt().getEpochSecond(),
                a.title(), SignUpDesk.WHEN.format(a.startsAt()), a.place()));
    }
}
