package org.lianxin.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.casework.CaseworkEvents.CaseChanged;
import org.lianxin.casework.CaseworkEvents.CaseClosed;
import org.lianxin.organization.Areas;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ImageFiles;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.PathPrefixes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grid cases (网格事件): intake from the mobile H5 (patrol, resident) and the console (phone, walk-in), the case
 * cycle one POST per step, lists in the caller's scope (a grid worker his grid's, staff their area's, a resident
 * his own reports at {@code /cases/mine}), nearby open cases of the same category, and the categories.
 */
@Tag(name = "网格事件 Grid cases")
@RestController
@RequestMapping("/api/v1")
@Transactional
class CaseController {

    enum CoordSystem { WGS84, GCJ02 }

    record ReportForm(String category, @Size(max = 2000) String description, @Size(max = 400) String address,
                      Double longitude, Double latitude, CoordSystem coordSystem, @Size(max = 3) List<String> photos,
                      Channel channel, @Size(max = 100) String reporterName) {
    }

    /** What a step may carry; each step reads the fields it needs. */
    record StepForm(@Size(max = 2000) String comment, @Size(max = 1000) String reason, @Size(max = 400) String redirect,
                    Integer rating, @Size(max = 100) String username, @Size(max = 200) String unit, Long originalId,
                    @Size(max = 3) List<String> photos, Long version) {
        static final StepForm EMPTY = new StepForm(null, null, null, null, null, null, null, null, null);
    }

    /** A category as the report forms and the editor read it (the editor also sees both labels and the flag). */
    record Category(String code, String label, String acceptLimit, String dispatchLimit, String gridLimit,
                    String communityLimit, String subdistrictLimit, String verifyLimit, String nameZh, String nameEn,
                    boolean active, int sortOrder, long cases, long version) {
    }

    record StepView(String action, String fromState, String toState, String by, Instant at, String comment,
                    List<Long> photoIds) {
    }

    /** One case as the caller may see it: the reporter's name only for staff and the reporter himself. */
    record CaseView(long id, String category, String categoryLabel, String description, String address, String channel,
                    Double longitude, Double latitude, String gridName, String level, String responsibleName,
                    String state, Instant stateSince, Instant deadline, String deadlineStatus, String reporterName,
                    Instant reportedAt, Instant closedAt, Integer rating, String ratingComment, String rejectReason,
                    String rejectRedirect, Long duplicateOf, int urgeCount, boolean supervisionOpen,
                    List<Long> photoIds, List<StepView> steps, boolean mine, Instant reopenUntil, List<String> actions,
                    long version) {
    }

    record NearbyCase(long id, String categoryLabel, String description, String state, Instant reportedAt,
                      int distanceMetres) {
    }

    private final CaseRepository cases;
    private final CasePhotoRepository photos;
    private final CaseCategoryRepository categories;
    private final CaseIntake intake;
    private final ReturnVisits returnVisits;
    private final PatrolRepository patrols;
    private final CaseworkPermissions permissions;
    private final CaseworkProperties properties;
    private final AccountDirectory accounts;
    private final Areas areas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseController(CaseRepository cases, CasePhotoRepository photos, CaseCategoryRepository categories,
                   CaseIntake intake, ReturnVisits returnVisits, PatrolRepository patrols, CaseworkPermissions permissions, CaseworkProperties properties,
                   AccountDirectory accounts, Areas areas, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.photos = photos;
        this.categories = categories;
        this.intake = intake;
        this.returnVisits = returnVisits;
        this.patrols = patrols;
        this.permissions = permissions;
        this.properties = properties;
        this.accounts = accounts;
        this.areas = areas;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "The case categories with their time limits per step and level (4h: working hours, 3d: working "
            + "days); the report forms get the enabled ones, the editor (casework:category:write) all with includeDisabled")
    @GetMapping("/case-categories")
    @Transactional(readOnly = true)
    List<Category> categories(@CurrentUser Actor actor, @RequestParam(required = false) Boolean includeDisabled) {
        permissions.checkCategoryRead(actor);
        boolean all = Boolean.TRUE.equals(includeDisabled);
        if (all && !actor.has(CaseworkPermissions.CATEGORY_WRITE)) {
            throw new org.lianxin.shared.ForbiddenException(CaseworkPermissions.CATEGORY_WRITE);
        }
        Map<String, Long> counts = new HashMap<>();
        if (all) {
            for (Object[] row : cases.countByCategory()) {
                counts.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        return (all ? categories.findAll(Sort.by("sortOrder").and(Sort.by("code")))
                : categories.findByActiveTrueOrderBySortOrder()).stream()
                .map(c -> category(c, counts.getOrDefault(c.code(), 0L))).toList();
    }

    private static Category category(CaseCategory c, long count) {
        return new Category(c.code(), c.label(LocaleContextHolder.getLocale()), c.acceptLimit(), c.dispatchLimit(),
                c.gridLimit(), c.communityLimit(), c.subdistrictLimit(), c.verifyLimit(), c.nameZh(), c.nameEn(),
                c.active(), c.sortOrder(), count, c.version() == null ? 0 : c.version());
    }

    record CategoryForm(@Size(max = 60) String nameZh, @Size(max = 60) String nameEn, String acceptLimit,
                        String dispatchLimit, String gridLimit, String communityLimit, String subdistrictLimit,
                        String verifyLimit, Boolean active, Integer sortOrder, Long version) {
    }

    /** A new category: a code (upper-case letters, digits, underscores), its labels and limits. */
    record NewCategoryForm(@Size(max = 60) String code, @Size(max = 60) String nameZh, @Size(max = 60) String nameEn,
                           String acceptLimit, String dispatchLimit, String gridLimit, String communityLimit,
                           String subdistrictLimit, String verifyLimit, Boolean active, Integer sortOrder) {
    }

    private static final java.util.regex.Pattern CATEGORY_CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** Checks labels, limits and order; the limits normalised ({@code 04h} → {@code 4h}) or a 400 naming each field. */
    private static Map<String, String> checkCategory(String nameZh, String nameEn, Integer sortOrder,
                                                     Map<String, String> limits, List<FieldProblem> problems) {
        Case.text(nameZh, 60, "nameZh", problems);
        Case.text(nameEn, 60, "nameEn", problems);
        if (sortOrder != null && (sortOrder < 0 || sortOrder > 9999)) {
            problems.add(new FieldProblem("sortOrder", "validation.range", 0, 9999));
        }
        Map<String, String> checked = new java.util.LinkedHashMap<>();
        limits.forEach((field, value) -> {
            try {
                checked.put(field, TimeLimit.parse(value).toString());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "case.limit.format"));
            }
        });
        return checked;
    }

