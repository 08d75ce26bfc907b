package org.concord.connector.vdir;

import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.SystemConfig;

/** Makes {@code vdir} connectors: a folder of {@code .vcf} and {@code .ics} files per system. */
public final class VdirConnectorFactory implements ConnectorFactory {

    @Override
    public String kind() {
        return VdirConnector.KIND;
    }

    @Override
    public Connector create(SystemConfig config) throws ConfigException {
        return new VdirConnector(VdirSettings.from(config));
    }
}
