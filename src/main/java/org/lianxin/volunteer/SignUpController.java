package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's own sign-ups: the list of them, and cancelling one before the activity starts. */
@Tag(name = "志愿服务活动 Volunteer activities")
@RestController
@RequestMapping("/api/v1/sign-ups")
@Transactional
class SignUpController {

    /** One sign-up as its member or the organiser sees it ({@code waitlistPosition} for the member, 1 = next). */
    record SignUpView(long id, long activityId, String activityTitle, String place, Instant startsAt, Instant endsAt,
                      String memberName, String state, Long waitlistPosition, Instant queuedAt, Instant placedAt,
                      Instant cancelledAt, boolean lateCancellation, Instant checkedInAt, Instant checkedOutAt,
                      String checkedInBy, String checkInMethod, String manualReason, Integer minutes,
                      String correctionReason, String activityCancelReason, List<String> actions, Long version) {
    }

    private final SignUpRepository signUps;
    private final ActivityRepository activities;
    private final SignUpDesk desk;
    private final Clock clock;

    SignUpController(SignUpRepository signUps, ActivityRepository activities, SignUpDesk desk, Clock clock) {
        this.signUps = signUps;
        this.activities = activities;
        this.desk = desk;
        this.clock = clock;
    }

    @Operation(summary = "My sign-ups, the latest activity first")
    @GetMapping("/mine")
    PageView<SignUpView> mine(@CurrentUser Actor actor, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        if (!actor.has(VolunteerPermissions.JOIN)) {
            throw new ForbiddenException(VolunteerPermissions.JOIN);
        }
        Page<SignUp> result = signUps.findByAccountId(actor.accountId(), Paging.of(page, size,
                Sort.by(Sort.Direction.DESC, "startsAt").and(Sort.by("id"))));
        Map<Long, Activity> byId = activities.findAllById(result.getContent().stream().map(SignUp::activityId).toList())
                .stream().collect(Collectors.toMap(Activity::id, Function.identity()));
        Instant now = clock.instant();
        return PageView.of(result, s -> view(s, byId.get(s.activityId()), signUps, now));
    }

    @Operation(summary = "Cancel my sign-up before the start: the place goes to the first on the waitlist")
    @PostMapping("/{id}/cancel")
    SignUpView cancel(@CurrentUser Actor actor, @PathVariable long id) {
        SignUp signUp = signUps.findById(id).filter(s -> s.accountId() != null && s.accountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException("SignUp"));
        desk.cancel(signUp, clock.instant());
        Activity activity = activities.findById(signUp.activityId()).orElseThrow();
        return view(signUp, activity, signUps, clock.instant());
    }

    /** {@code positions}: given for the member's own view (his place in the queue), null for the roster. */
    static SignUpView view(SignUp s, Activity a, SignUpRepository positions, Instant now) {
        Long position = positions != null && s.state() == SignUpState.WAITLISTED
                ? positions.waitingBefore(s.activityId(), s.queuedAt(), s.id()) + 1 : null;
        List<String> actions = s.state().allowed().stream()
                .filter(step -> step.equals("cancel") && now.isBefore(s.startsAt())
                        || step.equals("check-in") || step.equals("check-out") || step.equals("correct"))
                .toList();
        return new SignUpView(s.id(), s.activityId(), a == null ? null : a.title(), a == null ? null : a.place(),
                s.startsAt(), s.endsAt(), s.memberName(), s.state().name(), position, s.queuedAt(), s.placedAt(),
                s.cancelledAt(), s.lateCancellation(), s.checkedInAt(), s.checkedOutAt(), s.checkedInBy(),
                s.checkInMethod() == null ? null : s.checkInMethod().name(), s.manualReason(), s.minutes(),
                s.correctionReason(), a == null ? null : a.cancelReason(), actions, s.version());
    }
}
