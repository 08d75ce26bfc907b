package org.concord.remote.kit;

/**
 * The application understood the request but will not do it (an archive target that does not
 * exist, a search it cannot run): the kit answers 422 with this message.
 */
public final class RejectedException extends Exception {
    public RejectedException(String message) {
        super(message);
    }
}
