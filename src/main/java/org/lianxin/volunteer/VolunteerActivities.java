package org.lianxin.volunteer;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only facts about activities for other modules (points names the activity in a member's history and on his
 * certificate instead of its number).
 */
@Component
@Transactional(readOnly = true)
public class VolunteerActivities {

    private final ActivityRepository activities;

    VolunteerActivities(ActivityRepository activities) {
        this.activities = activities;
    }

    /** The activity's title, if it exists. */
    public Optional<String> titleOf(long activityId) {
        return activities.findById(activityId).map(Activity::title);
    }
}
