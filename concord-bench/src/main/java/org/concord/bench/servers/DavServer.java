package org.concord.bench.servers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CardDAV server a scenario runs, with one user and one address book. */
public interface DavServer extends AutoCloseable {

    String USER = "alice";

    String name();

    String url();

    String password();

    /** The path of the user's address book, e.g. {@code /alice/contacts/}. */
    String addressBookPath();

    /** CPU time the server has used so far, in nanoseconds. */
    long cpuNanos();

    /** A plain client acting as the user (a phone, a desktop program). */
    default DavClient client() {
        return new DavClient(url(), USER, password());
    }

    /** The settings of a {@code dav} system on this server's address book, polled every {@code poll}. */
    default Map<String, Object> systemSettings(String poll) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("connector", "dav");
        s.put("url", url());
        s.put("username", USER);
        s.put("password", password());
        s.put("types", List.of("contact"));
        s.put("collections", Map.of("contact", addressBookPath()));
        s.put("poll-interval", poll);
        return s;
    }

    @Override
    void close();
}
