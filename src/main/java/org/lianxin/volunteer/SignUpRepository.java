package org.lianxin.volunteer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignUpRepository extends JpaRepository<SignUp, Long> {

    Optional<SignUp> findByActivityIdAndMemberId(long activityId, long memberId);

    Page<SignUp> findByActivityId(long activityId, Pageable pageable);

    Page<SignUp> findByActivityIdAndStateIn(long activityId, Collection<SignUpState> states, Pageable pageable);

    List<SignUp> findByActivityIdAndStateIn(long activityId, Collection<SignUpState> states);

    Page<SignUp> findByAccountId(long accountId, Pageable pageable);

    List<SignUp> findByAccountIdAndActivityIdIn(long accountId, Collection<Long> activityIds);

    /** The first in an activity's queue. */
    Optional<SignUp> findFirstByActivityIdAndStateOrderByQueuedAtAscIdAsc(long activityId, SignUpState state);

    /** A member's sign-ups, still active, for activities overlapping [from, to). */
    @Query("select s from SignUp s where s.memberId = ?1 and s.activityId <> ?2 and s.state in ?3"
            + " and s.startsAt < ?5 and s.endsAt > ?4")
    List<SignUp> overlapping(long memberId, long activityId, Collection<SignUpState> states, Instant from, Instant to);

    /** Attended lines per activity: rows of (activityId, people, minutes). */
    @Query("select s.activityId, count(s), coalesce(sum(s.minutes), 0) from SignUp s where s.activityId in ?1"
            + " and s.state = org.lianxin.volunteer.SignUpState.ATTENDED group by s.activityId")
    List<Object[]> attendedOf(Collection<Long> activityIds);

    /** Attended lines of some activities: rows of (activityId, memberId, minutes). */
    @Query("select s.activityId, s.memberId, s.minutes from SignUp s where s.activityId in ?1"
            + " and s.state = org.lianxin.volunteer.SignUpState.ATTENDED")
    List<Object[]> attendedLinesOf(Collection<Long> activityIds);

    long countByActivityIdAndState(long activityId, SignUpState state);

    /** Count per activity and state, for a page of activities: rows of (activityId, state, count). */
    @Query("select s.activityId, s.state, count(s) from SignUp s where s.activityId in ?1 group by s.activityId, s.state")
    List<Object[]> countsOf(Collection<Long> activityIds);

    /** Position in the queue: how many are waiting before this one. */
    @Query("select count(s) from SignUp s where s.activityId = ?1 and s.state = org.lianxin.volunteer.SignUpState.WAITLISTED"
            + " and s.id <> ?3 and (s.queuedAt < ?2 or (s.queuedAt = ?2 and s.id < ?3))")
    long waitingBefore(long activityId, Instant queuedAt, long id);

    /** Sign-ups holding a place whose activity starts in [from, to) and were not reminded of this kind yet. */
    @Query("select s from SignUp s where s.state = org.lianxin.volunteer.SignUpState.SIGNED_UP and s.startsAt >= ?1"
            + " and s.startsAt < ?2 and s.remindedDayAt is null")
    List<SignUp> dueForDayReminder(Instant from, Instant to);

    @Query("select s from SignUp s where s.state = org.lianxin.volunteer.SignUpState.SIGNED_UP and s.startsAt >= ?1"
            + " and s.startsAt < ?2 and s.remindedHourAt is null")
    List<SignUp> dueForHourReminder(Instant from, Instant to);

    /** Marks a reminder sent; 1 for the one node that marks it first, so each kind goes out once. */
    @Modifying
    @Query(value = "update sign_up set reminded_day_at = ?2 where id = ?1 and reminded_day_at is null", nativeQuery = true)
    int markDayReminded(long id, Instant at);

    @Modifying
    @Query(value = "update sign_up set reminded_hour_at = ?2, reminded_day_at = coalesce(reminded_day_at, ?2)"
            + " where id = ?1 and reminded_hour_at is null", nativeQuery = true)
    int markHourReminded(long id, Instant at);

    /**
     * The activity's new time copied to its sign-ups; a new start re-arms both reminders (they go out again for the
     * new time, once each, as the sign-up's reminder notices are keyed by the start they announce).
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "update sign_up set starts_at = ?2, ends_at = ?3, reminded_day_at = null, reminded_hour_at = null"
            + " where activity_id = ?1", nativeQuery = true)
    int moveStart(long activityId, Instant start, Instant end);

    @Modifying(flushAutomatically = true)
    @Query(value = "update sign_up set ends_at = ?2 where activity_id = ?1", nativeQuery = true)
    int moveEnd(long activityId, Instant end);

    /** The active sign-ups of a member's other activities overlapping [from, to), for many members at once. */
    @Query("select s from SignUp s where s.memberId in ?1 and s.activityId <> ?2 and s.state in ?3"
            + " and s.startsAt < ?5 and s.endsAt > ?4")
    List<SignUp> overlappingAny(Collection<Long> memberIds, long activityId, Collection<SignUpState> states, Instant from,
                                Instant to);
}
