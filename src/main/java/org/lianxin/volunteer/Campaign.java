package org.lianxin.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.ConflictException;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.InvalidInputException.FieldProblem;

/**
 * A campaign (e.g. 百日先锋行动): a district or subdistrict defines it with a period and its actions
 * ({@link CampaignAction}); DRAFT → ROLLED_OUT records every community below, where activities are tagged to its
 * actions and participation is counted.
 */
@Entity
@Table(name = "campaign")
class Campaign {

    enum State {
        DRAFT, ROLLED_OUT;

        void require(String step) {
            if (this != DRAFT) {
                throw new ConflictException("invalid-state", "campaign.state.not-allowed", step, name(), "-");
            }
        }
    }

    /** A community the campaign was rolled out to. */
    @Embeddable
    static class Community {
        @Column(name = "community_id")
        private long communityId;
        @Column(name = "community_name")
        private String communityName;
        @Column(name = "community_path")
        private String communityPath;

        protected Community() {
        }

        Community(long communityId, String communityName, String communityPath) {
            this.communityId = communityId;
            this.communityName = communityName;
            this.communityPath = communityPath;
        }

        long communityId() { return communityId; }
        String communityName() { return communityName; }
        String communityPath() { return communityPath; }
    }

    @Id
    private Long id;
    private String name;
    private String description;
    @Column(name = "area_id")
    private long areaId;
    @Column(name = "area_name")
    private String areaName;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "rolled_out_at")
    private Instant rolledOutAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_community", joinColumns = @JoinColumn(name = "campaign_id"))
    private List<Community> communities = new ArrayList<>();
    @Version
    private Long version;

    protected Campaign() {
    }

    Campaign(long id, String name, String description, Activity.Where where, LocalDate startsOn, LocalDate endsOn,
             String by, Instant at) {
        List<FieldProblem> problems = new ArrayList<>();
        this.name = Activity.text(name, 60, "name", true, problems);
        this.description = Activity.text(description, 1000, "description", false, problems);
        if (startsOn == null) {
            problems.add(new FieldProblem("startsOn", "validation.required"));
        }
        if (endsOn == null) {
            problems.add(new FieldProblem("endsOn", "validation.required"));
        } else if (startsOn != null && endsOn.isBefore(startsOn)) {
            problems.add(new FieldProblem("endsOn", "activity.time.end-before-start"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("validation", problems);
        }
        this.id = id;
        this.areaId = where.areaId();
        this.areaName = where.areaName();
        this.areaPath = where.areaPath();
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.state = State.DRAFT;
        this.createdBy = by;
        this.createdAt = at;
    }

    void rollOut(List<Community> below, Instant at) {
        state.require("roll-out");
        if (below.isEmpty()) {
            throw new ConflictException("no-communities", "campaign.roll-out.no-communities");
        }
        this.communities.addAll(below);
        this.state = State.ROLLED_OUT;
        this.rolledOutAt = at;
    }

    Long id() { return id; }
    String name() { return name; }
    String description() { return description; }
    long areaId() { return areaId; }
    String areaName() { return areaName; }
    String areaPath() { return areaPath; }
    LocalDate startsOn() { return startsOn; }
    LocalDate endsOn() { return endsOn; }
    State state() { return state; }
    Instant rolledOutAt() { return rolledOutAt; }
    List<Community> communities() { return List.copyOf(communities); }
    Long version() { return version; }
}
