package org.concord.connector.dav;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concord.connector.dav.testing.DavTestServer;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/** dav systems on the test servers, as a config file would declare them. */
final class DavSystems {
    private DavSystems() {}

    /** Every type, collections created when missing, a short poll interval. */
    static Map<String, Object> allTypes(DavTestServer server) {
        Map<String, Object> s = server.systemSettings();
        s.put("types", List.of("contact", "event", "task", "note"));
        s.put("create-collections", true);
        s.put("poll-interval", "100ms");
        return s;
    }

    static DavConnector connector(String name, Map<String, Object> settings) throws ConfigException {
        return (DavConnector) new DavConnectorFactory().create(new SystemConfig(name, settings, Path.of(".")));
    }
}
