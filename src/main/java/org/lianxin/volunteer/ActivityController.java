package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.PartyMembers;
import org.lianxin.organization.Areas;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.ImageFiles;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.lianxin.volunteer.VolunteerEvents.ActivityAttended;
import org.lianxin.volunteer.VolunteerEvents.ActivityChanged;
import org.lianxin.volunteer.VolunteerEvents.AttendanceCorrected;
import org.lianxin.volunteer.VolunteerEvents.SignUpChanged;
import org.lianxin.volunteer.VolunteerPermissions.Joiner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volunteer activities (志愿服务活动): staff publish; members near them see them (those wanting their skills
 * first), sign up or join the waitlist; on site the organiser shows a code that changes every minute and members
 * scan it to check in and out (or the organiser checks them in by hand with a reason); after the activity the
 * organiser confirms the attendance list, which credits the hours ({@link ActivityAttended}).
 */
@Tag(name = "志愿服务活动 Volunteer activities")
@RestController
@RequestMapping("/api/v1/activities")
@Transactional
class ActivityController {

    record ActivityForm(@Size(max = 200) String title, @Size(max = 4000) String description, Long areaId,
                        @Size(max = 400) String place, Instant startsAt, Instant endsAt, Instant signUpOpensAt,
                        Instant signUpClosesAt, Integer capacity, @Size(max = 12) List<String> skills,
                        Long campaignActionId, String organiserKind, @Size(max = 400) String organiserName,
                        String cover, Long serviceTeamId) {
    }

    /** A scanned code (the member), or a sign-up checked in or out by hand with a reason (the organiser). */
    record CheckInForm(@Size(max = 200) String code, Long signUpId, @Size(max = 1000) String reason) {
    }

    record CorrectionForm(Long signUpId, Integer minutes, @Size(max = 1000) String reason) {
    }

    record MySignUp(long id, String state, Long waitlistPosition) {
    }

    record ActivityView(long id, String title, String description, long areaId, String areaName, String place,
                        Instant startsAt, Instant endsAt, Instant signUpOpensAt, Instant signUpClosesAt, int capacity,
                        int taken, long waitlisted, long checkedIn, List<String> skills, boolean matchesMySkills,
                        Long campaignActionId, String organiserKind, String organiserName, Long serviceTeamId,
                        String createdBy,
                        boolean hasCover, String state, String phase, MySignUp mySignUp, List<String> actions,
                        Long version) {
    }

    record CodeView(long activityId, String code, Instant rotatesAt, Instant validUntil) {
    }

    record ConfirmView(long activityId, int attended, int noShows, int minutes) {
    }

