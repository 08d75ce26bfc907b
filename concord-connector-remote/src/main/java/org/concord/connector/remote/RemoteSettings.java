package org.concord.connector.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.codec.VCardVersion;
import org.concord.model.ItemType;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * The settings of one remote system, checked. Secrets are kept only as the ready header value
 * and never appear in {@link #toString()}.
 *
 * @param name the system's name, for messages
 * @param baseUrl the protocol's base URL, ending in '/', e.g. {@code https://crm.example.org/concord/v1/}
 * @param authorization the Authorization header to send, if any
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer, on top of a long poll's wait
 * @param longestWait the longest long poll to ask for (the engine's max wait is cut to it)
 * @param batchSize the most writes sent in one request (cut further to the application's maxBatch)
 * @param mappings the field mappings of the types the application serves as flat records
 * @param vcardVersion the vCard version to write when the application takes vCard text: 3.0 or 4.0
 */
record RemoteSettings(String name, URI baseUrl, Optional<String> authorization, Duration connectTimeout,
        Duration requestTimeout, Duration longestWait, int batchSize, Map<ItemType, RecordMapping> mappings,
        VCardVersion vcardVersion, long archiveSizeCap) {

    /**
     * The protocol sends attachments base64-encoded in one JSON body, a third larger than the
     * message, and the connector kit refuses bodies over 32 MiB: 20 MB messages fit.
     */
    static final long DEFAULT_ARCHIVE_SIZE_CAP = 20L * 1024 * 1024;

    static final Set<String> KEYS = Set.of("url", "token", "username", "password", "connect-timeout",
            "request-timeout", "longest-wait", "batch-size", "mapping", "vcard-version", "archive-size-cap");

    static RemoteSettings parse(SystemConfig config) throws ConfigException {
        config.requireOnly(KEYS);
        URI url = url(config);
        Optional<String> authorization = authorization(config);
        Duration connect = positive(config, "connect-timeout", Duration.ofSeconds(5));
        Duration request = positive(config, "request-timeout", Duration.ofSeconds(30));
        Duration longest = positive(config, "longest-wait", Duration.ofSeconds(30));
        int batch = config.integer("batch-size", 100);
        if (batch < 1 || batch > 10_000) {
            throw new ConfigException(config.key("batch-size"), "expected 1 to 10000, found " + batch);
        }
        String vcardText = config.string("vcard-version", "4.0");
        VCardVersion vcard = VCardVersion.byCode(vcardText).filter(v -> v != VCardVersion.V2_1).orElseThrow(
                () -> new ConfigException(config.key("vcard-version"), "expected 3.0 or 4.0, found '" + vcardText + "'"));
        Map<ItemType, RecordMapping> mappings = RecordMapping.parseAll(config.map("mapping"), config.key("mapping"));
        long cap = config.bytes("archive-size-cap", DEFAULT_ARCHIVE_SIZE_CAP);
        if (cap < 1024) {
            throw new ConfigException(config.key("archive-size-cap"), "must be at least 1KB, found " + cap + " bytes");
        }
        return new RemoteSettings(config.name(), url, authorization, connect, request, longest, batch, mappings, vcard, cap);
    }

    private static URI url(SystemConfig config) throws ConfigException {
        String text = config.string("url");
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text : text + "/");
        } catch (URISyntaxException e) {
            throw new ConfigException(config.key("url"), "not a URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException(config.key("url"), "expected an http:// or https:// URL with a host, such as "
                    + "https://crm.example.org/concord/v1/");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException(config.key("url"), "the base URL takes no query or fragment");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigException(config.key("url"), "put credentials in username/password or token, not in the URL");
        }
        return uri;
    }

    private static Optional<String> authorization(SystemConfig config) throws ConfigException {
        Optional<String> token = config.optionalString("token");
        Optional<String> user = config.optionalString("username");
        Optional<String> password = config.optionalString("password");
        if (token.isPresent() && (user.isPresent() || password.isPresent())) {
            throw new ConfigException(config.key("token"), "give either a token or a username and password, not both");
        }
        if (token.isPresent()) {
            if (token.get().isBlank() || token.get().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new ConfigException(config.key("token"), "must be printable ASCII without spaces");
            }
            return Optional.of("Bearer " + token.get());
        }
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException(config.key(user.isPresent() ? "password" : "username"),
                    "missing: Basic authentication needs both username and password");
        }
        if (user.isPresent()) {
            if (user.get().contains(":")) {
                throw new ConfigException(config.key("username"), "must not contain ':' (Basic authentication)");
            }
            String pair = user.get() + ":" + password.get();
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    private static Duration positive(SystemConfig config, String key, Duration fallback) throws ConfigException {
        Duration d = config.duration(key, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(config.key(key), "must be longer than zero");
        }
        return d;
    }

    @Override
    public String toString() {
        return "RemoteSettings[" + name + ", " + baseUrl + (authorization.isPresent() ? ", authenticated" : "") + "]";
    }
}
