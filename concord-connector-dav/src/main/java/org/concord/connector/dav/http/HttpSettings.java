package org.concord.connector.dav.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How one system's HTTP connections behave.
 *
 * @param system the system's name, for messages
 * @param base the configured server URL; credentials are sent to its origin only
 * @param tlsVerify whether TLS certificates and host names are checked (off only when the config says so)
 * @param maxResponseBytes the largest response body accepted
 */
public record HttpSettings(String system, URI base, Duration connectTimeout, Duration readTimeout, boolean tlsVerify,
                           long maxResponseBytes) {
    public HttpSettings {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }
}