    private static Map<String, String> limits(String accept, String dispatch, String grid, String community,
                                              String subdistrict, String verify) {
        Map<String, String> limits = new java.util.LinkedHashMap<>();
        limits.put("acceptLimit", accept);
        limits.put("dispatchLimit", dispatch);
        limits.put("gridLimit", grid);
        limits.put("communityLimit", community);
        limits.put("subdistrictLimit", subdistrict);
        limits.put("verifyLimit", verify);
        return limits;
    }

    private static void checkCategoryWrite(Actor actor) {
        if (!actor.has(CaseworkPermissions.CATEGORY_WRITE)) {
            throw new org.lianxin.shared.ForbiddenException(CaseworkPermissions.CATEGORY_WRITE);
        }
    }

    @Operation(summary = "Add a case category (code, labels, time limits); categories are never deleted, only disabled")
    @PostMapping("/case-categories")
    ResponseEntity<Category> createCategory(@CurrentUser Actor actor, @Valid @RequestBody NewCategoryForm form) {
        checkCategoryWrite(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String code = form.code() == null ? null : form.code().strip();
        if (code == null || code.isEmpty()) {
            problems.add(new FieldProblem("code", "validation.required"));
        } else if (!CATEGORY_CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "case.category.code-format"));
        }
        Map<String, String> limits = checkCategory(form.nameZh(), form.nameEn(), form.sortOrder(), limits(
                form.acceptLimit(), form.dispatchLimit(), form.gridLimit(), form.communityLimit(),
                form.subdistrictLimit(), form.verifyLimit()), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        if (categories.existsById(code)) {
            throw new ConflictException("duplicate", "case.category.exists", code);
        }
        int order = form.sortOrder() != null ? form.sortOrder()
                : categories.findAll().stream().mapToInt(CaseCategory::sortOrder).max().orElse(0) + 10;
        CaseCategory category = new CaseCategory(code, order);
        category.configure(form.nameZh().strip(), form.nameEn().strip(), limits, form.active() == null || form.active());
        try {
            categories.saveAndFlush(category);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("duplicate", "case.category.exists", code);
        }
        events.publishEvent(new CaseworkEvents.CaseCategoryChanged(code, "created: " + describe(category)));
        return ResponseEntity.status(HttpStatus.CREATED).body(category(category, 0));
    }

    private static String describe(CaseCategory c) {
        return "acceptLimit=" + c.acceptLimit() + ", dispatchLimit=" + c.dispatchLimit() + ", gridLimit=" + c.gridLimit()
                + ", communityLimit=" + c.communityLimit() + ", subdistrictLimit=" + c.subdistrictLimit()
                + ", verifyLimit=" + c.verifyLimit() + ", active=" + c.active() + ", sortOrder=" + c.sortOrder();
    }

