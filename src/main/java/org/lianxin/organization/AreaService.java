package org.lianxin.organization;

import java.util.Objects;

import org.lianxin.organization.AreaEvents.AreaCreated;
import org.lianxin.organization.AreaEvents.AreaDeleted;
import org.lianxin.organization.AreaEvents.AreaMoved;
import org.lianxin.organization.AreaEvents.AreaUpdated;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.Ids;
import org.lianxin.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to the area tree. A move spans the node, its subtree and every row that carries an area
 * path, so it is one transaction here; each write is announced as an event (and so audited).
 */
@Service
@Transactional
class AreaService {

    private final AreaRepository areas;
    private final AreaLevels levels;
    private final OrganizationPermissions permissions;
    private final AreaPathFollowers followers;
    private final Ids ids;
    private final ApplicationEventPublisher events;

    AreaService(AreaRepository areas, AreaLevels levels, OrganizationPermissions permissions,
                AreaPathFollowers followers, Ids ids, ApplicationEventPublisher events) {
        this.areas = areas;
        this.levels = levels;
        this.permissions = permissions;
        this.followers = followers;
        this.ids = ids;
        this.events = events;
    }

    Area create(Actor actor, AreaForms.Create form) {
        String boundary = Boundary.normalize(form.boundary());
        Area parent = load(form.parentId());
        permissions.checkChange(actor, OrganizationPermissions.AREA_READ, OrganizationPermissions.AREA_WRITE,
                parent.path(), "Area");
        String name = form.name().strip();
        if (areas.existsByParentIdAndName(parent.id(), name)) {
            throw new ConflictException("conflict", "area.name.taken", name);
        }
        Area area = parent.child(ids.next("area_seq"), form.level(), name, blankToNull(form.code()), boundary, levels);
        areas.save(area);
        events.publishEvent(new AreaCreated(area.id(), area.level(), area.name(), area.path()));
        return area;
    }

    Area update(Actor actor, long id, AreaForms.Update form) {
        Area area = loadForChange(actor, id, form.version());
        String name = form.name().strip();
        if (!name.equals(area.name()) && areas.existsByParentIdAndName(area.parentId(), name)) {
            throw new ConflictException("conflict", "area.name.taken", name);
        }
        String boundary = Boundary.normalize(form.boundary());
        boolean boundaryChanged = !Objects.equals(boundary, area.boundary());
        area.update(name, blankToNull(form.code()), boundary);
        areas.saveAndFlush(area);
        events.publishEvent(new AreaUpdated(area.id(), area.name(), boundaryChanged));
        return area;
    }

    Area move(Actor actor, long id, AreaForms.Move form) {
        Area area = loadForChange(actor, id, form.version());
        Area newParent = load(form.parentId());
        permissions.checkChange(actor, OrganizationPermissions.AREA_READ, OrganizationPermissions.AREA_WRITE,
                newParent.path(), "Area");
        if (Objects.equals(area.parentId(), newParent.id())) {
            return area;
        }
        if (areas.existsByParentIdAndName(newParent.id(), area.name())) {
            throw new ConflictException("conflict", "area.name.taken", area.name());
        }
        String oldPath = area.moveTo(newParent, levels);
        areas.saveAndFlush(area);
        areas.rewritePaths(oldPath, oldPath.length(), area.path());
        followers.follow(oldPath, area.path());
        events.publishEvent(new AreaMoved(area.id(), oldPath, area.path()));
        return areas.findById(id).orElseThrow();
    }

    void delete(Actor actor, long id) {
        Area area = load(id);
        permissions.checkChange(actor, OrganizationPermissions.AREA_READ, OrganizationPermissions.AREA_WRITE,
                area.path(), "Area");
        if (areas.existsByParentId(area.id())) {
            throw new ConflictException("conflict", "area.delete.has-children", area.name());
        }
        if (followers.inUse(area.id())) {
            throw new ConflictException("conflict", "area.delete.in-use", area.name());
        }
        areas.delete(area);
        areas.flush();
        events.publishEvent(new AreaDeleted(area.id(), area.name(), area.path()));
    }

    private Area loadForChange(Actor actor, long id, Long version) {
        Area area = load(id);
        permissions.checkChange(actor, OrganizationPermissions.AREA_READ, OrganizationPermissions.AREA_WRITE,
                area.path(), "Area");
        if (version != null && !version.equals(area.version())) {
            throw new OptimisticLockingFailureException("area " + id + " changed meanwhile");
        }
        return area;
    }

    private Area load(long id) {
        return areas.findById(id).orElseThrow(() -> new NotFoundException("Area"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
