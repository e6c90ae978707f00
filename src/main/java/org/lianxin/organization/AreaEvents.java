package org.lianxin.organization;

import org.lianxin.shared.AuditableEvent;

/** What happens to the area tree. Other modules whose rows carry area paths listen to {@link AreaMoved}. */
public final class AreaEvents {

    private AreaEvents() {
    }

    public record AreaCreated(long areaId, String level, String name, String path) implements AuditableEvent {
        public String action() {
            return "area.create";
        }

        public String objectType() {
            return "Area";
        }

        public String objectId() {
            return String.valueOf(areaId);
        }

        public String detail() {
            return level + " " + name + " " + path;
        }
    }

    public record AreaUpdated(long areaId, String name, boolean boundaryChanged) implements AuditableEvent {
        public String action() {
            return "area.update";
        }

        public String objectType() {
            return "Area";
        }

        public String objectId() {
            return String.valueOf(areaId);
        }

        public String detail() {
            return name + (boundaryChanged ? " (boundary changed)" : "");
        }
    }

    /** A node moved: every path starting with {@code oldPath} now starts with {@code newPath}. */
    public record AreaMoved(long areaId, String oldPath, String newPath) implements AuditableEvent {
        public String action() {
            return "area.move";
        }

        public String objectType() {
            return "Area";
        }

        public String objectId() {
            return String.valueOf(areaId);
        }

        public String detail() {
            return oldPath + " -> " + newPath;
        }
    }

    public record AreaDeleted(long areaId, String name, String path) implements AuditableEvent {
        public String action() {
            return "area.delete";
        }

        public String objectType() {
            return "Area";
        }

        public String objectId() {
            return String.valueOf(areaId);
        }

        public String detail() {
            return name + " " + path;
        }
    }
}
