package org.lianxin.organization;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.AuditableEvent;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The six roles linked in each grid (六员联动), shown on the grid page. */
@Tag(name = "六员联动 Grid roles")
@RestController
@RequestMapping("/api/v1/grid-roles")
@Transactional
class GridRoleController {

    record Form(@NotNull Long gridId, @NotNull GridRole.Kind role, @NotBlank @Size(max = 100) String personName,
                @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{validation.phone}") String phone,
                @Size(max = 500) String note) {
    }

    record GridRoleView(long id, long gridId, String role, String roleLabel, String personName, String phone,
                        String note) {
    }

    record KindView(String code, String label) {
    }

    record GridRoleChanged(String action, long gridRoleId, String detail) implements AuditableEvent {
        public String objectType() {
            return "GridRole";
        }

        public String objectId() {
            return String.valueOf(gridRoleId);
        }
    }

    private final GridRoleRepository roles;
    private final AreaRepository areas;
    private final OrganizationPermissions permissions;
    private final PersonalDataCipher cipher;
    private final Ids ids;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GridRoleController(GridRoleRepository roles, AreaRepository areas, OrganizationPermissions permissions,
                       PersonalDataCipher cipher, Ids ids, MessageSource messages, ApplicationEventPublisher events,
                       Clock clock) {
        this.roles = roles;
        this.areas = areas;
        this.permissions = permissions;
        this.cipher = cipher;
        this.ids = ids;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "The six grid roles")
    @GetMapping("/kinds")
    List<KindView> kinds(@CurrentUser Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        return Arrays.stream(GridRole.Kind.values()).map(k -> new KindView(k.name(), label(k, locale))).toList();
    }

    @Operation(summary = "The people in the six roles of a grid")
    @GetMapping
    @Transactional(readOnly = true)
    List<GridRoleView> list(@CurrentUser Actor actor, @RequestParam long gridId) {
        Area grid = areas.findById(gridId).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkVisible(actor, OrganizationPermissions.GRID_ROLE_READ, grid.path(), "Area");
        Locale locale = LocaleContextHolder.getLocale();
        return roles.findByGridIdOrderByKindAscIdAsc(grid.id()).stream().map(r -> view(r, locale)).toList();
    }

    @Operation(summary = "Put a person in one of the six roles of a grid")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GridRoleView add(@CurrentUser Actor actor, @Valid @RequestBody Form form) {
        Area grid = areas.findById(form.gridId()).orElseThrow(() -> new NotFoundException("Area"));
        permissions.checkChange(actor, OrganizationPermissions.GRID_ROLE_READ, OrganizationPermissions.GRID_ROLE_WRITE,
                grid.path(), "Area");
        if (!"GRID".equals(grid.level()) && !"MICRO_GRID".equals(grid.level())) {
            throw new InvalidInputException("gridId", "grid-role.not-a-grid");
        }
        String phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().strip();
        GridRole role = roles.save(new GridRole(ids.next("grid_role_seq"), grid, form.role(), form.personName().strip(),
                cipher.seal(phone), form.note() == null ? null : form.note().strip(), clock.instant()));
        events.publishEvent(new GridRoleChanged("grid-role.add", role.id(), grid.name() + " " + role.kind()));
        return view(role, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Take a person out of a grid role")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@CurrentUser Actor actor, @PathVariable long id) {
        GridRole role = roles.findById(id).orElseThrow(() -> new NotFoundException("GridRole"));
        permissions.checkChange(actor, OrganizationPermissions.GRID_ROLE_READ, OrganizationPermissions.GRID_ROLE_WRITE,
                role.areaPath(), "GridRole");
        roles.delete(role);
        events.publishEvent(new GridRoleChanged("grid-role.remove", role.id(), role.kind().name()));
    }

    private GridRoleView view(GridRole role, Locale locale) {
        return new GridRoleView(role.id(), role.gridId(), role.kind().name(), label(role.kind(), locale),
                role.personName(), PhoneNumber.mask(cipher.open(role.phoneCipher())), role.note());
    }

    private String label(GridRole.Kind kind, Locale locale) {
        return messages.getMessage("grid-role.kind." + kind.name(), null, kind.name(), locale);
    }
}
