package org.lianxin.shared;

/**
 * The caller may see the object but lacks the permission for this action on it. Answers 403.
 * (Objects the caller may not even see answer 404 through {@link NotFoundException}.)
 */
public class ForbiddenException extends RuntimeException {

    private final String permission;

    public ForbiddenException(String permission) {
        super("missing permission " + permission);
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }
}
