package org.concord.connector.dav.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A CalDAV/CardDAV server run by a test, with one test user. */
public interface DavTestServer extends AutoCloseable {

    /** The root URL a client is configured with, ending in a slash. */
    String url();

    String user();

    String password();

    /** The settings of a {@code dav} system that syncs the test user on this server. */
    default Map<String, Object> systemSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connector", "dav");
        settings.put("url", url());
        settings.put("username", user());
        settings.put("password", password());
        return settings;
    }

    /** A plain HTTP client acting as the test user, as a phone or a desktop client would. */
    default PlainClient plainClient() {
        return new PlainClient(url(), user(), password());
    }

    @Override
    void close();
}
