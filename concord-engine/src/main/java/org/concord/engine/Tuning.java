package org.concord.engine;

import java.time.Duration;

/**
 * Knobs of the engine's loops; the defaults suit a server, tests shorten the waits.
 *
 * @param readBatch changes asked for per read (one store transaction each)
 * @param writeBatch pending entries delivered per write call
 * @param firstBackoff wait after the first failure of a system or an object; doubles per failure
 * @param maxBackoff the longest such wait
 * @param rejectedRetry how long an object a system refused waits before it is tried again
 */
public record Tuning(int readBatch, int writeBatch, Duration firstBackoff, Duration maxBackoff, Duration rejectedRetry) {

    public static Tuning defaults() {
        return new Tuning(500, 100, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** Backoff after {@code failures} consecutive failures (1 = first), with a little jitter. */
    Duration backoff(int failures) {
        long base = firstBackoff.toMillis();
        long ms = base << Math.min(20, Math.max(0, failures - 1));
        ms = Math.min(ms, maxBackoff.toMillis());
        long jitter = (long) (ms * 0.1 * Math.random());
        return Duration.ofMillis(ms + jitter);
    }
}