    @Operation(summary = "Change a category's labels, time limits (4h: working hours, 3d: working days), order, or "
            + "disable it (it then leaves the report forms; its cases keep it); new limits apply from the next step")
    @org.springframework.web.bind.annotation.PutMapping("/case-categories/{code}")
    Category configure(@CurrentUser Actor actor, @PathVariable String code, @Valid @RequestBody CategoryForm form) {
        checkCategoryWrite(actor);
        CaseCategory category = categories.findById(code).orElseThrow(() -> new NotFoundException("CaseCategory"));
        if (form.version() != null && !form.version().equals(category.version())) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> limits = checkCategory(form.nameZh(), form.nameEn(), form.sortOrder(), limits(
                form.acceptLimit(), form.dispatchLimit(), form.gridLimit(), form.communityLimit(),
                form.subdistrictLimit(), form.verifyLimit()), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        boolean active = form.active() == null || form.active();
        if (!active && code.equals(CaseListeners.DEFAULT_CATEGORY)) {
            // cases handed over from the mailbox and visits land in it: it cannot be switched off
            throw new ConflictException("in-use", "case.category.default", code);
        }
        category.configure(form.nameZh().strip(), form.nameEn().strip(), limits, active);
        if (form.sortOrder() != null) {
            category.order(form.sortOrder());
        }
        try {
            categories.saveAndFlush(category);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        events.publishEvent(new CaseworkEvents.CaseCategoryChanged(code, describe(category)));
        return category(category, cases.countByCategory(code));
    }

    /** {@code area_path like '/1/2/%'} with the prefix as a literal, checked to be a materialized path ({@link PathPrefixes}). */
    private static Predicate pathUnder(jakarta.persistence.criteria.CriteriaBuilder cb, jakarta.persistence.criteria.Root<Case> root,
                                       String path) {
        PathPrefixes.prefix(path);
        return cb.like(root.get("areaPath"), cb.literal(path + "%"));
    }

    @Operation(summary = "Cases in the caller's area; filter by state, grid (or any area), category, level, overdue")
    @GetMapping("/cases")
    @Transactional(readOnly = true)
    PageView<CaseView> list(@CurrentUser Actor actor, @RequestParam(required = false) CaseState state,
                            @RequestParam(required = false) Long gridId, @RequestParam(required = false) String category,
                            @RequestParam(required = false) CaseLevel level,
                            @RequestParam(required = false) Boolean overdue,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope scope = actor.scopeFor(CaseworkPermissions.CASE_READ);
        if (scope.isEmpty()) {
            throw new org.lianxin.shared.ForbiddenException(CaseworkPermissions.CASE_READ);
        }
        String under = gridId == null ? null : areas.find(gridId).map(Areas.AreaRef::path)
                .orElseThrow(() -> new InvalidInputException("gridId", "case.grid.unknown"));
        Instant now = clock.instant();
        Specification<Case> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            // the area prefixes as checked SQL literals, not parameters: PostgreSQL's generic plan (after the fifth
            // run of the prepared statement) cannot use the prefix index with "area_path like $1" (bench/README.md)
            all.add(cb.or(scope.prefixes().stream().map(prefix -> pathUnder(cb, root, prefix)).toArray(Predicate[]::new)));
            if (under != null) {
                all.add(pathUnder(cb, root, under));
            }
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            if (category != null && !category.isBlank()) {
                all.add(cb.equal(root.get("category"), category));
            }
            if (level != null) {
                all.add(cb.equal(root.get("level"), level));
            }
            if (Boolean.TRUE.equals(overdue)) {
                all.add(cb.lessThan(root.get("deadline"), now));
                all.add(root.get("state").in(openStates()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Sort sort = Boolean.TRUE.equals(overdue) ? Sort.by("deadline").and(Sort.by("id"))
                : Sort.by(Sort.Direction.DESC, "reportedAt").and(Sort.by(Sort.Direction.DESC, "id"));
        Page<Case> result = cases.findAll(spec, Paging.of(page, size, sort));
        return new PageView<>(views(actor, result.getContent(), false), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "The caller's own reports, and the cases he follows because his report was a duplicate")
    @GetMapping("/cases/mine")
    @Transactional(readOnly = true)
    PageView<CaseView> mine(@CurrentUser Actor actor, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        List<Long> followed = intake.followedBy(actor.accountId());
        Specification<Case> spec = (root, query, cb) -> followed.isEmpty()
                ? cb.equal(root.get("reporterAccountId"), actor.accountId())
                : cb.or(cb.equal(root.get("reporterAccountId"), actor.accountId()), root.get("id").in(followed));
        Page<Case> result = cases.findAll(spec, Paging.of(page, size,
                Sort.by(Sort.Direction.DESC, "reportedAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return new PageView<>(views(actor, result.getContent(), false), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "Open cases of the same category near a point, reported in the last days (lianxin.casework.nearby-*)")
    @GetMapping("/cases/nearby")
    @Transactional(readOnly = true)
    List<NearbyCase> nearby(@CurrentUser Actor actor, @RequestParam(required = false) Double longitude,
                            @RequestParam(required = false) Double latitude,
                            @RequestParam(required = false) CoordSystem coordSystem,
                            @RequestParam(required = false) String category) {
        permissions.checkReport(actor);
        if (longitude == null || latitude == null || category == null) {
            return List.of();
        }
        double[] wgs = wgs(longitude, latitude, coordSystem);
        int radius = properties.nearbyRadiusMetres();
        double dLat = radius / 111_320.0;
        double dLon = radius / (111_320.0 * Math.max(0.1, Math.cos(Math.toRadians(wgs[1]))));
        Instant since = clock.instant().minus(Duration.ofDays(properties.nearbyDays()));
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = labels(locale);
        return cases.openInBox(category, openStates(), since, wgs[0] - dLon, wgs[0] + dLon, wgs[1] - dLat, wgs[1] + dLat)
                .stream().map(c -> new NearbyCase(c.id(), labels.get(c.category()),
                        permissions.staffSees(actor, c) || own(actor, c) ? c.description() : null, c.state().name(),
                        c.reportedAt(), (int) Math.round(Coordinates.metres(wgs[0], wgs[1], c.longitude(), c.latitude()))))
                .filter(n -> n.distanceMetres() <= radius).limit(20).toList();
    }

    record ClearanceItem(long id, String categoryLabel, String description, String state, Instant reportedAt,
                         Instant closedAt, Instant deadline, String deadlineStatus, String responsibleName, String lastNote) {
    }

    record Clearance(String gridName, java.time.LocalDate weekStart, java.time.LocalDate weekEnd, long reported,
                     long closed, long open, long overdue, List<ClearanceItem> items) {
    }

    @Operation(summary = "Weekly clearance (周周清) of a grid: every case of the week (and older ones still open), "
            + "closed or open with its latest note and deadline")
    @GetMapping("/cases/weekly-clearance")
    @Transactional(readOnly = true)
    Clearance clearance(@CurrentUser Actor actor, @RequestParam long gridId,
                        @RequestParam(required = false) java.time.LocalDate week) {
        Areas.AreaRef grid = areas.find(gridId).filter(a -> actor.scopeFor(CaseworkPermissions.CASE_READ).contains(a.path()))
                .orElseThrow(() -> new NotFoundException("Area"));
        java.time.ZoneId zone = intake.zone();
        java.time.LocalDate day = week == null ? java.time.LocalDate.now(clock.withZone(zone)) : week;
        java.time.LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
        Map<String, String> labels = labels(LocaleContextHolder.getLocale());
        Instant now = clock.instant();
        List<ClearanceItem> items = cases.forClearance(grid.path() + "%", from, to, openStates()).stream().map(c -> {
            List<Case.Step> steps = c.steps();
            String note = null;
            for (int i = steps.size() - 1; i >= 0 && note == null; i--) {
                note = steps.get(i).comment();
            }
            return new ClearanceItem(c.id(), labels.get(c.category()), c.description(), c.state().name(), c.reportedAt(),
                    c.closedAt(), c.deadline(), deadlineStatus(c, now), c.responsibleName(), note);
        }).toList();
        long open = items.stream().filter(i -> CaseState.valueOf(i.state()).open()).count();
        return new Clearance(grid.name(), monday, monday.plusDays(6), items.stream().filter(i -> !i.reportedAt().isBefore(from)).count(),
                items.size() - open, open, items.stream().filter(i -> "RED".equals(i.deadlineStatus())).count(), items);
    }

    @Operation(summary = "One case with its history")
    @GetMapping("/cases/{id}")
    @Transactional(readOnly = true)
    CaseView one(@CurrentUser Actor actor, @PathVariable long id) {
        return view(actor, visible(actor, id));
    }

    @Operation(summary = "A photo of a case")
    @GetMapping("/cases/{id}/photos/{casePhotoId}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> photo(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long casePhotoId) {
        Case caze = visible(actor, id);
        CasePhoto photo = photos.findById(casePhotoId).filter(p -> p.caseId().equals(caze.id()))
                .orElseThrow(() -> new NotFoundException("CasePhoto"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).body(photo.data());
    }

    @Operation(summary = "Report a case: a grid worker on patrol, a resident, or staff recording a call or a walk-in; "
            + "routed to the smallest grid around the point (GCJ-02 from phones is converted to WGS-84)")
    @PostMapping("/cases")
    ResponseEntity<CaseView> report(@CurrentUser Actor actor, @Valid @RequestBody ReportForm form,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        permissions.checkReport(actor);
        String sourceType = null;
        String sourceId = null;
        if (key != null && !key.isBlank()) {
            if (key.length() > 40) {
                throw new InvalidInputException("Idempotency-Key", "case.text.too-long", 40);
            }
            sourceType = "Idempotency";
            sourceId = actor.accountId() + ":" + key.strip();
            Optional<Case> earlier = cases.findBySourceTypeAndSourceId(sourceType, sourceId);
            if (earlier.isPresent()) {
                return ResponseEntity.ok(view(actor, earlier.get()));
            }
        }
        boolean staff = actor.has(CaseworkPermissions.step("dispatch"));
        Channel channel = form.channel() != null ? form.channel() : staff ? (actor.grants().stream()
                .anyMatch(g -> g.role().equals("GRID_WORKER")) ? Channel.PATROL : Channel.PHONE) : Channel.RESIDENT;
        List<FieldProblem> problems = new ArrayList<>();
        if (channel == Channel.MAILBOX || channel == Channel.VISIT || (!staff && channel != Channel.RESIDENT)) {
            problems.add(new FieldProblem("channel", "case.channel.not-allowed", channel.name()));
        }
        if (form.category() == null || form.category().isBlank()) {
            problems.add(new FieldProblem("category", "validation.required"));
        } else if (categories.findById(form.category()).filter(CaseCategory::active).isEmpty()) {
            problems.add(new FieldProblem("category", "case.category.unknown"));
        }
        Case.text(form.description(), Case.MAX_TEXT, "description", problems);
        if (form.longitude() == null) {
            problems.add(new FieldProblem("longitude", "validation.required"));
        } else if (form.longitude() < -180 || form.longitude() > 180) {
            problems.add(new FieldProblem("longitude", "validation.range", -180, 180));
        }
        if (form.latitude() == null) {
            problems.add(new FieldProblem("latitude", "validation.required"));
        } else if (form.latitude() < -90 || form.latitude() > 90) {
            problems.add(new FieldProblem("latitude", "validation.range", -90, 90));
        }
        boolean onBehalf = channel == Channel.PHONE || channel == Channel.WALK_IN;
        if (onBehalf && (form.reporterName() == null || form.reporterName().isBlank())) {
            problems.add(new FieldProblem("reporterName", "validation.required"));
        }
        List<ImageFiles.Image> images = new ArrayList<>();
        List<String> sent = form.photos() == null ? List.of() : form.photos();
        for (int i = 0; i < sent.size(); i++) {
            try {
                images.add(ImageFiles.decode(sent.get(i), CasePhoto.MAX_BYTES, "photos[" + i + "]"));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        CaseIntake.Route route = null;
        if (form.longitude() != null && form.latitude() != null && problems.stream().noneMatch(
                p -> p.field().equals("longitude") || p.field().equals("latitude"))) {
            double[] wgs = wgs(form.longitude(), form.latitude(), form.coordSystem());
            try {
                route = intake.route(wgs[0], wgs[1], "longitude");
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        double[] wgs = wgs(form.longitude(), form.latitude(), form.coordSystem());
        Case.Who by = who(actor);
        Case.Who reporter = onBehalf ? new Case.Who(null, form.reporterName().strip()) : by;
        Case caze = new Case(intake.nextId(), form.category(), form.description(), form.address(), channel, sourceType,
                sourceId, wgs[0], wgs[1], route.areaPath(), route.gridName(), intake.gridHolder(route), reporter, by,
                clock.instant(), intake.deadlines(form.category()));
        patrols.findByWorkerAccountIdAndEndedAtIsNull(actor.accountId()).ifPresent(p -> caze.foundOn(p.id()));
        try {
            cases.saveAndFlush(caze);
        } catch (DataIntegrityViolationException e) {
            // the same Idempotency-Key in the same moment: the first report stands
            throw new ConflictException("duplicate-submit", "case.duplicate-submit");
        }
        for (ImageFiles.Image image : images) {
            photos.save(new CasePhoto(intake.nextId(), caze.id(), 0, image));
        }
        photos.flush();
        events.publishEvent(new CaseChanged("case.report", caze.id(), caze.areaPath(), null, caze.state().name(),
                "channel " + channel + ", category " + caze.category() + ", grid " + caze.gridName()
                        + (images.isEmpty() ? "" : ", " + images.size() + " photo(s)")));
        intake.tell(without(intake.responsible(caze), actor), "case.assigned", caze, "/admin/cases", CaseIntake.gist(caze),
                caze.gridName());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(actor, caze));
    }

    @Operation(summary = "Accept (受理) a reported case")
    @PostMapping("/cases/{id}/accept")
    CaseView accept(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "accept", form, (c, f) -> c.accept(who(actor), clock.instant(), f.comment(), intake.deadlines(c.category())));
    }

    @Operation(summary = "Register (立案) an accepted case")
    @PostMapping("/cases/{id}/register")
    CaseView register(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "register", form, (c, f) -> c.register(who(actor), clock.instant(), f.comment(),
                intake.deadlines(c.category())));
    }

    @Operation(summary = "Dispatch (派遣) to a person (username; default the caller) or a unit; the level's handling limit starts")
    @PostMapping("/cases/{id}/dispatch")
    CaseView dispatch(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "dispatch", form, (c, f) -> {
            Case.Holder to;
            if (f.unit() != null && !f.unit().isBlank()) {
                to = new Case.Holder(c.level(), c.levelPath(), f.unit().strip(), null);
            } else if (f.username() != null && !f.username().isBlank()) {
                long account = accounts.idOf(f.username().strip())
                        .orElseThrow(() -> new InvalidInputException("username", "case.dispatch.unknown-account"));
                to = new Case.Holder(c.level(), c.levelPath(), accounts.displayNameOf(account).orElse(f.username()), account);
            } else {
                to = new Case.Holder(c.level(), c.levelPath(), actor.displayName(), actor.accountId());
            }
            c.dispatch(to, who(actor), clock.instant(), f.comment(), intake.deadlines(c.category()));
            if (to.responsibleAccountId() != null && to.responsibleAccountId() != actor.accountId()) {
                intake.tell(Set.of(to.responsibleAccountId()), "case.assigned", c, "/admin/cases", CaseIntake.gist(c), c.gridName());
            }
        });
    }

    @Operation(summary = "Start handling (处置)")
    @PostMapping("/cases/{id}/start")
    CaseView start(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "start", form, (c, f) -> c.start(who(actor), clock.instant(), f.comment()));
    }

    @Operation(summary = "Report it handled (反馈), with what was done and photos; the reporter is told")
    @PostMapping("/cases/{id}/handle")
    CaseView handle(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "handle", form, (c, f) -> {
            c.handle(who(actor), clock.instant(), f.comment(), intake.deadlines(c.category()));
            intake.tell(without(intake.reporters(c), actor), "case.handled", c, "/m/cases?case=" + c.id(), CaseIntake.gist(c), f.comment());
        });
    }

    @Operation(summary = "Verify (核查) the result on site")
    @PostMapping("/cases/{id}/verify")
    CaseView verify(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "verify", form, (c, f) -> c.verify(who(actor), clock.instant(), f.comment(),
                intake.deadlines(c.category())));
    }

    @Operation(summary = "Close (结案); the reporter may rate or reopen within lianxin.casework.reopen-within-days")
    @PostMapping("/cases/{id}/close")
    CaseView close(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "close", form, (c, f) -> {
            Instant lastDeadline = c.deadline();
            Instant at = clock.instant();
            boolean onTime = lastDeadline == null || !at.isAfter(lastDeadline);
            c.close(who(actor), at, f.comment());
            returnVisits.onClosed(c, at);
            events.publishEvent(new CaseClosed(c.id(), c.areaPath(), c.category(), c.level().name(), c.reportedAt(), at,
                    onTime));
            intake.tell(without(intake.reporters(c), actor), "case.closed", c, "/m/cases?case=" + c.id(), CaseIntake.gist(c));
        });
    }

    @Operation(summary = "Rate (评价) a closed case, once: 1–5 stars (the reporter)")
    @PostMapping("/cases/{id}/rate")
    CaseView rate(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "rate", form, (c, f) -> {
            if (f.rating() == null) {
                throw new InvalidInputException("rating", "validation.required");
            }
            c.rate(f.rating(), f.comment(), who(actor), clock.instant());
            returnVisits.onRated(c, clock.instant());
        });
    }

    @Operation(summary = "Return for rework (退回重办) with a reason")
    @PostMapping("/cases/{id}/return")
    CaseView returnForRework(@CurrentUser Actor actor, @PathVariable long id,
                             @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "return", form, (c, f) -> {
            c.returnForRework(who(actor), clock.instant(), f.reason(), intake.deadlines(c.category()));
            intake.tell(without(intake.responsible(c), actor), "case.returned", c, "/admin/cases", CaseIntake.gist(c), f.reason());
        });
    }

    @Operation(summary = "Reject (不予受理) with a reason and where to go instead; the reporter is told who decided")
    @PostMapping("/cases/{id}/reject")
    CaseView reject(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "reject", form, (c, f) -> {
            c.reject(who(actor), clock.instant(), f.reason(), f.redirect());
            intake.tell(without(intake.reporters(c), actor), "case.rejected", c, "/m/cases?case=" + c.id(), CaseIntake.gist(c),
                    actor.displayName(), c.rejectReason(), c.rejectRedirect());
        });
    }

    @Operation(summary = "Reopen (the reporter disputes the result) within the set time")
    @PostMapping("/cases/{id}/reopen")
    CaseView reopen(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "reopen", form, (c, f) -> {
            c.reopen(who(actor), clock.instant(), f.reason(), reopenUntil(c), intake.deadlines(c.category()));
            returnVisits.onReopened(c);
            intake.tell(without(intake.responsible(c), actor), "case.reopened", c, "/admin/cases", CaseIntake.gist(c), f.reason());
        });
    }

    @Operation(summary = "Escalate (上报) to the level above (grid → community → subdistrict) or to a partner unit / department")
    @PostMapping("/cases/{id}/escalate")
    CaseView escalate(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "escalate", form, (c, f) -> {
            c.require("escalate");
            Case.Holder to = intake.above(c, f.unit())
                    .orElseThrow(() -> new InvalidInputException("unit", "case.escalate.nowhere", c.level().name()));
            c.escalate(to, who(actor), clock.instant(), f.reason(), intake.deadlines(c.category()));
            intake.tell(without(intake.responsible(c), actor), "case.escalated", c, "/admin/cases", CaseIntake.gist(c),
                    actor.displayName(), f.reason());
        });
    }

    @Operation(summary = "Urge (催办): the level above presses the holder; the deadline stands")
    @PostMapping("/cases/{id}/urge")
    CaseView urge(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "urge", form, (c, f) -> {
            c.urge(who(actor), clock.instant(), f.comment());
            intake.tell(intake.responsible(c), "case.urged", c, "/admin/cases", CaseIntake.gist(c), actor.displayName());
        });
    }

    @Operation(summary = "Supervise (督办): formal supervision that requires a reply")
    @PostMapping("/cases/{id}/supervise")
    CaseView supervise(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "supervise", form, (c, f) -> {
            c.supervise(who(actor), clock.instant(), f.comment());
            intake.tell(intake.responsible(c), "case.supervised", c, "/admin/cases", CaseIntake.gist(c), actor.displayName(),
                    f.comment());
        });
    }

