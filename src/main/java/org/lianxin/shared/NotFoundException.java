package org.lianxin.shared;

/**
 * The object does not exist, or lies outside the caller's scope: both answer 404 alike, so that
 * ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    private final String objectType;

    public NotFoundException(String objectType) {
        super(objectType + " not found");
        this.objectType = objectType;
    }

    /** The glossary name of what was looked for, e.g. {@code Area}. */
    public String objectType() {
        return objectType;
    }
}
