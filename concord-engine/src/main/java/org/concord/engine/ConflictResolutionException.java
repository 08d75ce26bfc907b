package org.concord.engine;

/** A resolution that cannot be applied: no such conflict, not held, no such version, wrong type. */
public final class ConflictResolutionException extends Exception {
    public ConflictResolutionException(String message) {
        super(message);
    }
}
