package org.concord.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A system's health as the watchdog and the engine last saw it, and whether an admin (or a
 * guard) paused it.
 */
public record SystemState(String system, boolean up, Instant since, Optional<String> reason, boolean paused) {}
