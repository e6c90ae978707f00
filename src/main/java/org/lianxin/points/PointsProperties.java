package org.lianxin.points;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default points rules ({@code lianxin.points.*}) for every subdistrict that has not set its own: points per hour
 * of activity, per wish fulfilled, per need fulfilled, per service task completed, per mailbox answer.
 */
@ConfigurationProperties(prefix = "lianxin.points")
record PointsProperties(Integer perActivityHour, Integer perWish, Integer perNeed, Integer perServiceTask,
                        Integer perMailboxAnswer) {

    /** One set of rates; all whole points, none negative. */
    record Rates(Integer perActivityHour, Integer perWish, Integer perNeed, Integer perServiceTask,
                 Integer perMailboxAnswer) {

        /** Points for minutes of activity, rounded half up to whole points. */
        int forMinutes(int minutes) {
            return Math.round(minutes * perActivityHour / 60f);
        }
    }

    PointsProperties {
        perActivityHour = perActivityHour == null ? 10 : perActivityHour;
        perWish = perWish == null ? 20 : perWish;
        perNeed = perNeed == null ? 15 : perNeed;
        perServiceTask = perServiceTask == null ? 10 : perServiceTask;
        perMailboxAnswer = perMailboxAnswer == null ? 2 : perMailboxAnswer;
    }

    Rates rates() {
        return new Rates(perActivityHour, perWish, perNeed, perServiceTask, perMailboxAnswer);
    }
}
