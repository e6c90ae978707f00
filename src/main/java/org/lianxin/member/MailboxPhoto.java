package org.lianxin.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    /** The image type by magic bytes; null for anything else. */
    static String typeOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
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
