package org.lianxin.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.ImageFiles;
import org.lianxin.shared.InvalidInputException;

/**
 * A photo attached to a mailbox message, kept in the database: JPEG, PNG or WebP only (checked by
 * the file's first bytes, not by what the client claims), at most {@link #MAX_BYTES}.
 */
@Entity
@Table(name = "mailbox_photo")
class MailboxPhoto {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_PER_MESSAGE = 3;

    @Id
    private Long id;
    @Column(name = "message_id")
    private Long messageId;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private int sizeBytes;
    private byte[] data;

    protected MailboxPhoto() {
    }

    MailboxPhoto(long id, long messageId, byte[] data, String field) {
        if (data == null || data.length == 0) {
            throw new InvalidInputException(field, "mailbox.photo.not-image");
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidInputException(field, "mailbox.photo.too-large", MAX_BYTES / 1024 / 1024);
        }
        String type = typeOf(data);
        if (type == null) {
            throw new InvalidInputException(field, "mailbox.photo.not-image");
        }
        this.id = id;
        this.messageId = messageId;
        this.contentType = type;
        this.sizeBytes = data.length;
        this.data = data;
    }

    /** The image type by magic bytes ({@link ImageFiles}); null for anything else. */
    static String typeOf(byte[] b) {
        return ImageFiles.typeOf(b);
    }

    Long id() {
        return id;
    }

    Long messageId() {
        return messageId;
    }

    String contentType() {
        return contentType;
    }

    int sizeBytes() {
        return sizeBytes;
    }

    byte[] data() {
        return data;
    }
}
