package org.concord.testkit;

import org.concord.spi.Connector;

class InMemoryConnectorContractTest extends ConnectorContract {
    @Override
    protected Connector createConnector() {
        return new InMemoryConnector(new InMemorySystem("contract"));
    }
}
