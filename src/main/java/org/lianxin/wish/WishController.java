package org.lianxin.wish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

import org.lianxin.organization.Areas;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CampaignTags;
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
import org.lianxin.wish.WishEvents.WishChanged;
import org.lianxin.wish.WishEvents.WishConfirmed;
import org.lianxin.wish.WishEvents.WishFulfilled;
import org.lianxin.wish.WishPermissions.Claimer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Micro-wishes (微心愿): a resident submits (or staff on his behalf), the community publishes or declines,
 * a registered member or a partner unit claims from the wall, fulfils with a photo, the resident confirms
 * and may thank. The wall never shows who the resident is; staff always see it.
 */
@Tag(name = "微心愿 Micro-wishes")
@RestController
@RequestMapping("/api/v1/wishes")
@Transactional
class WishController {

    record SubmitForm(@Size(max = 200) String title, @Size(max = 2000) String story, String category,
                      Integer estimatedValue, String photo, Long residentId) {
    }

    record DeclineForm(@Size(max = 1000) String reason) {
    }

    /** Publishing may tag the wish to a campaign action at once (optional). */
    record PublishForm(Long campaignActionId) {
    }

    /** The campaign action to tag the wish to, or null to clear the tag. */
    record TagForm(Long campaignActionId) {
    }

    /** The campaign action a wish is tagged to, as its tag reads: 百日先锋行动 · 关爱困难党员群众. */
    record TagView(long id, String name, long campaignId, String campaignName) {
    }

    record FulfilForm(@Size(max = 2000) String note, String photo) {
    }

    record ConfirmForm(@Size(max = 2000) String thankYou) {
    }

    record Category(String code, String label) {
    }

    record StepView(String action, String by, Instant at, String note) {
    }

    /**
     * One wish as the caller may see it. On the wall (and for a claimant) the resident's name, door and phone
     * are null and {@code who} says only the compound; staff and the resident himself see them.
     */
    record WishView(long id, String title, String story, String category, String categoryLabel, int estimatedValue,
                    String compoundName, String residentName, String doorNumber, String phone, String state,
                    boolean hasPhoto, boolean hasFulfilmentPhoto, Instant submittedAt, String submittedBy,
                    Boolean submittedOnBehalf, String reviewedBy, Instant reviewedAt, String declineReason,
                    String claimantKind, String claimantName, Instant claimedAt, Instant claimDueAt, String fulfilNote,
                    Instant fulfilledAt, String confirmedBy, Boolean confirmedOnBehalf, Instant confirmedAt,
                    String thankYou, List<StepView> steps, String mine, List<String> actions, long version,
                    TagView campaignAction) {
    }

    private final WishRepository wishes;
    private final WishPhotoRepository photos;
    private final WishPermissions permissions;
    private final WishProperties properties;
    private final Residents residents;
    private final Areas areas;
    private final CampaignTags campaignTags;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WishController(WishRepository wishes, WishPhotoRepository photos, WishPermissions permissions,
                   WishProperties properties, Residents residents, Areas areas, CampaignTags campaignTags, Ids ids,
                   ApplicationEventPublisher events, Clock clock) {
        this.campaignTags = campaignTags;
        this.wishes = wishes;
        this.photos = photos;
        this.permissions = permissions;
        this.properties = properties;
        this.residents = residents;
        this.areas = areas;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "The configured wish categories, labelled")
    @GetMapping("/categories")
    @Transactional(readOnly = true)
    List<Category> categories() {
        Locale locale = LocaleContextHolder.getLocale();
        return properties.categories().stream().map(c -> new Category(c.code(), c.label(locale))).toList();
    }

