package org.lianxin.volunteer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Work done for a campaign action outside activities: a tagged micro-wish the resident confirmed, or a member's place
 * on a tagged service task that was completed. One row per source ({@code sourceKey}, unique), so the same event
 * delivered twice counts once. The campaign dashboard counts these beside the activities.
 */
@Entity
@Table(name = "campaign_contribution")
class CampaignContribution {

    enum Kind { WISH, SERVICE_TASK }

    @Id
    private Long id;
    @Column(name = "source_key")
    private String sourceKey;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "source_id")
    private long sourceId;
    @Column(name = "campaign_action_id")
    private long campaignActionId;
    @Column(name = "area_path")
    private String areaPath;
    @Column(name = "member_id")
    private Long memberId;
    private int minutes;
    private Instant at;

    protected CampaignContribution() {
    }

    CampaignContribution(long id, String sourceKey, Kind kind, long sourceId, long campaignActionId, String areaPath,
                         Long memberId, int minutes, Instant at) {
        this.id = id;
        this.sourceKey = sourceKey;
        this.kind = kind;
        this.sourceId = sourceId;
        this.campaignActionId = campaignActionId;
        this.areaPath = areaPath;
        this.memberId = memberId;
        this.minutes = minutes;
        this.at = at;
    }

    Long id() { return id; }
    String sourceKey() { return sourceKey; }
    Kind kind() { return kind; }
    long sourceId() { return sourceId; }
    long campaignActionId() { return campaignActionId; }
    String areaPath() { return areaPath; }
    Long memberId() { return memberId; }
    int minutes() { return minutes; }
    Instant at() { return at; }
}
