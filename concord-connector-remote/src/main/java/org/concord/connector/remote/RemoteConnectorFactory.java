package org.concord.connector.remote;

import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.SystemConfig;

/** Makes {@code remote} connectors; listed in {@code META-INF/services/org.concord.spi.ConnectorFactory}. */
public final class RemoteConnectorFactory implements ConnectorFactory {

    public static final String KIND = "remote";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Connector create(SystemConfig config) throws ConfigException {
        return new RemoteConnector(RemoteSettings.parse(config));
    }
}
