package org.concord.app.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * The watchdog's settings: how often every system is pinged (top-level key {@code watchdog}) and
 * where its up/down notifications go besides the log (top-level key {@code notify}: a webhook,
 * e-mail). Secrets are {@link Secret}s, so printing this record prints none.
 *
 * @param watchdogInterval the pause between two pings of every system
 * @param webhook where to POST a JSON body on every transition, if configured
 * @param email where to send a mail on every transition, if configured
 */
public record NotifyConfig(Duration watchdogInterval, Optional<Webhook> webhook, Optional<Email> email) {
    public static final Duration DEFAULT_WATCHDOG_INTERVAL = Duration.ofSeconds(30);

    /** A webhook: {@code url} is http or https; {@code token} is sent as {@code Authorization: Bearer}. */
    public record Webhook(URI url, Optional<Secret> token) {}

    /** An SMTP relay and the addresses of the mail it is given. */
    public record Email(String host, int port, Security security, Optional<String> username,
                        Optional<Secret> password, String from, List<String> to) {}

    /** How the SMTP connection is protected; {@code none} only when written explicitly. */
    public enum Security {
        STARTTLS("starttls", 587), SSL("ssl", 465), NONE("none", 25);

        private final String code;
        private final int defaultPort;

        Security(String code, int defaultPort) {
            this.code = code;
            this.defaultPort = defaultPort;
        }

