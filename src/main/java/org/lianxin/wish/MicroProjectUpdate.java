package org.lianxin.wish;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.ImageFiles;

/** A progress update on a micro-project: what was done, by whom for which unit, a photo, the milestone it finished. */
@Entity
@Table(name = "micro_project_update")
class MicroProjectUpdate {

    static final int MAX_TEXT = 1000;
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    @Id
    private Long id;
    @Column(name = "project_id")
    private Long projectId;
    @Column(name = "by_name")
    private String byName;
    @Column(name = "unit_name")
    private String unitName;
    private Instant at;
    private String text;
    @Column(name = "milestone_title")
    private String milestoneTitle;
    @Column(name = "photo_type")
    private String photoType;
    @Basic(fetch = FetchType.LAZY)
    private byte[] photo;

    protected MicroProjectUpdate() {
    }

    MicroProjectUpdate(long id, long projectId, String byName, String unitName, Instant at, String text,
                       String milestoneTitle, ImageFiles.Image photo) {
        this.id = id;
        this.projectId = projectId;
        this.byName = byName;
        this.unitName = unitName;
        this.at = at;
        this.text = text;
        this.milestoneTitle = milestoneTitle;
        this.photoType = photo == null ? null : photo.contentType();
        this.photo = photo == null ? null : photo.data();
    }

    Long id() { return id; }
    Long projectId() { return projectId; }
    String byName() { return byName; }
    String unitName() { return unitName; }
    Instant at() { return at; }
    String text() { return text; }
    String milestoneTitle() { return milestoneTitle; }
    String photoType() { return photoType; }
    byte[] photo() { return photo; }
}
