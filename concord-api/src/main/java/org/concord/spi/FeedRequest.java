package org.concord.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One call for changes.
 *
 * @param since where to continue; {@link Cursor#START} for everything
 * @param limit the most changes to return in one batch; the connector sets {@code more} if it stopped there
 * @param maxWait how long the call may block when nothing is new; zero for "answer now"
 * @param full a full re-read: return every object as an upsert (the engine drops what it already
 *     has) and never infer a delete from an object merely not seen
 * @param known the hub's links for this system, for connectors that detect changes by listing
 */
public record FeedRequest(Cursor since, int limit, Duration maxWait, boolean full, KnownObjects known) {
    public FeedRequest {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(known, "known");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
