package org.lianxin.volunteer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.ImageFiles;

/** An activity's cover photo, checked by its bytes ({@link ImageFiles}). */
@Entity
@Table(name = "activity_cover")
class ActivityCover {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    @Id
    @Column(name = "activity_id")
    private Long activityId;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private int sizeBytes;
    private byte[] data;

    protected ActivityCover() {
    }

    ActivityCover(long activityId, ImageFiles.Image image) {
        this.activityId = activityId;
        this.contentType = image.contentType();
        this.sizeBytes = image.data().length;
        this.data = image.data();
    }

    String contentType() { return contentType; }
    byte[] data() { return data; }
}
