package org.lianxin.care;

/**
 * The photo check for visits, as the building mailbox does it (member {@code MailboxPhoto}): JPEG, PNG or
 * WebP only, recognised by the file's first bytes, at most {@link #MAX_BYTES}. Kept here rather than
 * shared because the member module's check is package-private to it; two copies of twelve lines.
 */
final class VisitPhotos {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private VisitPhotos() {
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
}
