package org.concord.connector.imap;

import java.util.Arrays;
import java.util.Optional;

/** How the connection to the server is protected; the wire code is the {@code security} setting. */
enum Security {
    /** TLS from the first byte (port 993). */
    TLS("tls", 993),
    /** A plain connection upgraded with STARTTLS before login, which must succeed (port 143). */
    STARTTLS("starttls", 143),
    /** No encryption: for a server on loopback only. */
    NONE("none", 143);

    private final String code;
    private final int defaultPort;

    Security(String code, int defaultPort) {
        this.code = code;
        this.defaultPort = defaultPort;
    }

    String code() {
        return code;
    }

    int defaultPort() {
        return defaultPort;
    }

    static Optional<Security> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
