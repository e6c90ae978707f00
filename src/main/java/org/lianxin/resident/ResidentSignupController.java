package org.lianxin.resident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.access.Accounts;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.ResidentEvents.HouseholdChanged;
import org.lianxin.resident.ResidentEvents.ResidentChanged;
import org.lianxin.resident.ResidentEvents.SignupChanged;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.Notice;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PersonalDataCipher.Sealed;
import org.lianxin.shared.PhoneNumber;
import org.lianxin.shared.ProblemHandler;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resident self-signup. Asking for a code and signing up are anonymous (the person has no account
 * yet); the queue, confirmation and rejection belong to community staff in the building's scope; the
 * resident reads his own signup's status once logged in with the account the signup made.
 */
@Tag(name = "居民注册 Resident signups")
@RestController
@RequestMapping("/api/v1/resident-signups")
@Transactional
class ResidentSignupController {

    /** The signup account's username: the prefix and the signup's id (never the phone, see docs/architecture.md). */
    static final String USERNAME_PREFIX = "jm";

    record CodeForm(@NotBlank @Pattern(regexp = ResidentController.MOBILE, message = "{validation.mobile}") String phone) {
    }

    record CodeView(String sentTo, long validSeconds, long resendAfterSeconds) {
    }

    record SignupForm(@NotBlank @Pattern(regexp = ResidentController.MOBILE, message = "{validation.mobile}") String phone,
                      @NotBlank @Size(max = 6) String code, @NotBlank @Size(max = 100) String name,
                      @NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 128) String password,
                      @NotNull Long buildingId, @NotBlank @Size(max = 50) String doorNumber) {
    }

    record ConfirmForm(Long householdId, Relation relation) {
    }

    record RejectForm(@NotBlank @Size(max = 500) String reason) {
    }

    record SignupView(long id, String name, String phone, String idNumber, long buildingId, String buildingName,
                      String compoundName, String doorNumber, String username, String status, String reason,
                      Long householdId, Instant createdAt, Instant decidedAt, long version) {
    }

    private final ResidentSignupRepository signups;
    private final HouseholdRepository households;
    private final ResidentRepository residents;
    private final SignupCodes codes;
    private final Accounts accounts;
    private final Areas areas;
    private final ResidentPermissions permissions;
    private final ResidentViews views;
    private final PersonalDataCipher cipher;
    private final ProblemHandler problems;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResidentSignupController(ResidentSignupRepository signups, HouseholdRepository households,
                             ResidentRepository residents, SignupCodes codes, Accounts accounts, Areas areas,
                             ResidentPermissions permissions, ResidentViews views, PersonalDataCipher cipher,
                             ProblemHandler problems, Ids ids, ApplicationEventPublisher events, Clock clock) {
        this.signups = signups;
        this.households = households;
        this.residents = residents;
        this.codes = codes;
        this.accounts = accounts;
        this.areas = areas;
        this.permissions = permissions;
        this.views = views;
        this.cipher = cipher;
        this.problems = problems;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Send a 6-digit signup code to a mobile phone (anonymous; one per phone per minute)")
    @PostMapping("/codes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CodeView sendCode(@Valid @RequestBody CodeForm form) {
        String phone = form.phone().strip();
        codes.send(phone);
        return new CodeView(PhoneNumber.mask(phone), SignupCodes.VALID.toSeconds(), SignupCodes.INTERVAL.toSeconds());
    }

    @Operation(summary = "Sign up as a resident with the code (anonymous); makes an account without a role until confirmed")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SignupView signUp(@Valid @RequestBody SignupForm form) {
        String phone = form.phone().strip();
        IdNumber idNumber = ResidentController.idNumber(form.idNumber());
        AreaRef building = areas.find(form.buildingId()).filter(a -> "BUILDING".equals(a.level()))
                .orElseThrow(() -> new InvalidInputException("buildingId", "household.building.not-building"));
        long id = ids.next("resident_signup_seq");
        String username = USERNAME_PREFIX + id;
        accounts.checkPassword(username, form.password());
        codes.consume(phone, form.code());
        Sealed sealedPhone = cipher.seal(phone);
        if (signups.existsByPhoneIndexAndStatus(sealedPhone.blindIndex(), ResidentSignup.Status.PENDING)) {
            throw new ConflictException("conflict", "signup.pending-exists");
        }
        Sealed sealedId = cipher.seal(idNumber.value());
        if (residents.findByIdNumberIndex(sealedId.blindIndex()).filter(r -> r.accountId() != null).isPresent()) {
            throw new ConflictException("conflict", "signup.already-resident");
        }
        long accountId = accounts.createResidentAccount(username, form.name().strip(), form.password());
        ResidentSignup signup = signups.save(new ResidentSignup(id, form.name().strip(), sealedPhone, sealedId, building,
                form.doorNumber().strip(), accountId, username, clock.instant()));
        events.publishEvent(new SignupChanged("resident-signup.create", id, building.name() + " " + signup.doorNumber()));
        return view(signup);
    }

    record PlacesView(long compoundId, String compoundName, List<BuildingView> buildings) {
    }

    record BuildingView(long id, String name) {
    }

    record PlacesForm(@NotNull Long compoundId) {
    }

    @Operation(summary = "A compound's buildings for the signup form (anonymous: the compound's signup QR code links here)")
    @PostMapping("/places")
    @Transactional(readOnly = true)
    PlacesView places(@Valid @RequestBody PlacesForm form) {
        AreaRef compound = areas.find(form.compoundId()).filter(a -> "COMPOUND".equals(a.level()))
                .orElseThrow(() -> new InvalidInputException("compoundId", "signup.compound.unknown"));
        return new PlacesView(compound.id(), compound.name(), areas.children(compound.id()).stream()
                .filter(a -> "BUILDING".equals(a.level())).map(a -> new BuildingView(a.id(), a.name())).toList());
    }

    @Operation(summary = "Signups waiting for (or decided by) community staff, in the caller's areas")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<SignupView> list(@CurrentUser Actor actor, @RequestParam(required = false) ResidentSignup.Status status,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        permissions.require(actor, ResidentPermissions.SIGNUP_CONFIRM);
        Specification<ResidentSignup> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"),
                    actor.scopeFor(ResidentPermissions.SIGNUP_CONFIRM)));
            if (status != null) {
                all.add(cb.equal(root.get("status"), status));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = signups.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        return PageView.of(result, this::view);
    }

    @Operation(summary = "The caller's own signups and their status (a resident's account)")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<SignupView> mine(@CurrentUser Actor actor) {
        return signups.findByAccountIdOrderByIdDesc(actor.accountId()).stream().map(this::view).toList();
    }

    @Operation(summary = "Confirm a signup: link to a household (or create it at the door given) and make the account a resident")
    @PostMapping("/{id}/confirm")
    SignupView confirm(@CurrentUser Actor actor, @PathVariable long id, @RequestBody(required = false) ConfirmForm form) {
        ResidentSignup signup = decidable(actor, id);
        Household household = form != null && form.householdId() != null ? chosen(actor, form.householdId())
                : households.findByBuildingIdAndDoorNumber(signup.buildingId(), signup.doorNumber())
                        .orElseGet(() -> newHousehold(signup));
        Relation relation = form == null || form.relation() == null
                ? (residents.countByHouseholdId(household.id()) == 0 ? Relation.HOUSEHOLDER : Relation.OTHER)
                : form.relation();
        String plainId = cipher.open(signup.idNumberCipher());
        Resident resident = residents.findByIdNumberIndex(signup.idNumberIndex()).orElse(null);
        if (resident != null) {
            if (!actor.scopeFor(ResidentPermissions.SIGNUP_CONFIRM).contains(resident.areaPath())) {
                throw new ConflictException("conflict", "signup.id-number.elsewhere");
            }
            resident.moveTo(household);
            if (resident.phoneCipher() == null) {
                resident.changePhone(cipher.seal(cipher.open(signup.phoneCipher())));
            }
        } else {
            resident = new Resident(ids.next("resident_seq"), household, signup.name(), new IdNumber(plainId),
                    cipher.seal(plainId), cipher.seal(cipher.open(signup.phoneCipher())), relation,
                    EnumSet.noneOf(ResidentTag.class), clock.instant());
        }
        resident.linkAccount(signup.accountId());
        resident = residents.save(resident);
        AreaRef building = areas.find(household.buildingId()).orElseThrow(() -> new NotFoundException("Area"));
        Long compound = ResidentViews.parentId(building.path());
        long roleArea = compound != null && areas.find(compound).filter(a -> "COMPOUND".equals(a.level())).isPresent()
                ? compound : building.id();
        accounts.grantResident(signup.accountId(), roleArea);
        signup.confirm(resident.id(), clock.instant());
        signups.saveAndFlush(signup);
        events.publishEvent(new ResidentChanged("resident.link-account", resident.id(), resident.name()));
        events.publishEvent(new SignupChanged("resident-signup.confirm", signup.id(), "household " + household.id()));
        events.publishEvent(Notice.to(signup.accountId(), "resident-signup.confirmed", "/m/my-household", "ResidentSignup",
                signup.id(), building.name() + " " + household.doorNumber()));
        return view(signup);
    }

    @Operation(summary = "Reject a signup with a reason the resident sees")
    @PostMapping("/{id}/reject")
    SignupView reject(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody RejectForm form) {
        ResidentSignup signup = decidable(actor, id);
        signup.reject(form.reason().strip(), clock.instant());
        signups.saveAndFlush(signup);
        events.publishEvent(new SignupChanged("resident-signup.reject", signup.id(), form.reason().strip()));
        events.publishEvent(Notice.to(signup.accountId(), "resident-signup.rejected", "/m/my-signup", "ResidentSignup",
                signup.id(), form.reason().strip()));
        return view(signup);
    }

    @ExceptionHandler(SignupCodes.TooSoon.class)
    ResponseEntity<ProblemDetail> tooSoon(SignupCodes.TooSoon e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.seconds))
                .body(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "signup.code.too-soon",
                        e.seconds));
    }

    @ExceptionHandler(SignupCodes.NoSender.class)
    ProblemDetail noSender(SignupCodes.NoSender e) {
        return problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "sms-unavailable", "signup.sms.unavailable");
    }

    private ResidentSignup decidable(Actor actor, long id) {
        ResidentSignup signup = signups.findById(id).orElseThrow(() -> new NotFoundException("ResidentSignup"));
        permissions.checkVisible(actor, ResidentPermissions.SIGNUP_CONFIRM, ResidentPermissions.SIGNUP_CONFIRM,
                signup.areaPath(), "ResidentSignup");
        return signup;
    }

    private Household chosen(Actor actor, long householdId) {
        Household household = households.findById(householdId).orElseThrow(() -> new NotFoundException("Household"));
        permissions.checkVisible(actor, ResidentPermissions.SIGNUP_CONFIRM, ResidentPermissions.SIGNUP_CONFIRM,
                household.areaPath(), "Household");
        return household;
    }

    private Household newHousehold(ResidentSignup signup) {
        AreaRef building = areas.find(signup.buildingId()).orElseThrow(() -> new NotFoundException("Area"));
        Household household = households.save(new Household(ids.next("household_seq"), building, signup.doorNumber(),
                clock.instant()));
        events.publishEvent(new HouseholdChanged("household.create", household.id(),
                building.name() + " " + signup.doorNumber()));
        return household;
    }

    private SignupView view(ResidentSignup s) {
        var places = views.places(List.of(s.areaPath()));
        Long household = s.residentId() != null ? residents.findById(s.residentId()).map(Resident::householdId).orElse(null)
                : households.findByBuildingIdAndDoorNumber(s.buildingId(), s.doorNumber()).map(Household::id).orElse(null);
        return new SignupView(s.id(), s.name(), PhoneNumber.mask(cipher.open(s.phoneCipher())),
                IdNumber.mask(cipher.open(s.idNumberCipher())), s.buildingId(), places.building(s.buildingId()),
                places.compoundOf(s.areaPath()), s.doorNumber(), s.username(), s.status().name(), s.reason(), household,
                s.createdAt(), s.decidedAt(), s.version() == null ? 0 : s.version());
    }
}
