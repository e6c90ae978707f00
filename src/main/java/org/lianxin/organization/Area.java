package org.lianxin.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.InvalidInputException;

/**
 * A node of the area tree (区, 街道, 社区, 网格, 微网格, 小区, 楼栋 — the levels are configuration).
 * Its materialized path ({@code /1/12/123/}) ends with its own id; every row that belongs to an area
 * carries that path so that data scope is one prefix test.
 */
@Entity
@Table(name = "area")
class Area {

    @Id
    private Long id;
    @Column(name = "parent_id")
    private Long parentId;
    private String level;
    private String name;
    private String code;
    private String path;
    private String boundary;
    @Version
    private Long version;

    protected Area() {
    }

    private Area(long id, Long parentId, String parentPath, String level, String name, String code, String boundary) {
        this.id = id;
        this.parentId = parentId;
        this.path = (parentPath == null ? "/" : parentPath) + id + "/";
        this.level = level;
        this.name = name;
        this.code = code;
        this.boundary = boundary;
    }

    /** A node at the top of the tree; only levels without parents may stand there. */
    static Area root(long id, String level, String name, String code, String boundary, TreeLevels levels) {
        if (!levels.allows(null, level)) {
            throw new InvalidInputException("parentId", "area.parent.required", levels.label(level, java.util.Locale.ROOT));
        }
        return new Area(id, null, null, level, name, code, boundary);
    }

    /** A new node under this one, if the configured level rules allow that level here. */
    Area child(long id, String childLevel, String name, String code, String boundary, TreeLevels levels) {
        if (!levels.exists(childLevel)) {
            throw new InvalidInputException("level", "area.level.unknown", childLevel);
        }
        if (!levels.allows(level, childLevel)) {
            throw new InvalidInputException("level", "area.level.not-allowed", childLevel, level);
        }
        return new Area(id, this.id, this.path, childLevel, name, code, boundary);
    }

    /**
     * Moves this node (and so its subtree) under another parent. Refuses a move under itself or one
     * of its descendants, and a parent whose level may not hold this node's level.
     *
     * @return the path this node had before, the prefix its descendants' paths must trade for {@link #path()}
     */
    String moveTo(Area newParent, TreeLevels levels) {
        if (newParent.path.startsWith(this.path)) {
            throw new InvalidInputException("parentId", "area.move.cycle");
        }
        if (!levels.allows(newParent.level, level)) {
            throw new InvalidInputException("parentId", "area.level.not-allowed", level, newParent.level);
        }
        String oldPath = this.path;
        this.parentId = newParent.id;
        this.path = newParent.path + id + "/";
        return oldPath;
    }

    void update(String name, String code, String boundary) {
        this.name = name;
        this.code = code;
        this.boundary = boundary;
    }

    /** The path a descendant gets when its ancestor's path changes from {@code oldPrefix} to {@code newPrefix}. */
    static String rewrite(String descendantPath, String oldPrefix, String newPrefix) {
        if (!descendantPath.startsWith(oldPrefix)) {
            throw new IllegalArgumentException(descendantPath + " does not lie under " + oldPrefix);
        }
        return newPrefix + descendantPath.substring(oldPrefix.length());
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

    String code() {
        return code;
    }

    String path() {
        return path;
    }

    String boundary() {
        return boundary;
    }

    Long version() {
        return version;
    }
}
