package org.lianxin.wish;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.ImageFiles;

/** The resident's photo of a wish (SUBMITTED) or the claimant's photo of it fulfilled (FULFILMENT); one each. */
@Entity
@Table(name = "wish_photo")
class WishPhoto {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    enum Kind { SUBMITTED, FULFILMENT }

    @Id
    private Long id;
    @Column(name = "wish_id")
    private Long wishId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private int sizeBytes;
    private byte[] data;

    protected WishPhoto() {
    }

    WishPhoto(long id, long wishId, Kind kind, ImageFiles.Image image) {
        this.id = id;
        this.wishId = wishId;
        this.kind = kind;
        this.contentType = image.contentType();
        this.sizeBytes = image.data().length;
        this.data = image.data();
    }

    Long wishId() { return wishId; }
    Kind kind() { return kind; }
    String contentType() { return contentType; }
    byte[] data() { return data; }
}
