package org.concord.remote.kit;

/**
 * The change log no longer reaches back to the modid Concord asked from (it was pruned): the kit
 * answers 410 and Concord re-reads everything with {@code complete}.
 */
public final class SinceExpiredException extends Exception {
    public SinceExpiredException(String message) {
        super(message);
    }
}