    private final ActivityRepository activities;
    private final ActivityCoverRepository covers;
    private final ServiceTeamRepository teams;
    private final CampaignActionRepository campaignActions;
    private final SignUpRepository signUps;
    private final SignUpDesk desk;
    private final CheckInCodes codes;
    private final VolunteerPermissions permissions;
    private final VolunteerProperties properties;
    private final PartyMembers members;
    private final Areas areas;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityController(ActivityRepository activities, ActivityCoverRepository covers, ServiceTeamRepository teams,
                       CampaignActionRepository campaignActions,
                       SignUpRepository signUps,
                       SignUpDesk desk, CheckInCodes codes, VolunteerPermissions permissions,
                       VolunteerProperties properties, PartyMembers members, Areas areas, Ids ids,
                       ApplicationEventPublisher events, Clock clock) {
        this.activities = activities;
        this.covers = covers;
        this.teams = teams;
        this.campaignActions = campaignActions;
        this.signUps = signUps;
        this.desk = desk;
        this.codes = codes;
        this.permissions = permissions;
        this.properties = properties;
        this.members = members;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Activities: staff see those in their scope (newest first); a member those near him that "
            + "have not ended, the ones wanting his skills first")
    @GetMapping
    PageView<ActivityView> list(@CurrentUser Actor actor, @RequestParam(required = false) String q,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope staff = permissions.staffScope(actor);
        if (!staff.isEmpty()) {
            Specification<Activity> spec = (root, query, cb) -> {
                List<Predicate> all = new ArrayList<>();
                all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), staff));
                if (q != null && !q.isBlank()) {
                    all.add(cb.like(root.get("title"), "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%", '\\'));
                }
                return cb.and(all.toArray(Predicate[]::new));
            };
            Page<Activity> result = activities.findAll(spec, Paging.of(page, size,
                    Sort.by(Sort.Direction.DESC, "startsAt").and(Sort.by("id"))));
            return new PageView<>(views(actor, result.getContent()), result.getNumber(), result.getSize(),
                    result.getTotalElements(), result.getTotalPages());
        }
        Joiner joiner = permissions.joiner(actor).orElseThrow(() -> new ForbiddenException(VolunteerPermissions.JOIN));
        Pageable paging = Paging.of(page, size, Sort.unsorted());
        Instant now = clock.instant();
        List<String> ancestors = VolunteerPermissions.ancestorsOf(joiner.communityPaths());
        Specification<Activity> spec = (root, query, cb) -> cb.and(cb.greaterThan(root.get("endsAt"), now),
                cb.or(ScopeSpecification.predicate(cb, root.get("areaPath"), Scope.of(joiner.communityPaths())),
                        root.get("areaPath").in(ancestors)));
        // the near, not yet ended activities of a member's communities are few (dozens): ordered here by skill
        List<Activity> near = activities.findAll(spec, PageRequest.of(0, 500, Sort.by("startsAt").and(Sort.by("id"))))
                .getContent();
        List<String> skills = members.skillsOf(joiner.volunteer().memberId());
        List<Activity> ordered = near.stream().sorted(Comparator.comparing((Activity a) -> !a.wants(skills))
                .thenComparing(Activity::startsAt)).toList();
        int from = (int) Math.min(paging.getOffset(), ordered.size());
        int to = Math.min(from + paging.getPageSize(), ordered.size());
        return new PageView<>(views(actor, ordered.subList(from, to)), paging.getPageNumber(), paging.getPageSize(),
                ordered.size(), (ordered.size() + paging.getPageSize() - 1) / paging.getPageSize());
    }

    @Operation(summary = "Publish an activity in an area of the caller's scope (organiser: community, grid branch, "
            + "service team or partner unit)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ActivityView create(@CurrentUser Actor actor, @Valid @RequestBody ActivityForm form) {
        if (!actor.has(VolunteerPermissions.MANAGE)) {
            throw new ForbiddenException(VolunteerPermissions.MANAGE);
        }
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Areas.AreaRef area = null;
        if (form.areaId() == null) {
            problems.add(new InvalidInputException.FieldProblem("areaId", "validation.required"));
        } else {
            area = areas.find(form.areaId()).filter(a -> actor.scopeFor(VolunteerPermissions.MANAGE).contains(a.path()))
                    .orElse(null);
            if (area == null) {
                problems.add(new InvalidInputException.FieldProblem("areaId", "activity.area.outside-scope"));
            }
        }
        if (form.campaignActionId() != null && !campaignActions.existsById(form.campaignActionId())) {
            problems.add(new InvalidInputException.FieldProblem("campaignActionId", "activity.campaign-action.unknown"));
        }
        ServiceTeam team = null;
        if (form.serviceTeamId() != null) {
            team = teams.findById(form.serviceTeamId())
                    .filter(t -> actor.scopeFor(VolunteerPermissions.MANAGE).contains(t.areaPath())).orElse(null);
            if (team == null) {
                problems.add(new InvalidInputException.FieldProblem("serviceTeamId", "activity.team.unknown"));
            }
        }
        Activity.OrganiserKind kind = null;
        if (team != null) {
            kind = Activity.OrganiserKind.SERVICE_TEAM;
        } else if (form.organiserKind() != null && !form.organiserKind().isBlank()) {
            try {
                kind = Activity.OrganiserKind.valueOf(form.organiserKind());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem("organiserKind", "activity.organiser-kind.unknown"));
            }
        }
        Instant now = clock.instant();
        if (form.startsAt() != null && !form.startsAt().isAfter(now)) {
            problems.add(new InvalidInputException.FieldProblem("startsAt", "activity.time.past"));
        }
        ImageFiles.Image cover = null;
        if (form.cover() != null && !form.cover().isBlank()) {
            try {
                cover = ImageFiles.decode(form.cover(), ActivityCover.MAX_BYTES, "cover");
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        Activity activity;
        Activity.Details details = new Activity.Details(form.title(), form.description(), form.place(), form.startsAt(),
                form.endsAt(), form.signUpOpensAt(), form.signUpClosesAt(), form.capacity(), form.skills(),
                form.campaignActionId(), kind, team != null ? team.name() : form.organiserName());
        try {
            activity = new Activity(ids.next("activity_seq"), area == null ? new Activity.Where(0, "", "/")
                    : new Activity.Where(area.id(), area.name(), area.path()), details, actor.accountId(),
                    actor.displayName(), now);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            throw new InvalidInputException("validation", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        if (team != null) {
            activity.runBy(team);
        }
        activities.saveAndFlush(activity);
        if (cover != null) {
            covers.saveAndFlush(new ActivityCover(activity.id(), cover));
        }
        events.publishEvent(new ActivityChanged("activity.publish", activity.id(), activity.areaPath(),
                "published with " + activity.capacity() + " places"));
        return view(actor, activity);
    }

    @Operation(summary = "One activity")
    @GetMapping("/{id}")
    ActivityView get(@CurrentUser Actor actor, @PathVariable long id) {
        return view(actor, visible(actor, id));
    }

    @Operation(summary = "The activity's cover photo")
    @GetMapping("/{id}/cover")
    ResponseEntity<byte[]> cover(@CurrentUser Actor actor, @PathVariable long id) {
        Activity activity = visible(actor, id);
        ActivityCover cover = covers.findById(activity.id()).orElseThrow(() -> new NotFoundException("ActivityCover"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(cover.contentType()))
                .cacheControl(CacheControl.noStore()).body(cover.data());
    }

    @Operation(summary = "Sign up (the member): a place while one is free, else the waitlist; overlapping "
            + "activities answer 409 naming the clash")
    @PostMapping("/{id}/sign-ups")
    @ResponseStatus(HttpStatus.CREATED)
    SignUpController.SignUpView signUp(@CurrentUser Actor actor, @PathVariable long id) {
        Activity activity = visible(actor, id);
        Joiner joiner = permissions.joiner(actor).filter(j -> VolunteerPermissions.near(j.communityPaths(),
                activity.areaPath())).orElseThrow(() -> new ForbiddenException(VolunteerPermissions.JOIN));
        SignUp signUp = desk.signUp(activity.id(), joiner.volunteer(), clock.instant());
        return SignUpController.view(signUp, activity, signUps, clock.instant());
    }

    @Operation(summary = "The roster (the organiser): every sign-up with its state, late cancellations and no-shows")
    @GetMapping("/{id}/sign-ups")
    PageView<SignUpController.SignUpView> roster(@CurrentUser Actor actor, @PathVariable long id,
                                                 @RequestParam(required = false) List<SignUpState> state,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        Pageable paging = Paging.of(page, size, Sort.by("queuedAt").and(Sort.by("id")));
        Page<SignUp> result = state == null || state.isEmpty() ? signUps.findByActivityId(id, paging)
                : signUps.findByActivityIdAndStateIn(id, state, paging);
        Instant now = clock.instant();
        return PageView.of(result, s -> SignUpController.view(s, activity, null, now));
    }

    @Operation(summary = "The rotating check-in code (the organiser's phone shows it as a QR code; a new one every minute)")
    @GetMapping("/{id}/check-in-code")
    CodeView checkInCode(@CurrentUser Actor actor, @PathVariable long id) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        activity.state().require("check-in");
        CheckInCodes.Code code = codes.current(activity.id(), clock.instant());
        return new CodeView(activity.id(), code.text(), code.rotatesAt(), code.validUntil());
    }

    @Operation(summary = "Check in or out: a member posts the scanned code (first scan checks in, the next checks "
            + "out); the organiser posts a sign-up id and a reason to do it by hand")
    @PostMapping("/{id}/check-ins")
    SignUpController.SignUpView checkIn(@CurrentUser Actor actor, @PathVariable long id,
                                        @Valid @RequestBody CheckInForm form) {
        Activity activity = visible(actor, id);
        Instant now = clock.instant();
        SignUp signUp;
        boolean manual = form.signUpId() != null;
        if (manual) {
            permissions.checkManage(actor, activity);
            if (form.reason() == null || form.reason().isBlank()) {
                throw new InvalidInputException("reason", "validation.required");
            }
            signUp = signUps.findById(form.signUpId()).filter(s -> s.activityId() == activity.id())
                    .orElseThrow(() -> new NotFoundException("SignUp"));
        } else {
            if (form.code() == null || form.code().isBlank()) {
                throw new InvalidInputException("code", "validation.required");
            }
            Joiner joiner = permissions.joiner(actor).orElseThrow(() -> new ForbiddenException(VolunteerPermissions.JOIN));
            codes.verify(activity.id(), form.code(), now);
            signUp = signUps.findByActivityIdAndMemberId(activity.id(), joiner.volunteer().memberId())
                    .orElseThrow(() -> new ConflictException("not-signed-up", "check-in.not-signed-up"));
        }
        activity.state().require("check-in");
        if (now.isBefore(activity.startsAt().minusSeconds(60L * properties.checkInEarlyMinutes()))
                || now.isAfter(activity.endsAt().plusSeconds(60L * properties.checkInEarlyMinutes()))) {
            throw new ConflictException("outside-window", "check-in.outside-window",
                    SignUpDesk.WHEN.format(activity.startsAt().minusSeconds(60L * properties.checkInEarlyMinutes())),
                    SignUpDesk.WHEN.format(activity.endsAt().plusSeconds(60L * properties.checkInEarlyMinutes())));
        }
        String reason = manual ? form.reason().strip() : null;
        if (reason != null && reason.length() > SignUp.MAX_REASON) {
            throw new InvalidInputException("reason", "activity.text.too-long", SignUp.MAX_REASON);
        }
        String action;
        if (signUp.state() == SignUpState.CHECKED_IN) {
            signUp.checkOut(now, reason);
            action = "sign-up.check-out";
        } else {
            signUp.checkIn(now, manual ? actor.displayName() : null, reason);
            action = "sign-up.check-in";
        }
        signUps.saveAndFlush(signUp);
        events.publishEvent(new SignUpChanged(manual ? action + ".manual" : action, activity.id(), signUp.id(),
                signUp.memberId(), manual ? "by the organiser: " + reason : "by scanning the code"));
        return SignUpController.view(signUp, activity, null, now);
    }

    @Operation(summary = "The attendance list (the organiser): who came, their check-in and check-out, minutes")
    @GetMapping("/{id}/attendance")
    PageView<SignUpController.SignUpView> attendance(@CurrentUser Actor actor, @PathVariable long id,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        Page<SignUp> result = signUps.findByActivityIdAndStateIn(id, List.of(SignUpState.SIGNED_UP,
                SignUpState.CHECKED_IN, SignUpState.CHECKED_OUT, SignUpState.ATTENDED, SignUpState.NO_SHOW),
                Paging.of(page, size, Sort.by("memberName").and(Sort.by("id"))));
        Instant now = clock.instant();
        return PageView.of(result, s -> SignUpController.view(s, activity, null, now));
    }

    @Operation(summary = "Confirm the attendance list after the activity: hours credited to who came "
            + "(ActivityAttended), no-shows marked")
    @PostMapping("/{id}/attendance/confirm")
    ConfirmView confirm(@CurrentUser Actor actor, @PathVariable long id) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        Instant now = clock.instant();
        activity.confirm(actor.displayName(), now);
        activities.saveAndFlush(activity);
        List<SignUp> lines = signUps.findByActivityIdAndStateIn(id, List.of(SignUpState.SIGNED_UP,
                SignUpState.CHECKED_IN, SignUpState.CHECKED_OUT));
        int attended = 0;
        int minutes = 0;
        for (SignUp line : lines) {
            line.settle(activity);
            if (line.state() == SignUpState.ATTENDED) {
                attended++;
                minutes += line.minutes();
            }
        }
        signUps.saveAllAndFlush(lines);
        for (SignUp line : lines) {
            if (line.state() == SignUpState.ATTENDED) {
                events.publishEvent(new ActivityAttended(activity.id(), line.id(), line.memberId(), line.accountId(),
                        activity.areaPath(), activity.campaignActionId(), line.minutes(), now));
            }
        }
        events.publishEvent(new ActivityChanged("activity.confirm", activity.id(), activity.areaPath(),
                "attendance confirmed: " + attended + " attended, " + (lines.size() - attended) + " no-shows"));
        return new ConfirmView(activity.id(), attended, lines.size() - attended, minutes);
    }

    @Operation(summary = "Correct one confirmed line with a reason (audited; AttendanceCorrected)")
    @PostMapping("/{id}/attendance/correct")
    SignUpController.SignUpView correct(@CurrentUser Actor actor, @PathVariable long id,
                                        @Valid @RequestBody CorrectionForm form) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (form.signUpId() == null) {
            problems.add(new InvalidInputException.FieldProblem("signUpId", "validation.required"));
        }
        if (form.minutes() == null) {
            problems.add(new InvalidInputException.FieldProblem("minutes", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        activity.state().require("correct");
        SignUp line = signUps.findById(form.signUpId()).filter(s -> s.activityId() == activity.id())
                .orElseThrow(() -> new NotFoundException("SignUp"));
        int before = line.correct(form.minutes(), form.reason(), activity.lengthMinutes());
        signUps.saveAndFlush(line);
        Instant now = clock.instant();
        events.publishEvent(new AttendanceCorrected(activity.id(), line.id(), line.memberId(), line.accountId(),
                activity.areaPath(), before, line.minutes(), line.correctionReason(), now));
        return SignUpController.view(line, activity, null, now);
    }

    /** Staff in scope, or a member near it; anything else answers 404 as if absent. */
    private Activity visible(Actor actor, long id) {
        Activity activity = activities.findById(id).orElseThrow(() -> new NotFoundException("Activity"));
        if (permissions.staffScope(actor).contains(activity.areaPath())) {
            return activity;
        }
        Optional<Joiner> joiner = permissions.joiner(actor);
        if (joiner.isPresent() && VolunteerPermissions.near(joiner.get().communityPaths(), activity.areaPath())) {
            return activity;
        }
        throw new NotFoundException("Activity");
    }

    private ActivityView view(Actor actor, Activity activity) {
        return views(actor, List.of(activity)).get(0);
    }

    private List<ActivityView> views(Actor actor, List<Activity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> activityIds = list.stream().map(Activity::id).toList();
        Map<Long, Map<SignUpState, Long>> counts = new HashMap<>();
        for (Object[] row : signUps.countsOf(activityIds)) {
            counts.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((SignUpState) row[1], (Long) row[2]);
        }
        Set<Long> withCover = new HashSet<>(covers.withCover(activityIds));
        Optional<Joiner> joiner = permissions.joiner(actor);
        List<String> skills = joiner.map(j -> members.skillsOf(j.volunteer().memberId())).orElse(List.of());
        Map<Long, SignUp> mine = new HashMap<>();
        joiner.ifPresent(j -> signUps.findByAccountIdAndActivityIdIn(actor.accountId(), activityIds)
                .forEach(s -> mine.put(s.activityId(), s)));
        Instant now = clock.instant();
        return list.stream().map(a -> {
            Map<SignUpState, Long> c = counts.getOrDefault(a.id(), Map.of());
            long taken = c.getOrDefault(SignUpState.SIGNED_UP, 0L) + c.getOrDefault(SignUpState.CHECKED_IN, 0L)
                    + c.getOrDefault(SignUpState.CHECKED_OUT, 0L) + c.getOrDefault(SignUpState.ATTENDED, 0L)
                    + c.getOrDefault(SignUpState.NO_SHOW, 0L);
            long checkedIn = c.getOrDefault(SignUpState.CHECKED_IN, 0L) + c.getOrDefault(SignUpState.CHECKED_OUT, 0L)
                    + c.getOrDefault(SignUpState.ATTENDED, 0L);
            SignUp my = mine.get(a.id());
            MySignUp mySignUp = my == null ? null : new MySignUp(my.id(), my.state().name(),
                    my.state() == SignUpState.WAITLISTED ? signUps.waitingBefore(a.id(), my.queuedAt(), my.id()) + 1 : null);
            boolean manage = permissions.canManage(actor, a);
            List<String> actions = new ArrayList<>();
            boolean open = a.state() == ActivityState.PUBLISHED && !now.isBefore(a.signUpOpensAt())
                    && now.isBefore(a.signUpClosesAt());
            if (joiner.isPresent() && open && (my == null || my.state() == SignUpState.CANCELLED)) {
                actions.add("sign-up");
            }
            if (my != null && my.state().allowed().contains("cancel") && now.isBefore(a.startsAt())) {
                actions.add("cancel");
            }
            if (my != null && (my.state() == SignUpState.SIGNED_UP || my.state() == SignUpState.CHECKED_IN)
                    && a.state() == ActivityState.PUBLISHED) {
                actions.add("check-in");
            }
            if (manage) {
                actions.add("roster");
                if (a.state() == ActivityState.PUBLISHED) {
                    actions.add("check-in-code");
                    if (a.ended(now)) {
                        actions.add("confirm");
                    }
                } else {
                    actions.add("correct");
                }
            }
            String phase = a.ended(now) ? "ENDED" : a.started(now) ? "ONGOING" : "UPCOMING";
            return new ActivityView(a.id(), a.title(), a.description(), a.areaId(), a.areaName(), a.place(),
                    a.startsAt(), a.endsAt(), a.signUpOpensAt(), a.signUpClosesAt(), a.capacity(), (int) taken,
                    c.getOrDefault(SignUpState.WAITLISTED, 0L), checkedIn, a.skills(), a.wants(skills),
                    a.campaignActionId(), a.organiserKind().name(), a.organiserName(), a.serviceTeamId(),
                    manage ? a.createdBy() : null,
                    withCover.contains(a.id()), a.state().name(), phase, mySignUp, actions, a.version());
        }).toList();
    }
}
