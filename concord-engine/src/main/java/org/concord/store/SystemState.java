package org.concord.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A system's health as the watchdog and the engine last saw it, and whether an admin (or a
 * guard) paused it.
 *
 * @param pauseReason why it is paused (an admin's pause, or a guard that stopped mass deletes)
 * @param acceptDeletes the admin confirmed the deletes a guard stopped: the next read applies them
 */
public record SystemState(
        String system,
        boolean up,
        Instant since,
        Optional<String> reason,
        boolean paused,
        Optional<String> pauseReason,
        boolean acceptDeletes) {

    public SystemState(String system, boolean up, Instant since, Optional<String> reason, boolean paused) {
        this(system, up, since, reason, paused, Optional.empty(), false);
    }
}
