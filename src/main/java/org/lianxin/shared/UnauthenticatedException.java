package org.lianxin.shared;

/** The request needs a logged-in caller and has none (or the session ended). Answers 401. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException() {
        super("not logged in");
    }
}
