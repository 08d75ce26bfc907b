package org.concord.connector.dav;

import org.concord.connector.dav.http.DavHttp;
import org.concord.connector.dav.http.HttpSettings;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.SystemConfig;

/** Makes {@code dav} connectors: CalDAV and CardDAV servers. Settings are documented in docs/connectors/dav.md. */
public final class DavConnectorFactory implements ConnectorFactory {

    @Override
    public String kind() {
        return "dav";
    }

    @Override
    public Connector create(SystemConfig config) throws ConfigException {
        DavSettings settings = DavSettings.parse(config);
        try {
            DavHttp http = new DavHttp(new HttpSettings(settings.system(), settings.url(), settings.connectTimeout(),
                    settings.readTimeout(), settings.tlsVerify(), settings.maxResponseBytes()));
            return new DavConnector(settings, http);
        } catch (PermanentConnectorException e) {
            throw new ConfigException(config.key("tls-verify"), e.getMessage());
        }
    }
}
