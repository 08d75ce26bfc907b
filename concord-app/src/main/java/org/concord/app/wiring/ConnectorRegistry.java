package org.concord.app.wiring;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.SystemConfig;

/** The connector kinds on the class path, found with {@link ServiceLoader}; the app never names one. */
public final class ConnectorRegistry {
    private final Map<String, ConnectorFactory> byKind = new TreeMap<>();

    public ConnectorRegistry() {
        for (ConnectorFactory f : ServiceLoader.load(ConnectorFactory.class)) {
            byKind.putIfAbsent(f.kind(), f);
        }
    }

    public Connector create(String kind, SystemConfig config) throws ConfigException {
        ConnectorFactory f = byKind.get(kind);
        if (f == null) {
            throw new ConfigException(config.key("connector"), "unknown connector '" + kind + "'; available: "
                    + String.join(", ", byKind.keySet()));
        }
        return f.create(config);
    }

    public java.util.Set<String> kinds() {
        return byKind.keySet();
    }
}
