package org.concord.engine;

import java.time.Duration;

/**
 * What the engine reports as it works, for metrics (the server module implements it with
 * Micrometer). Called on the engine's threads; implementations must be fast and thread-safe.
 */
public interface EngineMetrics {

    /** A batch read from {@code system}: how many changes, and how many of them were echoes. */
    default void read(String system, int changes, int echoes) {}

    /** One object delivered to {@code system}, {@code delay} after its change was read. */
    default void delivered(String system, Duration delay) {}

    /** A write to {@code system} that did not succeed this time (retried, refused or conflicting). */
    default void notDelivered(String system) {}

    /** A conflict detected in {@code system} and the policy that decided it. */
    default void conflict(String system, String policy) {}

    /** A sync error recorded for an object of {@code system}. */
    default void syncError(String system) {}

    /** One store transaction of the engine, from start to commit. */
    default void storeCommit(Duration took) {}

    EngineMetrics NONE = new EngineMetrics() {};
}
