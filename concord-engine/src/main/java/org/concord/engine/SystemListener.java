package org.concord.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Told about every up/down transition of a system (the watchdog's notifications: log, webhook,
 * e-mail). Called on the engine's threads: implementations must not block for long; a listener
 * that fails is logged and does not stop the others.
 */
public interface SystemListener {

    /** The system stopped working at {@code since}, for {@code reason}. */
    void systemDown(String system, String reason, Instant since);

    /** The system works again after being down for {@code downFor}. */
    void systemUp(String system, Duration downFor, Instant at);

    /** The system was paused: by an admin, or by a guard that stopped a mass delete (the reason says which). */
    default void systemPaused(String system, String reason, Instant at) {}
}
