package org.concord.example;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.concord.connector.remote.RemoteConnectorFactory;
import org.concord.spi.Connector;
import org.concord.spi.SystemConfig;
import org.concord.testkit.ConnectorContract;

/** The remote connector passes the connector contract against the example connector on MariaDB. */
class RemoteConnectorContractIT extends ConnectorContract {
    private TestDatabase db;
    private ExampleConnector example;

    @Override
    protected Connector createConnector() throws Exception {
        db = TestDatabase.createOrSkip();
        example = ExampleConnector.start(db.url(), new InetSocketAddress("127.0.0.1", 0), Optional.of("contract"), Duration.ofMillis(100));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connector", "remote");
        settings.put("url", example.server().baseUri().toString());
        settings.put("token", "contract");
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("first_name", "name.given");
        contact.put("last_name", "name.surname");
        contact.put("company", "organization");
        contact.put("email", "email");
        contact.put("phone", "phone");
        contact.put("note", "note");
        contact.put("concord_extra", "extra");
        settings.put("mapping", Map.of("contact", contact));
        return new RemoteConnectorFactory().create(new SystemConfig("example", settings, Path.of(".")));
    }

    @Override
    protected void destroySystem() throws Exception {
        if (example != null) {
            example.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
