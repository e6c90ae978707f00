package org.lianxin.shared;

/**
 * The request is well formed but clashes with the current state (a duplicate, a node that still
 * has children). Answers 409 with a stable type and a localized message.
 */
public class ConflictException extends RuntimeException {

    private final String type;
    private final String messageKey;
    private final transient Object[] args;

    public ConflictException(String type, String messageKey, Object... args) {
        super(type + ": " + messageKey);
        this.type = type;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
