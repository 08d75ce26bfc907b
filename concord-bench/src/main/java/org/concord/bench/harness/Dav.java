package org.concord.bench.harness;

import java.nio.file.Path;
import java.util.Map;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.SystemConfig;

/** {@code dav} connectors on the scenarios' servers, as a config file would declare them. */
public final class Dav {
    private Dav() {}

    public static Connector connector(String name, Map<String, Object> settings) throws ConfigException {
        return new org.concord.connector.dav.DavConnectorFactory().create(new SystemConfig(name, settings, Path.of(".")));
    }
}
