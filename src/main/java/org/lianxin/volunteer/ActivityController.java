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
import org.lianxin.shared.Notice;
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
import org.springframework.web.bind.annotation.PutMapping;
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

    /** What the publisher may change once published (the area and the organiser stay); {@code version} as read. */
    record EditForm(@Size(max = 200) String title, @Size(max = 4000) String description, @Size(max = 400) String place,
                    Instant startsAt, Instant endsAt, Instant signUpOpensAt, Instant signUpClosesAt, Integer capacity,
                    @Size(max = 12) List<String> skills, Long campaignActionId, String cover, Long version) {
    }

    record CancelForm(@Size(max = 1000) String reason) {
    }

    /** The member's personal code as the organiser scanned it, or its eight-digit number as typed. */
    record MemberCodeForm(@Size(max = 200) String code) {
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
                        boolean hasCover, String state, String phase, String cancelReason, Instant cancelledAt,
                        MySignUp mySignUp, List<String> actions, Long version) {
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
    private final MemberCodes memberCodes;
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
                       SignUpDesk desk, CheckInCodes codes, MemberCodes memberCodes, VolunteerPermissions permissions,
                       VolunteerProperties properties, PartyMembers members, Areas areas, Ids ids,
                       ApplicationEventPublisher events, Clock clock) {
        this.activities = activities;
        this.covers = covers;
        this.teams = teams;
        this.campaignActions = campaignActions;
        this.signUps = signUps;
        this.desk = desk;
        this.codes = codes;
        this.memberCodes = memberCodes;
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
        ImageFiles.Image cover = coverOf(form.cover(), problems);
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
        requireCheckInWindow(activity, now);
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

    /** Check-in is open from a while before the start until as long after the end (409 naming the window). */
    private void requireCheckInWindow(Activity activity, Instant now) {
        activity.state().require("check-in");
        if (now.isBefore(activity.startsAt().minusSeconds(60L * properties.checkInEarlyMinutes()))
                || now.isAfter(activity.endsAt().plusSeconds(60L * properties.checkInEarlyMinutes()))) {
            throw new ConflictException("outside-window", "check-in.outside-window",
                    SignUpDesk.WHEN.format(activity.startsAt().minusSeconds(60L * properties.checkInEarlyMinutes())),
                    SignUpDesk.WHEN.format(activity.endsAt().plusSeconds(60L * properties.checkInEarlyMinutes())));
        }
    }

    @Operation(summary = "Edit a published activity (the publisher): same checks as publishing; after the start only the "
            + "description (409); a raised capacity moves the waitlist up in order, a capacity below the places held "
            + "answers 409; a new time or place is told to everybody signed up or waiting, and the reminders re-arm")
    @PutMapping("/{id}")
    ActivityView edit(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody EditForm form) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (form.version() == null) {
            problems.add(new InvalidInputException.FieldProblem("version", "validation.required"));
        }
        if (form.campaignActionId() != null && !form.campaignActionId().equals(activity.campaignActionId())
                && !campaignActions.existsById(form.campaignActionId())) {
            problems.add(new InvalidInputException.FieldProblem("campaignActionId", "activity.campaign-action.unknown"));
        }
        ImageFiles.Image cover = coverOf(form.cover(), problems);
        // sign-ups and cancellations of this activity wait here until the edit is done; the places held are read under it
        int taken = activities.lockTaken(id);
        if (form.version() != null && !form.version().equals(activity.version())) {
            throw new org.springframework.dao.OptimisticLockingFailureException("activity " + id + " changed meanwhile");
        }
        Instant now = clock.instant();
        Instant startBefore = activity.startsAt();
        int capacityBefore = activity.capacity();
        Activity.Change change = activity.edit(new Activity.Details(form.title(), form.description(), form.place(),
                form.startsAt(), form.endsAt(), form.signUpOpensAt(), form.signUpClosesAt(), form.capacity(),
                form.skills(), form.campaignActionId(), null, null), now, problems);
        if (activity.capacity() < taken) {
            throw new ConflictException("capacity-below-taken", "activity.capacity.below-taken", taken);
        }
        activities.saveAndFlush(activity);
        if (cover != null) {
            covers.findById(id).ifPresent(old -> {
                covers.delete(old);
                covers.flush();
            });
            covers.saveAndFlush(new ActivityCover(id, cover));
        }
        int promoted = activity.capacity() > capacityBefore ? desk.promoteWhileFree(activity, now) : 0;
        int told = 0;
        if (change.start()) {
            signUps.moveStart(id, activity.startsAt(), activity.endsAt());
        } else if (change.fields().contains("endsAt")) {
            signUps.moveEnd(id, activity.endsAt());
        }
        if (change.timeOrPlace()) {
            told = tellOfChange(activity, now);
        }
        events.publishEvent(new ActivityChanged("activity.edit", activity.id(), activity.areaPath(),
                "changed " + String.join(", ", change.fields())
                        + (change.fields().contains("capacity") ? " (capacity " + capacityBefore + " → " + activity.capacity()
                        + ", " + promoted + " moved up from the waitlist)" : "")
                        + (change.start() ? " (start " + startBefore + " → " + activity.startsAt() + ")" : "")
                        + (told > 0 ? "; " + told + " members told" : "")));
        return view(actor, activity);
    }

    /**
     * Everybody signed up or waiting is told the new time and place, once per edit; a member whose other activity
     * now overlaps is told which one in the same notice (his sign-up stands: he decides which to cancel).
     */
    private int tellOfChange(Activity activity, Instant now) {
        List<SignUp> lines = signUps.findByActivityIdAndStateIn(activity.id(), List.of(SignUpState.SIGNED_UP,
                SignUpState.WAITLISTED));
        Map<Long, String> clashes = new HashMap<>();
        if (!lines.isEmpty()) {
            List<SignUp> others = signUps.overlappingAny(lines.stream().map(SignUp::memberId).toList(), activity.id(),
                    SignUpDesk.ACTIVE, activity.startsAt(), activity.endsAt());
            Map<Long, String> titles = new HashMap<>();
            activities.findAllById(others.stream().map(SignUp::activityId).distinct().toList())
                    .forEach(a -> titles.put(a.id(), a.title()));
            others.forEach(o -> clashes.putIfAbsent(o.memberId(), titles.get(o.activityId())));
        }
        int told = 0;
        String when = SignUpDesk.WHEN.format(activity.startsAt()) + " – " + SignUpDesk.WHEN.format(activity.endsAt());
        for (SignUp line : lines) {
            if (line.accountId() == null) {
                continue;
            }
            String clash = clashes.get(line.memberId());
            String source = activity.id() + ":changed:" + line.id() + ":" + activity.version();
            events.publishEvent(clash == null
                    ? Notice.to(line.accountId(), "activity.changed", "/m/activities/mine", "SignUp", source,
                    activity.title(), when, activity.place())
                    : Notice.to(line.accountId(), "activity.changed-clash", "/m/activities/mine", "SignUp", source,
                    activity.title(), when, activity.place(), clash));
            told++;
        }
        return told;
    }

    @Operation(summary = "Cancel a published activity with a reason (the publisher): every sign-up ends as cancelled by "
            + "the organiser and each member is told; 409 once it has ended or its attendance is confirmed")
    @PostMapping("/{id}/cancel")
    ActivityView cancel(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody CancelForm form) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        activities.lockTaken(id);
        Instant now = clock.instant();
        activity.cancel(form.reason(), actor.displayName(), now);
        activities.saveAndFlush(activity);
        List<SignUp> lines = signUps.findByActivityIdAndStateIn(id, SignUpDesk.ACTIVE);
        lines.forEach(l -> l.endByOrganiser(now));
        signUps.saveAllAndFlush(lines);
        activities.freeAll(id);
        String when = SignUpDesk.WHEN.format(activity.startsAt());
        for (SignUp line : lines) {
            if (line.accountId() != null) {
                events.publishEvent(Notice.to(line.accountId(), "activity.cancelled", "/m/activities/mine", "SignUp",
                        line.id() + ":organiser-cancelled", activity.title(), when, activity.cancelReason()));
            }
        }
        events.publishEvent(new ActivityChanged("activity.cancel", activity.id(), activity.areaPath(),
                "cancelled (" + activity.cancelReason() + "); " + lines.size() + " sign-ups ended, members told"));
        return view(actor, activity);
    }

    @Operation(summary = "Check a member in or out by his personal code (the organiser scans his phone, or types the "
            + "eight-digit number): same rules as the activity's code; the method (MEMBER_CODE) and the organiser "
            + "are recorded")
    @PostMapping("/{id}/check-ins/member-code")
    SignUpController.SignUpView checkInByMemberCode(@CurrentUser Actor actor, @PathVariable long id,
                                                    @Valid @RequestBody MemberCodeForm form) {
        Activity activity = visible(actor, id);
        permissions.checkManage(actor, activity);
        if (form.code() == null || form.code().isBlank()) {
            throw new InvalidInputException("code", "validation.required");
        }
        Instant now = clock.instant();
        SignUp signUp;
        if (MemberCodes.isCode(form.code())) {
            long memberId = memberCodes.memberOf(form.code(), now);
            requireCheckInWindow(activity, now);
            signUp = signUps.findByActivityIdAndMemberId(id, memberId).filter(s -> s.state() != SignUpState.CANCELLED)
                    .orElseThrow(() -> new ConflictException("not-signed-up", "check-in.member-code.not-signed-up",
                            members.find(memberId).map(PartyMembers.MemberRef::name).orElse("?")));
        } else {
            List<SignUp> candidates = signUps.findByActivityIdAndStateIn(id, SignUpDesk.ACTIVE);
            Map<Long, SignUp> byMember = new HashMap<>();
            candidates.forEach(c -> byMember.put(c.memberId(), c));
            Long memberId = memberCodes.memberOfNumber(form.code(), byMember.keySet(), now)
                    .orElseThrow(() -> new ConflictException("not-signed-up", "check-in.member-code.unknown-number"));
            requireCheckInWindow(activity, now);
            signUp = byMember.get(memberId);
        }
        String action;
        if (signUp.state() == SignUpState.CHECKED_IN) {
            signUp.checkOut(now, null);
            action = "sign-up.check-out.member-code";
        } else {
            signUp.checkIn(now, actor.displayName(), null, SignUp.CheckInMethod.MEMBER_CODE);
            action = "sign-up.check-in.member-code";
        }
        signUps.saveAndFlush(signUp);
        events.publishEvent(new SignUpChanged(action, activity.id(), signUp.id(), signUp.memberId(),
                "the organiser " + actor.displayName() + " scanned the member's code"));
        return SignUpController.view(signUp, activity, null, now);
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
                if (a.state() == ActivityState.PUBLISHED && !a.ended(now)) {
                    actions.add("edit");
                    actions.add("cancel-activity");
                }
                if (a.state() == ActivityState.PUBLISHED) {
                    actions.add("check-in-code");
                    if (a.ended(now)) {
                        actions.add("confirm");
                    }
                } else if (a.state() == ActivityState.CONFIRMED) {
                    actions.add("correct");
                }
            }
            String phase = a.ended(now) ? "ENDED" : a.started(now) ? "ONGOING" : "UPCOMING";
            return new ActivityView(a.id(), a.title(), a.description(), a.areaId(), a.areaName(), a.place(),
                    a.startsAt(), a.endsAt(), a.signUpOpensAt(), a.signUpClosesAt(), a.capacity(), (int) taken,
                    c.getOrDefault(SignUpState.WAITLISTED, 0L), checkedIn, a.skills(), a.wants(skills),
                    a.campaignActionId(), a.organiserKind().name(), a.organiserName(), a.serviceTeamId(),
                    manage ? a.createdBy() : null,
                    withCover.contains(a.id()), a.state().name(), phase, a.cancelReason(), a.cancelledAt(), mySignUp,
                    actions, a.version());
        }).toList();
    }

    /** The cover photo sent with a form (base64), or null when none was sent; a bad one adds its problem. */
    private static ImageFiles.Image coverOf(String cover, List<InvalidInputException.FieldProblem> problems) {
        if (cover == null || cover.isBlank()) {
            return null;
        }
        try {
            return ImageFiles.decode(cover, ActivityCover.MAX_BYTES, "cover");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
