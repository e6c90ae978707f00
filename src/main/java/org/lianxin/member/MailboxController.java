package org.lianxin.member;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.MemberEvents.MailboxMessageChanged;
import org.lianxin.member.MemberEvents.MailboxMessageEscalated;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PageView;
import org.lianxin.shared.Paging;
import org.lianxin.shared.Scope;
import org.lianxin.shared.ScopeSpecification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The building mailbox (楼长信箱): a resident writes to his building's mailbox (optionally anonymous
 * toward neighbours, up to three photos); the building's active leader answers; the resident marks
 * it resolved or staff close it; staff or the leader hand it over to become a need or a case.
 * Unanswered messages become overdue after {@code lianxin.mailbox.answer-within-days}.
 */
@Tag(name = "楼长信箱 Building mailbox")
@RestController
@RequestMapping("/api/v1/mailbox-messages")
@Transactional
class MailboxController {

    /** A photo as the mobile page sends it: base64 of the file's bytes (type is taken from the bytes). */
    record PhotoForm(@NotBlank String data) {
    }

    record WriteForm(@NotBlank @Size(max = MailboxMessage.MAX_TEXT) String text, boolean anonymous,
                     @Size(max = MailboxPhoto.MAX_PER_MESSAGE) List<@Valid PhotoForm> photos) {
    }

    record AnswerForm(@NotBlank @Size(max = MailboxMessage.MAX_TEXT) String text) {
    }

    record HandOverForm(@NotNull MailboxMessage.Target target) {
    }

    /**
     * One message as the caller may see it: staff see the writer (name, door, masked phone); the
     * building leader sees "匿名居民" and no door for an anonymous one; the writer sees his own.
     */
    record MessageView(long id, long buildingId, String buildingName, String compoundName, String writerName,
                       String doorNumber, String phone, boolean anonymous, String text, List<Long> photoIds,
                       String state, boolean overdue, String answer, String answeredBy, Instant answeredAt,
                       String handedOverTo, String handedOverBy, Instant closedAt, Instant createdAt, boolean mine,
                       boolean canAnswer, boolean canHandle, long version) {
    }

    private final MailboxMessageRepository messages;
    private final MailboxPhotoRepository photos;
    private final BuildingLeaderRepository leaders;
    private final MemberRepository members;
    private final Residents residents;
    private final Areas areas;
    private final MessageSource messageSource;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final MemberNotices notices;
    private final Clock clock;
    private final int answerWithinDays;

    MailboxController(MailboxMessageRepository messages, MailboxPhotoRepository photos, BuildingLeaderRepository leaders,
                      MemberRepository members, Residents residents, Areas areas, MessageSource messageSource, Ids ids,
                      ApplicationEventPublisher events, MemberNotices notices, Clock clock,
                      @Value("${lianxin.mailbox.answer-within-days:3}") int answerWithinDays) {
        this.messages = messages;
        this.photos = photos;
        this.leaders = leaders;
        this.members = members;
        this.residents = residents;
        this.areas = areas;
        this.messageSource = messageSource;
        this.ids = ids;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
        this.answerWithinDays = answerWithinDays;
    }

