package org.concord.testkit;

import java.util.Set;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.SystemConfig;

/** Kind {@code memory}: a system held in this JVM, shared by name (key {@code name}, default the system's). For tests. */
public final class InMemoryConnectorFactory implements ConnectorFactory {
    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public Connector create(SystemConfig config) throws ConfigException {
        config.requireOnly(Set.of("name"));
        return new InMemoryConnector(InMemorySystem.named(config.string("name", config.name())));
    }
}