    @Operation(summary = "Wishes in the caller's area (staff, with who the resident is); filter by state, category, text")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<WishView> list(@CurrentUser Actor actor, @RequestParam(required = false) WishState state,
                            @RequestParam(required = false) String category, @RequestParam(required = false) String q,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope scope = permissions.staffScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(WishPermissions.READ);
        }
        return page(actor, scope, state, category, q, page, size, false);
    }

    @Operation(summary = "How many wishes are in each state, in the caller's area (staff)")
    @GetMapping("/counts")
    @Transactional(readOnly = true)
    Map<String, Long> counts(@CurrentUser Actor actor) {
        Scope scope = permissions.staffScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(WishPermissions.READ);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (WishState state : WishState.values()) {
            counts.put(state.name(), wishes.count((root, query, cb) -> cb.and(
                    ScopeSpecification.predicate(cb, root.get("areaPath"), scope), cb.equal(root.get("state"), state))));
        }
        return counts;
    }

    @Operation(summary = "The wish wall: published wishes where the caller may claim (or oversees), never naming the resident")
    @GetMapping("/wall")
    @Transactional(readOnly = true)
    PageView<WishView> wall(@CurrentUser Actor actor, @RequestParam(required = false) String category,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Scope scope = permissions.wallScope(actor, permissions.claimers(actor));
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), 0, size == null ? 20 : size, 0, 0);
        }
        return page(actor, scope, WishState.PUBLISHED, category, null, page, size, true);
    }

    @Operation(summary = "The caller's own wishes (as the resident) and the wishes he claimed (as the claimant)")
    @GetMapping("/mine")
    @Transactional(readOnly = true)
    List<WishView> mine(@CurrentUser Actor actor) {
        Optional<Long> resident = permissions.residentOf(actor);
        Specification<Wish> spec = (root, query, cb) -> resident.isPresent()
                ? cb.or(cb.equal(root.get("residentId"), resident.get()),
                cb.equal(root.get("claimantAccountId"), actor.accountId()))
                : cb.equal(root.get("claimantAccountId"), actor.accountId());
        return views(actor, wishes.findAll(spec, Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("id"))), false);
    }

    @Operation(summary = "One wish")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    WishView get(@CurrentUser Actor actor, @PathVariable long id) {
        return view(actor, visible(actor, id));
    }

    @Operation(summary = "The resident's photo of a wish (as an image)")
    @GetMapping("/{id}/photo")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> photo(@CurrentUser Actor actor, @PathVariable long id) {
        return image(visible(actor, id), WishPhoto.Kind.SUBMITTED);
    }

    @Operation(summary = "The claimant's photo of the wish fulfilled (as an image)")
    @GetMapping("/{id}/fulfilment-photo")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> fulfilmentPhoto(@CurrentUser Actor actor, @PathVariable long id) {
        return image(visible(actor, id), WishPhoto.Kind.FULFILMENT);
    }

    @Operation(summary = "Submit a wish: a resident his own, or staff on a resident's behalf (residentId from the ledger)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WishView submit(@CurrentUser Actor actor, @Valid @RequestBody SubmitForm form) {
        ResidentRef resident;
        boolean onBehalf = form.residentId() != null;
        if (onBehalf) {
            resident = residents.find(form.residentId())
                    .filter(r -> permissions.staffScope(actor).contains(r.areaPath()))
                    .orElseThrow(() -> new NotFoundException("Resident"));
            if (!actor.scopeFor(WishPermissions.REVIEW).contains(resident.areaPath())) {
                throw new ForbiddenException(WishPermissions.REVIEW);
            }
        } else {
            if (!actor.has(WishPermissions.SUBMIT)) {
                throw new ForbiddenException(WishPermissions.SUBMIT);
            }
            resident = residents.ofAccount(actor.accountId())
                    .orElseThrow(() -> new InvalidInputException("title", "wish.no-resident"));
        }
        if (form.category() != null && !form.category().isBlank() && !properties.knows(form.category())) {
            throw new InvalidInputException("category", "wish.category.unknown");
        }
        Wish wish = new Wish(ids.next("wish_seq"), resident, compoundOf(resident.areaPath()), form.title(), form.story(),
                form.category(), form.estimatedValue(), actor.displayName(), onBehalf, clock.instant());
        WishPhoto photo = form.photo() == null || form.photo().isBlank() ? null : new WishPhoto(ids.next("wish_seq"),
                wish.id(), WishPhoto.Kind.SUBMITTED, ImageFiles.decode(form.photo(), WishPhoto.MAX_BYTES, "photo"));
        wishes.saveAndFlush(wish);
        if (photo != null) {
            photos.saveAndFlush(photo);
        }
        events.publishEvent(new WishChanged("wish.submit", wish.id(), (onBehalf ? "on the resident's behalf, " : "")
                + "category " + wish.category() + (photo != null ? ", with a photo" : "")));
        return view(actor, wish);
    }

    @Operation(summary = "Publish on the wish wall (the community), optionally tagged to a campaign action")
    @PostMapping("/{id}/publish")
    WishView publish(@CurrentUser Actor actor, @PathVariable long id,
                     @RequestBody(required = false) PublishForm form) {
        Wish wish = visible(actor, id);
        permissions.checkReview(actor, wish);
        wish.state().require("publish");
        if (form != null && form.campaignActionId() != null) {
            checkTag(form.campaignActionId(), wish);
            wish.tagTo(form.campaignActionId());
        }
        wish.publish(actor.displayName(), clock.instant());
        tellResident(wish, "wish.published", wish.title());
        return saved(actor, wish, "wish.publish", "published");
    }

    @Operation(summary = "The campaign actions the wish may be tagged to (rolled out to its community, running today)")
    @GetMapping("/{id}/campaign-actions")
    @Transactional(readOnly = true)
    List<TagView> campaignActions(@CurrentUser Actor actor, @PathVariable long id) {
        Wish wish = visible(actor, id);
        permissions.checkReview(actor, wish);
        return campaignTags.open(wish.areaPath(), today()).stream()
                .map(t -> new TagView(t.id(), t.name(), t.campaignId(), t.campaignName())).toList();
    }

    @Operation(summary = "Tag the wish to a campaign action, or clear the tag (the community; until it is confirmed)")
    @PostMapping("/{id}/campaign-action")
    WishView tag(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody TagForm form) {
        Wish wish = visible(actor, id);
        permissions.checkReview(actor, wish);
        wish.requireTaggable();
        if (form.campaignActionId() != null) {
            checkTag(form.campaignActionId(), wish);
        }
        Long before = wish.campaignActionId();
        wish.tagTo(form.campaignActionId());
        return saved(actor, wish, "wish.tag", "campaign action " + before + " -> " + wish.campaignActionId());
    }

    private void checkTag(long actionId, Wish wish) {
        campaignTags.problem(actionId, wish.areaPath(), today()).ifPresent(problem -> {
            throw new InvalidInputException("campaignActionId", problem);
        });
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @Operation(summary = "Decline with a reason the resident sees (the community)")
    @PostMapping("/{id}/decline")
    WishView decline(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody DeclineForm form) {
        Wish wish = visible(actor, id);
        permissions.checkReview(actor, wish);
        wish.decline(form.reason(), actor.displayName(), clock.instant());
        tellResident(wish, "wish.declined", wish.title(), wish.declineReason());
        return saved(actor, wish, "wish.decline", "declined");
    }

    @Operation(summary = "Claim a published wish (a registered member, or a partner unit's contact for his unit); one claimant")
    @PostMapping("/{id}/claim")
    WishView claim(@CurrentUser Actor actor, @PathVariable long id) {
        // whoever may claim in the wish's community hears its state (409), whatever the state; others 404 or 403
        Wish wish = wishes.findById(id).orElseThrow(() -> new NotFoundException("Wish"));
        Optional<Claimer> may = permissions.claimers(actor).stream().filter(c -> c.scope().contains(wish.areaPath()))
                .findFirst();
        if (may.isEmpty()) {
            visible(actor, id);
            throw new ForbiddenException(WishPermissions.CLAIM);
        }
        Claimer claimer = may.get();
        if (own(actor, wish)) {
            // a member who is also the resident does not claim his own wish
            throw new ForbiddenException(WishPermissions.CLAIM);
        }
        wish.claim(claimer.claimant(), clock.instant());
        try {
            wishes.saveAndFlush(wish);
        } catch (ObjectOptimisticLockingFailureException e) {
            // somebody claimed it in the same moment: his claim stands
            throw new ConflictException("invalid-state", "wish.state.not-allowed", "claim", WishState.CLAIMED.name(),
                    String.join(", ", WishState.CLAIMED.allowed()));
        }
        tellResident(wish, "wish.claimed", wish.title());
        events.publishEvent(new WishChanged("wish.claim", wish.id(), "claimed by " + claimer.claimant().kind()
                .name().toLowerCase() + " " + (claimer.claimant().memberId() != null ? claimer.claimant().memberId()
                : claimer.claimant().unitId())));
        return view(actor, wish);
    }

    @Operation(summary = "Give up a claim: the wish goes back on the wall (the claimant, or the community)")
    @PostMapping("/{id}/release")
    WishView release(@CurrentUser Actor actor, @PathVariable long id) {
        Wish wish = visible(actor, id);
        if (!wish.claimedBy(actor.accountId()) && !permissions.canReview(actor, wish)) {
            throw new ForbiddenException(WishPermissions.CLAIM);
        }
        wish.release(actor.displayName(), clock.instant(), null);
        return saved(actor, wish, "wish.release", "claim released");
    }

    @Operation(summary = "Fulfil with a note and a photo (the claimant)")
    @PostMapping("/{id}/fulfil")
    WishView fulfil(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody FulfilForm form) {
        Wish wish = visible(actor, id);
        if (!wish.claimedBy(actor.accountId())) {
            if (wish.state() != WishState.CLAIMED) {
                wish.state().require("fulfil");
            }
            throw new ForbiddenException(WishPermissions.CLAIM);
        }
        if (form.photo() == null || form.photo().isBlank()) {
            throw new InvalidInputException("photo", "validation.required");
        }
        ImageFiles.Image image = ImageFiles.decode(form.photo(), WishPhoto.MAX_BYTES, "photo");
        wish.fulfil(form.note(), clock.instant());
        wishes.saveAndFlush(wish);
        photos.saveAndFlush(new WishPhoto(ids.next("wish_seq"), wish.id(), WishPhoto.Kind.FULFILMENT, image));
        tellResident(wish, "wish.fulfilled", wish.title(), wish.claimantName());
        events.publishEvent(new WishFulfilled(wish.id(), wish.areaPath(), wish.claimantKind().name(),
                wish.claimantAccountId(), wish.claimantMemberId(), wish.claimantUnitId(), wish.fulfilledAt()));
        return view(actor, wish);
    }

    @Operation(summary = "Confirm the wish came true, optionally with a thank-you note (the resident, or staff on his behalf)")
    @PostMapping("/{id}/confirm")
    WishView confirm(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) ConfirmForm form) {
        Wish wish = visible(actor, id);
        boolean own = permissions.residentOf(actor).filter(r -> r.equals(wish.residentId())).isPresent();
        if (!own && !permissions.canReview(actor, wish)) {
            throw new ForbiddenException(WishPermissions.REVIEW);
        }
        wish.confirm(form == null ? null : form.thankYou(), actor.displayName(), !own, clock.instant());
        wishes.saveAndFlush(wish);
        events.publishEvent(new WishConfirmed(wish.id(), wish.areaPath(), wish.claimantKind().name(),
                wish.claimantAccountId(), wish.claimantMemberId(), wish.claimantUnitId(), !own, wish.thankYou() != null,
                wish.confirmedAt(), wish.campaignActionId()));
        events.publishEvent(Notice.to(wish.claimantAccountId(), wish.thankYou() != null ? "wish.thanked" : "wish.confirmed",
                "/m/wishes", "Wish", wish.id(), wish.title(), wish.thankYou() == null ? "" : wish.thankYou()));
        return view(actor, wish);
    }

    private WishView saved(Actor actor, Wish wish, String action, String detail) {
        wishes.saveAndFlush(wish);
        events.publishEvent(new WishChanged(action, wish.id(), detail));
        return view(actor, wish);
    }

    private void tellResident(Wish wish, String kind, String... args) {
        residents.accountOf(wish.residentId()).ifPresent(account ->
                events.publishEvent(Notice.to(account, kind, "/m/wishes", "Wish", wish.id() + ":" + kind, args)));
    }

    /** Staff in scope, the resident himself, the claimant, or anyone who may claim it while it is on the wall. */
    private Wish visible(Actor actor, long id) {
        Wish wish = wishes.findById(id).orElseThrow(() -> new NotFoundException("Wish"));
        if (permissions.staffSees(actor, wish) || wish.claimedBy(actor.accountId()) || own(actor, wish)) {
            return wish;
        }
        if (wish.state() == WishState.PUBLISHED
                && permissions.claimers(actor).stream().anyMatch(c -> c.scope().contains(wish.areaPath()))) {
            return wish;
        }
        throw new NotFoundException("Wish");
    }

    private boolean own(Actor actor, Wish wish) {
        return permissions.residentOf(actor).filter(r -> r.equals(wish.residentId())).isPresent();
    }

    private ResponseEntity<byte[]> image(Wish wish, WishPhoto.Kind kind) {
        WishPhoto photo = photos.findByWishIdAndKind(wish.id(), kind).orElseThrow(() -> new NotFoundException("WishPhoto"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).body(photo.data());
    }

    private PageView<WishView> page(Actor actor, Scope scope, WishState state, String category, String q, Integer page,
                                    Integer size, boolean wall) {
        Specification<Wish> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(ScopeSpecification.predicate(cb, root.get("areaPath"), scope));
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            if (category != null && !category.isBlank()) {
                all.add(cb.equal(root.get("category"), category));
            }
            if (q != null && !q.isBlank()) {
                all.add(cb.like(root.get("title"), "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%", '\\'));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Page<Wish> result = wishes.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")
                .and(Sort.by("id"))));
        return new PageView<>(views(actor, result.getContent(), wall), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    private WishView view(Actor actor, Wish wish) {
        return views(actor, List.of(wish), false).get(0);
    }

    /** {@code wall}: as on the wish wall, never naming the resident whoever asks. */
    private List<WishView> views(Actor actor, List<Wish> list, boolean wall) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, Set<WishPhoto.Kind>> kinds = new HashMap<>();
        if (!list.isEmpty()) {
            for (Object[] row : photos.kindsOf(list.stream().map(Wish::id).toList())) {
                kinds.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((WishPhoto.Kind) row[1]);
            }
        }
        Optional<Long> myResident = permissions.residentOf(actor);
        List<Claimer> claimers = permissions.claimers(actor);
        Map<Long, CampaignTags.ActionTag> tags = campaignTags.find(list.stream().map(Wish::campaignActionId)
                .filter(java.util.Objects::nonNull).toList());
        return list.stream().map(w -> {
            boolean staff = !wall && permissions.staffSees(actor, w);
            boolean own = !wall && myResident.filter(r -> r.equals(w.residentId())).isPresent();
            boolean claimant = w.claimedBy(actor.accountId());
            boolean identity = staff || own;
            ResidentRef resident = identity ? residents.find(w.residentId()).orElse(null) : null;
            boolean review = permissions.canReview(actor, w);
            List<String> actions = new ArrayList<>();
            for (String step : w.state().allowed()) {
                boolean may = switch (step) {
                    case "publish", "decline" -> review;
                    case "claim" -> claimers.stream().anyMatch(c -> c.scope().contains(w.areaPath()));
                    case "release" -> claimant || review;
                    case "fulfil" -> claimant;
                    case "confirm" -> !wall && (own || review);
                    default -> false;
                };
                if (may) {
                    actions.add(step);
                }
            }
            if (review && !wall && w.taggable()) {
                actions.add("tag");
            }
            CampaignTags.ActionTag tag = w.campaignActionId() == null ? null : tags.get(w.campaignActionId());
            boolean seesClaim = staff || own || claimant;
            Set<WishPhoto.Kind> photoKinds = kinds.getOrDefault(w.id(), Set.of());
            return new WishView(w.id(), w.title(), w.story(), w.category(), properties.label(w.category(), locale),
                    w.estimatedValue(), w.compoundName(), resident == null ? null : resident.name(),
                    resident == null ? null : resident.doorNumber(), staff && resident != null ? resident.maskedPhone() : null,
                    w.state().name(), photoKinds.contains(WishPhoto.Kind.SUBMITTED),
                    seesClaim && photoKinds.contains(WishPhoto.Kind.FULFILMENT), w.submittedAt(),
                    identity ? w.submittedBy() : null, identity ? w.submittedOnBehalf() : null,
                    staff ? w.reviewedBy() : null, identity ? w.reviewedAt() : null, identity ? w.declineReason() : null,
                    seesClaim && w.claimantKind() != null ? w.claimantKind().name() : null,
                    seesClaim ? w.claimantName() : null, seesClaim ? w.claimedAt() : null,
                    seesClaim && w.claimedAt() != null ? w.claimedAt().plusSeconds(86_400L * properties.fulfilWithinDays())
                            : null,
                    seesClaim ? w.fulfilNote() : null, seesClaim ? w.fulfilledAt() : null,
                    staff ? w.confirmedBy() : null, seesClaim ? w.confirmedOnBehalf() : null,
                    seesClaim ? w.confirmedAt() : null, seesClaim ? w.thankYou() : null,
                    staff ? w.steps().stream().map(s -> new StepView(s.action(), s.byName(), s.at(), s.note())).toList()
                            : null,
                    own ? "RESIDENT" : claimant ? "CLAIMANT" : null, actions, w.version(),
                    tag == null ? null : new TagView(tag.id(), tag.name(), tag.campaignId(), tag.campaignName()));
        }).toList();
    }

    /** The name of the area above the household's building: its compound. */
    private String compoundOf(String path) {
        String[] parts = path.split("/");
        if (parts.length < 3) {
            return null;
        }
        return areas.find(Long.parseLong(parts[parts.length - 2])).map(Areas.AreaRef::name).orElse(null);
    }
}