    @Operation(summary = "Messages the caller may see: staff in their scope, a leader his buildings', a resident his own; "
            + "filter by state, building, overdue (unanswered after the allowed days)")
    @GetMapping
    @Transactional(readOnly = true)
    PageView<MessageView> list(@CurrentUser Actor actor, @RequestParam(required = false) MailboxMessage.State state,
                               @RequestParam(required = false) Long buildingId,
                               @RequestParam(required = false) Boolean overdue,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        Scope staff = actor.scopeFor(MemberPermissions.MAILBOX_READ);
        Set<Long> led = ledBuildings(actor);
        Instant limit = overdueBefore();
        Specification<MailboxMessage> spec = (root, query, cb) -> {
            List<Predicate> visible = new ArrayList<>();
            visible.add(ScopeSpecification.predicate(cb, root.get("areaPath"), staff));
            if (!led.isEmpty()) {
                visible.add(root.get("buildingId").in(led));
            }
            visible.add(cb.equal(root.get("accountId"), actor.accountId()));
            List<Predicate> all = new ArrayList<>();
            all.add(cb.or(visible.toArray(Predicate[]::new)));
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            if (buildingId != null) {
                all.add(cb.equal(root.get("buildingId"), buildingId));
            }
            if (Boolean.TRUE.equals(overdue)) {
                all.add(cb.equal(root.get("state"), MailboxMessage.State.NEW));
                all.add(cb.lessThan(root.get("createdAt"), limit));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        var result = messages.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"))));
        return new PageView<>(views(actor, result.getContent(), led), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "One message")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    MessageView get(@CurrentUser Actor actor, @PathVariable long id) {
        Set<Long> led = ledBuildings(actor);
        return views(actor, List.of(visible(actor, id, led)), led).get(0);
    }

    @Operation(summary = "A photo of a message (as an image)")
    @GetMapping("/{id}/photos/{photoId}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> photo(@CurrentUser Actor actor, @PathVariable long id, @PathVariable long photoId) {
        MailboxMessage message = visible(actor, id, ledBuildings(actor));
        MailboxPhoto photo = photos.findById(photoId).filter(p -> p.messageId().equals(message.id()))
                .orElseThrow(() -> new NotFoundException("MailboxPhoto"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).body(photo.data());
    }

    @Operation(summary = "Write to the mailbox of one's own building (a resident whose account is linked to a resident record)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MessageView write(@CurrentUser Actor actor, @Valid @RequestBody WriteForm form) {
        if (!actor.has(MemberPermissions.MAILBOX_USE)) {
            throw new ForbiddenException(MemberPermissions.MAILBOX_USE);
        }
        ResidentRef writer = residents.ofAccount(actor.accountId())
                .orElseThrow(() -> new InvalidInputException("text", "leader.no-resident"));
        List<PhotoForm> attached = form.photos() == null ? List.of() : form.photos();
        if (attached.size() > MailboxPhoto.MAX_PER_MESSAGE) {
            throw new InvalidInputException("photos", "mailbox.photo.too-many", MailboxPhoto.MAX_PER_MESSAGE);
        }
        MailboxMessage message = new MailboxMessage(ids.next("building_leader_seq"), writer, actor.accountId(), form.text(),
                form.anonymous(), clock.instant());
        List<MailboxPhoto> checked = new ArrayList<>();
        for (int i = 0; i < attached.size(); i++) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(stripDataUrl(attached.get(i).data()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("photos[" + i + "]", "mailbox.photo.not-image");
            }
            checked.add(new MailboxPhoto(ids.next("building_leader_seq"), message.id(), bytes, "photos[" + i + "]"));
        }
        messages.saveAndFlush(message);
        photos.saveAllAndFlush(checked);
        events.publishEvent(new MailboxMessageChanged("mailbox.write", message.id(), message.buildingId(),
                checked.size() + " photos" + (message.anonymous() ? ", anonymous" : "")));
        notices.tellLeadersOf(message.buildingId(), "mailbox.new", "MailboxMessage", message.id(),
                MemberNotices.snippet(message.text()));
        Set<Long> led = ledBuildings(actor);
        return views(actor, List.of(message), led).get(0);
    }

    @Operation(summary = "Answer (the building's active leader), once")
    @PostMapping("/{id}/answer")
    MessageView answer(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody AnswerForm form) {
        Set<Long> led = ledBuildings(actor);
        MailboxMessage message = visible(actor, id, led);
        if (!led.contains(message.buildingId())) {
            throw new ForbiddenException("building-leader");
        }
        message.answer(form.text(), actor.displayName(), clock.instant());
        notices.tell(List.of(message.accountId()), "mailbox.answered", "/m/mailbox", "MailboxMessage", message.id(),
                MemberNotices.snippet(form.text()));
        MessageView answered = saved(actor, message, led, "mailbox.answer", "answered");
        members.findByAccountId(actor.accountId()).ifPresent(leader -> events.publishEvent(
                new MemberEvents.MailboxMessageAnswered(message.id(), leader.id(), actor.accountId(),
                        message.areaPath(), message.answeredAt())));
        return answered;
    }

    @Operation(summary = "Mark resolved (the writer)")
    @PostMapping("/{id}/resolve")
    MessageView resolve(@CurrentUser Actor actor, @PathVariable long id) {
        Set<Long> led = ledBuildings(actor);
        MailboxMessage message = visible(actor, id, led);
        if (!message.accountId().equals(actor.accountId())) {
            throw new ForbiddenException("own");
        }
        message.resolve(clock.instant());
        return saved(actor, message, led, "mailbox.resolve", "resolved by the writer");
    }

    @Operation(summary = "Close (staff)")
    @PostMapping("/{id}/close")
    MessageView close(@CurrentUser Actor actor, @PathVariable long id) {
        Set<Long> led = ledBuildings(actor);
        MailboxMessage message = visible(actor, id, led);
        if (!actor.scopeFor(MemberPermissions.MAILBOX_HANDLE).contains(message.areaPath())) {
            throw new ForbiddenException(MemberPermissions.MAILBOX_HANDLE);
        }
        message.close(clock.instant());
        return saved(actor, message, led, "mailbox.close", "closed by staff");
    }

    @Operation(summary = "Hand over to become a need (NEED) or a case (CASE): staff or the building's leader")
    @PostMapping("/{id}/hand-over")
    MessageView handOver(@CurrentUser Actor actor, @PathVariable long id, @Valid @RequestBody HandOverForm form) {
        Set<Long> led = ledBuildings(actor);
        MailboxMessage message = visible(actor, id, led);
        if (!canHandle(actor, message, led)) {
            throw new ForbiddenException(MemberPermissions.MAILBOX_HANDLE);
        }
        message.handOver(form.target(), actor.displayName(), clock.instant());
        messages.saveAndFlush(message);
        events.publishEvent(new MailboxMessageEscalated(message.id(), form.target().name(), message.buildingId(),
                message.areaPath(), message.residentId(), message.text(), actor.displayName()));
        return views(actor, List.of(message), led).get(0);
    }

    private MessageView saved(Actor actor, MailboxMessage message, Set<Long> led, String action, String detail) {
        messages.saveAndFlush(message);
        events.publishEvent(new MailboxMessageChanged(action, message.id(), message.buildingId(), detail));
        return views(actor, List.of(message), led).get(0);
    }

    private MailboxMessage visible(Actor actor, long id, Set<Long> led) {
        MailboxMessage message = messages.findById(id).orElseThrow(() -> new NotFoundException("MailboxMessage"));
        if (!staffSees(actor, message) && !led.contains(message.buildingId())
                && !message.accountId().equals(actor.accountId())) {
            throw new NotFoundException("MailboxMessage");
        }
        return message;
    }

    private static boolean staffSees(Actor actor, MailboxMessage message) {
        return actor.scopeFor(MemberPermissions.MAILBOX_READ).contains(message.areaPath());
    }

    private static boolean canHandle(Actor actor, MailboxMessage message, Set<Long> led) {
        return actor.scopeFor(MemberPermissions.MAILBOX_HANDLE).contains(message.areaPath())
                || led.contains(message.buildingId());
    }

    /** The buildings the caller leads now (his active, unexpired terms). */
    private Set<Long> ledBuildings(Actor actor) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        return members.findByAccountId(actor.accountId()).map(m -> leaders.findByMemberIdOrderByAppointedAtDesc(m.id())
                .stream().filter(l -> l.active(today)).flatMap(l -> l.buildingIds().stream()).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private Instant overdueBefore() {
        return clock.instant().minusSeconds(86_400L * answerWithinDays);
    }

    private List<MessageView> views(Actor actor, List<MailboxMessage> list, Set<Long> led) {
        Set<Long> areaIds = new HashSet<>();
        list.forEach(m -> {
            areaIds.add(m.buildingId());
            Long compound = parentId(m.areaPath());
            if (compound != null) {
                areaIds.add(compound);
            }
        });
        Map<Long, String> names = areas.findAll(areaIds).stream().collect(Collectors.toMap(AreaRef::id, AreaRef::name));
        Map<Long, List<Long>> photoIds = new java.util.HashMap<>();
        if (!list.isEmpty()) {
            for (Object[] row : photos.idsOf(list.stream().map(MailboxMessage::id).toList())) {
                photoIds.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
            }
        }
        Instant now = clock.instant();
        String anonymous = messageSource.getMessage("mailbox.anonymous", null, LocaleContextHolder.getLocale());
        return list.stream().map(m -> {
            boolean staff = staffSees(actor, m);
            boolean mine = m.accountId().equals(actor.accountId());
            boolean named = staff || mine || !m.anonymous();
            ResidentRef writer = named ? residents.find(m.residentId()).orElse(null) : null;
            return new MessageView(m.id(), m.buildingId(), names.get(m.buildingId()), names.get(parentId(m.areaPath())),
                    writer == null ? anonymous : writer.name(), writer == null ? null : writer.doorNumber(),
                    staff && writer != null ? writer.maskedPhone() : null, m.anonymous(), m.text(),
                    photoIds.getOrDefault(m.id(), List.of()), m.state().name(), m.overdue(now, answerWithinDays),
                    m.answer(), m.answeredBy(), m.answeredAt(),
                    m.handedOverTo() == null ? null : m.handedOverTo().name(), m.handedOverBy(), m.closedAt(),
                    m.createdAt(), mine, led.contains(m.buildingId()) && m.state() == MailboxMessage.State.NEW,
                    canHandle(actor, m, led), m.version());
        }).toList();
    }

    /** The id of the area above the last one in a path: the compound of a building. */
    private static Long parentId(String path) {
        String[] parts = path.split("/");
        return parts.length >= 3 ? Long.valueOf(parts[parts.length - 2]) : null;
    }

    private static String stripDataUrl(String data) {
        int comma = data.indexOf(',');
        return data.startsWith("data:") && comma > 0 ? data.substring(comma + 1) : data;
    }
}