        public String code() {
            return code;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    private static final Set<String> WATCHDOG_KEYS = Set.of("interval");
    private static final Set<String> NOTIFY_KEYS = Set.of("webhook", "email");
    private static final Set<String> WEBHOOK_KEYS = Set.of("url", "token");
    private static final Set<String> EMAIL_KEYS = Set.of("host", "port", "security", "username", "password", "from", "to");
    // Deliberately simple: catches typos and lists written as one text; the relay has the last word.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>(),;:\"]+@[^@\\s<>(),;:\"]+");

    public NotifyConfig {
        if (watchdogInterval.isNegative() || watchdogInterval.isZero()) {
            throw new IllegalArgumentException("watchdog interval must be positive: " + watchdogInterval);
        }
    }

    /** Ping every 30 s, notify only through the log. */
    public static NotifyConfig defaults() {
        return new NotifyConfig(DEFAULT_WATCHDOG_INTERVAL, Optional.empty(), Optional.empty());
    }

    /**
     * Reads the two top-level nodes (either may be absent), with {@code ${ENV}} references
     * already resolved.
     */
    public static NotifyConfig read(Object watchdogNode, Object notifyNode) throws ConfigException {
        Duration interval = DEFAULT_WATCHDOG_INTERVAL;
        if (watchdogNode != null) {
            Map<String, Object> w = map("watchdog", watchdogNode);
            onlyKnown("watchdog.", w, WATCHDOG_KEYS);
            if (w.get("interval") != null) {
                interval = SystemConfig.parseDuration("watchdog.interval", text("watchdog.interval", w.get("interval")));
                if (interval.isNegative() || interval.isZero()) {
                    throw new ConfigException("watchdog.interval", "must be positive");
                }
            }
        }
        if (notifyNode == null) {
            return new NotifyConfig(interval, Optional.empty(), Optional.empty());
        }
        Map<String, Object> n = map("notify", notifyNode);
        onlyKnown("notify.", n, NOTIFY_KEYS);
        Optional<Webhook> webhook = n.get("webhook") == null ? Optional.empty() : Optional.of(webhook(n.get("webhook")));
        Optional<Email> email = n.get("email") == null ? Optional.empty() : Optional.of(email(n.get("email")));
        return new NotifyConfig(interval, webhook, email);
    }

    private static Webhook webhook(Object node) throws ConfigException {
        Map<String, Object> m = map("notify.webhook", node);
        onlyKnown("notify.webhook.", m, WEBHOOK_KEYS);
        String urlText = required("notify.webhook.url", m, "the address to POST notifications to");
        URI url;
        try {
            url = new URI(urlText);
        } catch (URISyntaxException e) {
            throw new ConfigException("notify.webhook.url", "not a URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new ConfigException("notify.webhook.url", "expected an http:// or https:// URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new ConfigException("notify.webhook.url", "no user or password in the URL; give a bearer token in notify.webhook.token");
        }
        Optional<Secret> token = optionalText("notify.webhook.token", m.get("token")).filter(t -> !t.isBlank()).map(Secret::new);
        if (token.isPresent() && scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new ConfigException("notify.webhook.token", "a token is sent only over https (or to this machine); the url is http");
        }
        return new Webhook(url, token);
    }

    private static Email email(Object node) throws ConfigException {
        Map<String, Object> m = map("notify.email", node);
        onlyKnown("notify.email.", m, EMAIL_KEYS);
        String host = required("notify.email.host", m, "the SMTP relay's host name");
        Security security = Security.STARTTLS;
        Optional<String> securityText = optionalText("notify.email.security", m.get("security"));
        if (securityText.isPresent()) {
            String code = securityText.get().trim().toLowerCase(Locale.ROOT);
            security = Arrays.stream(Security.values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow(() ->
                    new ConfigException("notify.email.security", "unknown value '" + securityText.get()
                            + "'; known: starttls, ssl, none"));
        }
        int port = m.get("port") == null ? security.defaultPort() : port(m.get("port"));
        // Blank counts as absent, so ${SMTP_PASSWORD:-} can make authentication optional per site.
        Optional<String> username = optionalText("notify.email.username", m.get("username")).filter(u -> !u.isBlank());
        Optional<Secret> password = optionalText("notify.email.password", m.get("password")).filter(p -> !p.isEmpty()).map(Secret::new);
        if (password.isPresent() && username.isEmpty()) {
            throw new ConfigException("notify.email.username", "missing: a password is given, so the user name is needed too");
        }
        if (username.isPresent() && password.isEmpty()) {
            throw new ConfigException("notify.email.password", "missing: a user name is given, so its password is needed too");
        }
        if (password.isPresent() && security == Security.NONE && !isLoopback(host)) {
            throw new ConfigException("notify.email.password", "a password is sent only over starttls or ssl (or to this machine); security is none");
        }
        String from = address("notify.email.from", required("notify.email.from", m, "the sender's address"));
        List<String> to = recipients(m.get("to"));
        return new Email(host, port, security, username, password, from, to);
    }

    private static int port(Object v) throws ConfigException {
        int port;
        if (v instanceof Integer i) {
            port = i;
        } else if (v instanceof String s && s.trim().matches("[0-9]{1,5}")) {
            port = Integer.parseInt(s.trim());
        } else {
            throw new ConfigException("notify.email.port", "expected a port number, found " + kind(v));
        }
        if (port < 1 || port > 65535) {
            throw new ConfigException("notify.email.port", "expected a port number between 1 and 65535, found " + port);
        }
        return port;
    }

    private static List<String> recipients(Object node) throws ConfigException {
        if (node == null) {
            throw new ConfigException("notify.email.to", "missing: the addresses to notify, e.g. [admin@example.org]");
        }
        List<String> out = new ArrayList<>();
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String key = "notify.email.to[" + i + "]";
                out.add(address(key, optionalText(key, list.get(i)).orElseThrow(() -> new ConfigException(key, "missing address"))));
            }
        } else {
            out.add(address("notify.email.to", text("notify.email.to", node)));
        }
        if (out.isEmpty()) {
            throw new ConfigException("notify.email.to", "no address given");
        }
        return List.copyOf(out);
    }

    private static String address(String key, String value) throws ConfigException {
        String a = value.trim();
        if (!ADDRESS.matcher(a).matches()) {
            throw new ConfigException(key, "expected one e-mail address such as admin@example.org, found '" + value + "'");
        }
        return a;
    }

    /** Whether a host name is this machine, where a secret does not cross a network. */
    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would be a network lookup during config load.
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String required(String key, Map<String, Object> m, String what) throws ConfigException {
        String last = key.substring(key.lastIndexOf('.') + 1);
        Optional<String> v = optionalText(key, m.get(last));
        if (v.isEmpty() || v.get().isBlank()) {
            throw new ConfigException(key, "missing: " + what);
        }
        return v.get().trim();
    }

    private static Optional<String> optionalText(String key, Object node) throws ConfigException {
        return node == null ? Optional.empty() : Optional.of(text(key, node));
    }

    private static String text(String key, Object node) throws ConfigException {
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return node.toString();
        }
        throw new ConfigException(key, "expected a text value, found " + kind(node));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String key, Object node) throws ConfigException {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new ConfigException(key, "expected a map of keys, found " + kind(node));
    }

    private static void onlyKnown(String prefix, Map<String, Object> m, Set<String> known) throws ConfigException {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new ConfigException(prefix + k, "unknown key; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static String kind(Object node) {
        return switch (node) {
            case null -> "nothing";
            case Map<?, ?> m -> "a map";
            case List<?> l -> "a list";
            case Boolean b -> "a true/false value";
            case Number n -> "a number";
            default -> "a text value";
        };
    }
}
