package org.lianxin.organization;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The levels of a tree as configuration gives them (lianxin.area.levels, lianxin.org-unit.levels):
 * another city uses other levels and names without a code change.
 */
class TreeLevels {

    private final List<Level> levels;

    TreeLevels(List<Level> levels) {
        this.levels = List.copyOf(levels);
        for (Level level : levels) {
            for (String parent : level.parents()) {
                if (levels.stream().noneMatch(l -> l.code().equals(parent))) {
                    throw new IllegalStateException("level " + level.code() + " names unknown parent level " + parent);
                }
            }
        }
    }

    List<Level> all() {
        return levels;
    }

    Optional<Level> find(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    boolean exists(String code) {
        return find(code).isPresent();
    }

    /** Whether a node of {@code child} level may sit under a node of {@code parent} level (null: at the top). */
    boolean allows(String parent, String child) {
        return find(child).map(l -> parent == null ? l.isRoot() : l.parents().contains(parent)).orElse(false);
    }

    String label(String code, Locale locale) {
        return find(code).map(l -> l.label(locale)).orElse(code);
    }
}

/** The configured levels of the area tree. */
class AreaLevels extends TreeLevels {
    AreaLevels(List<Level> levels) {
        super(levels);
    }
}

/** The configured levels of the Party organisation tree. */
class OrgUnitLevels extends TreeLevels {
    OrgUnitLevels(List<Level> levels) {
        super(levels);
    }
}
