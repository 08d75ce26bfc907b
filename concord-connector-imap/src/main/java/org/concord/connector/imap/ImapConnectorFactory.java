package org.concord.connector.imap;

import java.util.Optional;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.SystemConfig;

/**
 * Makes {@code imap} connectors; listed in {@code META-INF/services/org.concord.spi.ConnectorFactory}.
 * An imap system is declared under {@code systems:} like any other, so its settings are checked
 * by {@code concord check}, its server is watched by the watchdog, and the console finds it by
 * name; its connector is a {@link org.concord.spi.Mailbox} that syncs no item types.
 */
public final class ImapConnectorFactory implements ConnectorFactory {

    public static final String KIND = "imap";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Connector create(SystemConfig config) throws ConfigException {
        return new ImapConnector(ImapSettings.parse(config), Optional.empty());
    }
}
