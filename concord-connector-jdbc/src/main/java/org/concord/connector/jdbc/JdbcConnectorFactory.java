package org.concord.connector.jdbc;

import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.SystemConfig;

/** Makes {@code jdbc} connectors: a CRM or business database on MariaDB/MySQL or PostgreSQL. */
public final class JdbcConnectorFactory implements ConnectorFactory {

    @Override
    public String kind() {
        return "jdbc";
    }

    @Override
    public Connector create(SystemConfig config) throws ConfigException {
        return new JdbcConnector(JdbcSettings.parse(config));
    }
}
