package org.lianxin.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;

/**
 * A patrol (巡查): a grid worker walks his grid, the phone records the points he passes, the cases he reports
 * meanwhile are the patrol's finds. Started and ended on the phone; one active patrol per worker.
 */
@Entity
@Table(name = "patrol")
class Patrol {

    static final int MAX_POINTS = 500;

    @Embeddable
    static class Point {
        private double longitude;
        private double latitude;
        private Instant at;

        protected Point() {
        }

        Point(double longitude, double latitude, Instant at) {
            this.longitude = longitude;
            this.latitude = latitude;
            this.at = at;
        }

        double longitude() { return longitude; }
        double latitude() { return latitude; }
        Instant at() { return at; }
    }

    @Id
    private Long id;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "grid_name")
    private String gridName;
    @Column(name = "worker_account_id")
    private long workerAccountId;
    @Column(name = "worker_name")
    private String workerName;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    private String note;
    @Column(name = "active_key")
    private Long activeKey;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patrol_point", joinColumns = @JoinColumn(name = "patrol_id"))
    @OrderColumn(name = "seq")
    private List<Point> points = new ArrayList<>();
    @Version
    private Long version;

    protected Patrol() {
    }

    Patrol(long id, String areaPath, String gridName, long workerAccountId, String workerName, Instant at) {
        this.id = id;
        this.areaPath = areaPath;
        this.gridName = gridName;
        this.workerAccountId = workerAccountId;
        this.workerName = workerName;
        this.startedAt = at;
        this.activeKey = workerAccountId;
    }

    boolean active() {
        return endedAt == null;
    }

    private void requireActive(String step) {
        if (!active()) {
            throw new ConflictException("invalid-state", "patrol.ended", step);
        }
    }

    void pass(double longitude, double latitude, Instant at) {
        requireActive("point");
        if (points.size() >= MAX_POINTS) {
            throw new ConflictException("patrol-full", "patrol.too-many-points", MAX_POINTS);
        }
        points.add(new Point(longitude, latitude, at));
    }

    void end(String note, Instant at) {
        requireActive("end");
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.endedAt = at;
        this.activeKey = null;
    }

    Long id() { return id; }
    String areaPath() { return areaPath; }
    String gridName() { return gridName; }
    long workerAccountId() { return workerAccountId; }
    String workerName() { return workerName; }
    Instant startedAt() { return startedAt; }
    Instant endedAt() { return endedAt; }
    String note() { return note; }
    List<Point> points() { return List.copyOf(points); }
    Long version() { return version; }
}
