package org.lianxin.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.InvalidInputException;

/**
 * A node of the Party organisation tree (街道党工委 → 社区党委 → 网格党支部 → 网格党小组 → 党员责任区;
 * the levels are configuration), bound to the area it serves. Its own path orders the tree; the bound
 * area's path decides who may see it.
 */
@Entity
@Table(name = "org_unit")
class OrgUnit {

    @Id
    private Long id;
    @Column(name = "parent_id")
    private Long parentId;
    private String level;
    private String name;
    private String path;
    @Column(name = "area_id")
    private Long areaId;
    @Column(name = "area_path")
    private String areaPath;
    @Version
    private Long version;

    protected OrgUnit() {
    }

    private OrgUnit(long id, OrgUnit parent, String level, String name, Area area) {
        this.id = id;
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        this.level = level;
        this.name = name;
        bind(area);
    }

    static OrgUnit root(long id, String level, String name, Area area, TreeLevels levels) {
        check(null, level, area, levels);
        return new OrgUnit(id, null, level, name, area);
    }

    OrgUnit child(long id, String childLevel, String name, Area area, TreeLevels levels) {
        check(this, childLevel, area, levels);
        return new OrgUnit(id, this, childLevel, name, area);
    }

    /** Level rules, the level's allowed area levels, and the area lying within the parent's area. */
    private static void check(OrgUnit parent, String level, Area area, TreeLevels levels) {
        Level rule = levels.find(level).orElseThrow(() -> new InvalidInputException("level", "org-unit.level.unknown", level));
        if (!levels.allows(parent == null ? null : parent.level, level)) {
            throw new InvalidInputException("level", "org-unit.level.not-allowed", level, parent == null ? "-" : parent.level);
        }
        if (!rule.areaLevels().isEmpty() && !rule.areaLevels().contains(area.level())) {
            throw new InvalidInputException("areaId", "org-unit.area.wrong-level", String.join(", ", rule.areaLevels()));
        }
        if (parent != null && !area.path().startsWith(parent.areaPath)) {
            throw new InvalidInputException("areaId", "org-unit.area.outside-parent");
        }
    }

    void update(String name, Area area, TreeLevels levels) {
        Level rule = levels.find(level).orElseThrow();
        if (!rule.areaLevels().isEmpty() && !rule.areaLevels().contains(area.level())) {
            throw new InvalidInputException("areaId", "org-unit.area.wrong-level", String.join(", ", rule.areaLevels()));
        }
        this.name = name;
        bind(area);
    }

    /** Moves this unit (and its subtree) under another; returns the old path for the descendants' rewrite. */
    String moveTo(OrgUnit newParent, TreeLevels levels) {
        if (newParent.path.startsWith(path)) {
            throw new InvalidInputException("parentId", "org-unit.move.cycle");
        }
        if (!levels.allows(newParent.level, level)) {
            throw new InvalidInputException("parentId", "org-unit.level.not-allowed", level, newParent.level);
        }
        if (!areaPath.startsWith(newParent.areaPath)) {
            throw new InvalidInputException("parentId", "org-unit.area.outside-parent");
        }
        String old = path;
        parentId = newParent.id;
        path = newParent.path + id + "/";
        return old;
    }

    private void bind(Area area) {
        this.areaId = area.id();
        this.areaPath = area.path();
    }

    Long id() {
        return id;
    }

    Long parentId() {
        return parentId;
    }

    String level() {
        return level;
    }

    String name() {
        return name;
    }

    String path() {
        return path;
    }

    Long areaId() {
        return areaId;
    }

    String areaPath() {
        return areaPath;
    }

    Long version() {
        return version;
    }
}
