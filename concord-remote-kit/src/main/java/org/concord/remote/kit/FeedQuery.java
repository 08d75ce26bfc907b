package org.concord.remote.kit;

import java.util.Objects;
import java.util.Optional;

/**
 * What the kit asks the application for: changes with a modid greater than {@code since} (all
 * of them when empty), in increasing modid order, at most {@code max}.
 *
 * <p>When {@code complete} is set, the answer is the current state of every object whose last
 * change is after {@code since}, each once as an upsert at the modid of its last change
 * (deleted objects are left out), including the objects Concord itself wrote. Otherwise the
 * application may report each changed object once at its latest modid, and may leave out the
 * changes Concord made itself.
 */
public record FeedQuery(Optional<String> since, int max, boolean complete) {
    public FeedQuery {
        Objects.requireNonNull(since, "since");
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
    }
}
