package org.lianxin.shared;

import java.util.Base64;

/**
 * Photos sent by the mobile pages as base64 (optionally a {@code data:} URL): decoded, and accepted only
 * when the first bytes say JPEG, PNG or WebP (never what the client claims) and the size is within the
 * limit. Used by the micro-wishes, the building mailbox and household visits.
 */
public final class ImageFiles {

    /** A checked image: its bytes and the type its bytes show. */
    public record Image(byte[] data, String contentType) {
    }

    private ImageFiles() {
    }

    /** Decodes and checks; a bad one answers 400 naming the field. */
    public static Image decode(String base64, int maxBytes, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(stripDataUrl(base64 == null ? "" : base64));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "mailbox.photo.not-image");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(field, "mailbox.photo.not-image");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(field, "mailbox.photo.too-large", maxBytes / 1024 / 1024);
        }
        String type = typeOf(bytes);
        if (type == null) {
            throw new InvalidInputException(field, "mailbox.photo.not-image");
        }
        return new Image(bytes, type);
    }

    /** The image type by magic bytes; null for anything else. */
    public static String typeOf(byte[] b) {
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

    private static String stripDataUrl(String data) {
        int comma = data.indexOf(',');
        return data.startsWith("data:") && comma > 0 ? data.substring(comma + 1) : data;
    }
}
