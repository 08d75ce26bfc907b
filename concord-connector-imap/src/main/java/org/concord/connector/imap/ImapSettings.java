package org.concord.connector.imap;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * An imap system's settings, validated. Passwords are kept here only; {@link #toString()} and
 * every message leave them out.
 *
 * @param passwords per-user passwords ({@code passwords}: user name → password)
 * @param master a master login that may open every user's mailbox, if configured
 */
record ImapSettings(String system, String host, int port, Security security, boolean tlsVerify,
        Map<String, String> passwords, Optional<Master> master, Duration connectTimeout, Duration timeout) {

    static final Set<String> KEYS = Set.of("host", "port", "security", "tls-verify", "passwords", "master-user",
            "master-password", "master-separator", "connect-timeout", "timeout");

    /** Dovecot's master login: {@code USER*MASTER} with the master's password. */
    record Master(String user, String password, String separator) {
        String loginFor(String user) {
            return user + separator + this.user;
        }

        @Override
        public String toString() {
            return "Master[" + user + "]";
        }
    }

    static ImapSettings parse(SystemConfig config) throws ConfigException {
        config.requireOnly(KEYS);
        String host = config.string("host").trim();
        if (host.isEmpty() || host.contains("/") || host.contains(" ")) {
            throw new ConfigException(config.key("host"), "expected a host name or address such as mail.example.org");
        }
        String securityText = config.string("security", Security.TLS.code());
        Security security = Security.byCode(securityText).orElseThrow(() -> new ConfigException(config.key("security"),
                "expected tls, starttls or none, found '" + securityText + "'"));
        int port = config.integer("port", security.defaultPort());
        if (port < 1 || port > 65535) {
            throw new ConfigException(config.key("port"), "expected a port from 1 to 65535, found " + port);
        }
        boolean verify = config.bool("tls-verify", true);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : config.map("passwords").entrySet()) {
            String key = config.key("passwords") + "." + e.getKey();
            if (e.getKey().isBlank()) {
                throw new ConfigException(key, "a user name is empty");
            }
            if (!(e.getValue() instanceof String || e.getValue() instanceof Number) || e.getValue().toString().isEmpty()) {
                throw new ConfigException(key, "expected the user's password as text (e.g. ${IMAP_PASSWORD_ALICE})");
            }
            passwords.put(e.getKey(), e.getValue().toString());
        }
        Optional<Master> master = master(config);
        if (passwords.isEmpty() && master.isEmpty()) {
            throw new ConfigException(config.key("passwords"),
                    "no credentials: give passwords per user, or master-user and master-password");
        }
        Duration connect = positive(config, "connect-timeout", Duration.ofSeconds(10));
        Duration timeout = positive(config, "timeout", Duration.ofSeconds(60));
        return new ImapSettings(config.name(), host, port, security, verify, Map.copyOf(passwords), master, connect, timeout);
    }

    private static Optional<Master> master(SystemConfig config) throws ConfigException {
        Optional<String> user = config.optionalString("master-user");
        Optional<String> password = config.optionalString("master-password");
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException(config.key(user.isPresent() ? "master-password" : "master-user"),
                    "missing: a master login needs both master-user and master-password");
        }
        String separator = config.string("master-separator", "*");
        if (separator.isEmpty() || separator.isBlank()) {
            throw new ConfigException(config.key("master-separator"), "must not be empty (Dovecot's default is *)");
        }
        if (user.isEmpty()) {
            if (config.has("master-separator")) {
                throw new ConfigException(config.key("master-separator"), "is set, but master-user is not");
            }
            return Optional.empty();
        }
        if (user.get().isBlank() || user.get().contains(separator)) {
            throw new ConfigException(config.key("master-user"), "must be a user name without the separator '" + separator + "'");
        }
        return Optional.of(new Master(user.get(), password.get(), separator));
    }

    private static Duration positive(SystemConfig config, String key, Duration fallback) throws ConfigException {
        Duration d = config.duration(key, fallback);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new ConfigException(config.key(key), "must be longer than zero and shorter than 24 days");
        }
        return d;
    }

    /** Whether there is a way to log in as {@code user}. */
    boolean canLogIn(String user) {
        return passwords.containsKey(user) || master.isPresent();
    }

    /** The login name and password for {@code user}: their own password first, else the master login. */
    Login login(String user) {
        String own = passwords.get(user);
        if (own != null) {
            return new Login(user, own, false);
        }
        Master m = master.orElseThrow(() -> new IllegalStateException("no credentials for " + user));
        return new Login(m.loginFor(user), m.password(), true);
    }

    /** What to log in with; the password never leaves this value's accessor. */
    record Login(String name, String password, boolean viaMaster) {
        @Override
        public String toString() {
            return "Login[" + name + "]";
        }
    }

    String where() {
        return host + ":" + port + " (" + security.code() + (security != Security.NONE && !tlsVerify ? ", unverified" : "") + ")";
    }

    @Override
    public String toString() {
        return "ImapSettings[" + system + ", " + where() + ", users with passwords " + passwords.keySet()
                + master.map(m -> ", master " + m.user()).orElse("") + "]";
    }
}
