package org.concord.connector.dav;

import org.concord.connector.dav.testing.Radicale;
import org.concord.spi.Connector;
import org.concord.testkit.ConnectorContract;

/** The connector contract against a fresh Radicale per test; the connector creates the collections. */
class RadicaleContractIT extends ConnectorContract {
    private Radicale radicale;

    @Override
    protected Connector createConnector() throws Exception {
        radicale = Radicale.start();
        return DavSystems.connector("radicale", DavSystems.allTypes(radicale));
    }

    @Override
    protected void destroySystem() {
        if (radicale != null) {
            radicale.close();
        }
    }

    @Override
    protected String user() {
        return Radicale.USER;
    }
}
