package org.concord.engine;

import java.time.Duration;
import java.util.Objects;
import org.concord.spi.Connector;

/**
 * One system as the engine runs it.
 *
 * @param pollInterval how long the reader waits between reads of a system that cannot push
 *     changes; for a system that can, how long one blocking read may wait
 */
public record SystemSpec(String name, Connector connector, Duration pollInterval) {
    public SystemSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    public SystemSpec(String name, Connector connector) {
        this(name, connector, Duration.ofSeconds(1));
    }
}
