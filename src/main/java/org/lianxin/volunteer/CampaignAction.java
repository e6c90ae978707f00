package org.lianxin.volunteer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One action of a campaign (e.g. 守护家园环境); activities are tagged to it. */
@Entity
@Table(name = "campaign_action")
class CampaignAction {

    @Id
    private Long id;
    @Column(name = "campaign_id")
    private long campaignId;
    private int seq;
    private String name;

    protected CampaignAction() {
    }

    CampaignAction(long id, long campaignId, int seq, String name) {
        this.id = id;
        this.campaignId = campaignId;
        this.seq = seq;
        this.name = name;
    }

    Long id() { return id; }
    long campaignId() { return campaignId; }
    int seq() { return seq; }
    String name() { return name; }
}
