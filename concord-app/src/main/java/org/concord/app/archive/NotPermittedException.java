package org.concord.app.archive;

/** The requester may not archive this message: it is not theirs and they are not an admin. */
public final class NotPermittedException extends Exception {
    public NotPermittedException(String message) {
        super(message);
    }
}
