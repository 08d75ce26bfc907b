package org.concord.connector.dav;

import org.concord.connector.dav.testing.Xandikos;
import org.concord.spi.Connector;
import org.concord.testkit.ConnectorContract;

/**
 * The connector contract against a fresh Xandikos per test, using its default collections: one
 * address book, and one calendar that holds events, tasks and notes together.
 */
class XandikosContractIT extends ConnectorContract {
    private Xandikos xandikos;

    @Override
    protected Connector createConnector() throws Exception {
        xandikos = Xandikos.start();
        return DavSystems.connector("xandikos", DavSystems.allTypes(xandikos));
    }

    @Override
    protected void destroySystem() {
        if (xandikos != null) {
            xandikos.close();
        }
    }

    @Override
    protected String user() {
        return Xandikos.USER;
    }
}
