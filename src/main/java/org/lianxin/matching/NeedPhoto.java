package org.lianxin.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.ImageFiles;

/** The helper's photo of a need fulfilled (one at most). */
@Entity
@Table(name = "need_photo")
class NeedPhoto {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    @Id
    @Column(name = "need_id")
    private Long needId;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private int sizeBytes;
    private byte[] data;

    protected NeedPhoto() {
    }

    NeedPhoto(long needId, ImageFiles.Image image) {
        this.needId = needId;
        this.contentType = image.contentType();
        this.sizeBytes = image.data().length;
        this.data = image.data();
    }

    Long needId() { return needId; }
    String contentType() { return contentType; }
    byte[] data() { return data; }
}