    @Operation(summary = "Reply to supervision (the holder)")
    @PostMapping("/cases/{id}/reply")
    CaseView reply(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "reply", form, (c, f) -> {
            Long supervisor = c.steps().stream().filter(s -> s.action().equals("supervise")).reduce((a, b) -> b)
                    .map(Case.Step::byAccountId).orElse(null);
            c.reply(who(actor), clock.instant(), f.comment());
            if (supervisor != null) {
                intake.tell(Set.of(supervisor), "case.replied", c, "/admin/cases", CaseIntake.gist(c), actor.displayName(),
                        f.comment());
            }
        });
    }

    @Operation(summary = "Mark as a duplicate of another open case; its reporter follows the original")
    @PostMapping("/cases/{id}/duplicate")
    CaseView duplicate(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) StepForm form) {
        return step(actor, id, "duplicate", form, (c, f) -> {
            c.require("duplicate");
            if (f.originalId() == null || f.originalId() == c.id()) {
                throw new InvalidInputException("originalId", "case.duplicate.original");
            }
            Case original = cases.findById(f.originalId()).filter(o -> permissions.staffSees(actor, o))
                    .filter(o -> o.state().open())
                    .orElseThrow(() -> new InvalidInputException("originalId", "case.duplicate.original"));
            c.markDuplicate(original.id(), who(actor), clock.instant());
            Set<Long> followers = intake.reporters(c);
            followers.forEach(a -> intake.follow(original.id(), a));
            intake.tell(without(followers, actor), "case.duplicate", c, "/m/cases?case=" + c.id(), CaseIntake.gist(c),
                    String.valueOf(original.id()));
        });
    }

    /** Load in scope (404 otherwise), check the step's permission (403), take it, attach photos, save, audit. */
    private CaseView step(Actor actor, long id, String step, StepForm form, java.util.function.BiConsumer<Case, StepForm> action) {
        StepForm f = form == null ? StepForm.EMPTY : form;
        Case caze = visible(actor, id);
        permissions.check(actor, caze, step);
        if (f.version() != null && !f.version().equals(caze.version())) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        List<ImageFiles.Image> images = new ArrayList<>();
        List<String> sent = f.photos() == null ? List.of() : f.photos();
        for (int i = 0; i < sent.size(); i++) {
            images.add(ImageFiles.decode(sent.get(i), CasePhoto.MAX_BYTES, "photos[" + i + "]"));
        }
        String from = caze.state().name();
        action.accept(caze, f);
        try {
            cases.saveAndFlush(caze);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("stale-version", "problem.stale-version.detail");
        }
        for (ImageFiles.Image image : images) {
            photos.save(new CasePhoto(intake.nextId(), caze.id(), caze.lastStep(), image));
        }
        photos.flush();
        events.publishEvent(new CaseChanged("case." + step, caze.id(), caze.areaPath(), from, caze.state().name(),
                "level " + caze.level() + (images.isEmpty() ? "" : ", " + images.size() + " photo(s)")));
        return view(actor, caze);
    }

    /** Staff in scope, the reporter, or a follower; everyone else 404. */
    private Case visible(Actor actor, long id) {
        Case caze = cases.findById(id).orElseThrow(() -> new NotFoundException("Case"));
        if (permissions.staffSees(actor, caze) || own(actor, caze) || intake.follows(caze.id(), actor.accountId())) {
            return caze;
        }
        throw new NotFoundException("Case");
    }

    private static boolean own(Actor actor, Case caze) {
        return caze.reporterAccountId() != null && caze.reporterAccountId() == actor.accountId();
    }

    private static Set<Long> without(Set<Long> recipients, Actor actor) {
        Set<Long> rest = new java.util.LinkedHashSet<>(recipients);
        rest.remove(actor.accountId());
        return rest;
    }

    private static Case.Who who(Actor actor) {
        return new Case.Who(actor.accountId(), actor.displayName());
    }

    private Instant reopenUntil(Case caze) {
        Instant handled = caze.steps().stream().filter(s -> s.action().equals("handle")).reduce((a, b) -> b)
                .map(Case.Step::at).orElse(null);
        Instant base = caze.closedAt() != null ? caze.closedAt() : handled;
        return base == null ? null : base.plus(Duration.ofDays(properties.reopenWithinDays()));
    }

    static List<CaseState> openStates() {
        return java.util.Arrays.stream(CaseState.values()).filter(CaseState::open).toList();
    }

    private static double[] wgs(double longitude, double latitude, CoordSystem system) {
        return system == CoordSystem.GCJ02 ? Coordinates.gcj02ToWgs84(longitude, latitude)
                : new double[] {longitude, latitude};
    }

    private Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new HashMap<>();
        categories.findAll().forEach(c -> labels.put(c.code(), c.label(locale)));
        return labels;
    }

    /** GREEN, YELLOW in the last part of the step's time ({@code yellow-fraction}), RED after; null when closed. */
    String deadlineStatus(Case caze, Instant now) {
        if (caze.deadline() == null || !caze.state().open()) {
            return null;
        }
        if (now.isAfter(caze.deadline())) {
            return "RED";
        }
        long span = Duration.between(caze.stateSince(), caze.deadline()).toSeconds();
        long left = Duration.between(now, caze.deadline()).toSeconds();
        return left <= span * properties.yellowFraction() ? "YELLOW" : "GREEN";
    }

    private CaseView view(Actor actor, Case caze) {
        return views(actor, List.of(caze), true).get(0);
    }

    private List<CaseView> views(Actor actor, List<Case> list, boolean detail) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = labels(locale);
        Map<Long, Map<Integer, List<Long>>> photoIds = new HashMap<>();
        if (!list.isEmpty()) {
            for (Object[] row : photos.idsOf(list.stream().map(Case::id).toList())) {
                photoIds.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                        .computeIfAbsent((Integer) row[2], k -> new ArrayList<>()).add((Long) row[1]);
            }
        }
        Instant now = clock.instant();
        return list.stream().map(c -> {
            boolean staff = permissions.staffSees(actor, c);
            boolean mine = own(actor, c);
            Map<Integer, List<Long>> byStep = photoIds.getOrDefault(c.id(), Map.of());
            List<Case.Step> steps = c.steps();
            List<StepView> history = null;
            if (detail) {
                history = new ArrayList<>();
                for (int i = 0; i < steps.size(); i++) {
                    Case.Step s = steps.get(i);
                    history.add(new StepView(s.action(), s.fromState() == null ? null : s.fromState().name(),
                            s.toState().name(), staff || s.byAccountId() == null || s.byAccountId() == actor.accountId()
                            || !"report".equals(s.action()) ? s.byName() : null, s.at(), s.comment(),
                            byStep.getOrDefault(i, List.of())));
                }
            }
            // reopening is offered only while the reporter's time lasts (the step itself refuses later with a 409)
            Instant reopenBy = reopenUntil(c);
            List<String> actions = c.allowed().stream().filter(step -> permissions.may(actor, c, step))
                    .filter(step -> !"reopen".equals(step) || reopenBy == null || now.isBefore(reopenBy)).toList();
            return new CaseView(c.id(), c.category(), labels.get(c.category()), c.description(), c.address(),
                    c.channel().name(), c.longitude(), c.latitude(), c.gridName(), c.level().name(), c.responsibleName(),
                    c.state().name(), c.stateSince(), c.deadline(), deadlineStatus(c, now),
                    staff || mine ? c.reporterName() : null, c.reportedAt(), c.closedAt(), c.rating(), c.ratingComment(),
                    c.rejectReason(), c.rejectRedirect(), c.duplicateOf(), c.urgeCount(), c.supervisionOpen(),
                    byStep.getOrDefault(0, List.of()), history, mine,
                    c.state() == CaseState.CLOSED || c.state() == CaseState.HANDLED || c.state() == CaseState.VERIFIED
                            ? reopenBy : null, actions, c.version());
        }).toList();
    }
}
