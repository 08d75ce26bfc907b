package org.concord.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the config says about the admin server.
 *
 * @param host the address to listen on ({@code 127.0.0.1} by default)
 * @param port the port; 0 picks a free one (tests)
 * @param apiToken the admin token of the REST API ({@code Authorization: Bearer}); without it the
 *     API answers only console sessions
 * @param metricsToken a token that may read {@code /metrics} only; the API token may too
 * @param consoleUsers console user name -> {@link PasswordHash} encoded hash
 * @param tls the keystore to serve HTTPS with; plain HTTP without it
 * @param mailboxUsers console user -> the hub user (canonical name) whose mailbox alone they may
 *     see and archive from; a console user not listed is an admin
 */
public record ServerSettings(
        String host,
        int port,
        Optional<String> apiToken,
        Optional<String> metricsToken,
        Map<String, String> consoleUsers,
        Optional<Tls> tls,
        Map<String, String> mailboxUsers) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8750;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        apiToken = apiToken.filter(t -> !t.isBlank());
        metricsToken = metricsToken.filter(t -> !t.isBlank());
        consoleUsers = Map.copyOf(consoleUsers);
        Objects.requireNonNull(tls, "tls");
        mailboxUsers = Map.copyOf(mailboxUsers);
        for (Map.Entry<String, String> e : mailboxUsers.entrySet()) {
            if (!consoleUsers.containsKey(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a console user (console.users): "
                        + "only a console user can be limited to a mailbox");
            }
            if (e.getValue().isBlank()) {
                throw new IllegalArgumentException("console user '" + e.getKey() + "' is mapped to an empty user name");
            }
        }
    }

    public ServerSettings(String host, int port, Optional<String> apiToken, Optional<String> metricsToken,
            Map<String, String> consoleUsers, Optional<Tls> tls) {
        this(host, port, apiToken, metricsToken, consoleUsers, tls, Map.of());
    }

    /** The defaults: 127.0.0.1:8750, no token, no console user, plain HTTP. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Map.of());
    }

    /** Splits {@code HOST:PORT} ({@code [::1]:8750} for IPv6). */
    public static ServerSettings listen(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected HOST:PORT, found '" + hostAndPort + "'");
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(hostAndPort.substring(colon + 1));
        return defaults().withListen(host, port);
    }

    public ServerSettings withListen(String host, int port) {
        return new ServerSettings(host, port, apiToken, metricsToken, consoleUsers, tls, mailboxUsers);
    }

    public ServerSettings withApiToken(String token) {
        return new ServerSettings(host, port, Optional.of(token), metricsToken, consoleUsers, tls, mailboxUsers);
    }

    public ServerSettings withMetricsToken(String token) {
        return new ServerSettings(host, port, apiToken, Optional.of(token), consoleUsers, tls, mailboxUsers);
    }

    public ServerSettings withConsoleUsers(Map<String, String> users) {
        return new ServerSettings(host, port, apiToken, metricsToken, users, tls, mailboxUsers);
    }

    public ServerSettings withTls(Tls tls) {
        return new ServerSettings(host, port, apiToken, metricsToken, consoleUsers, Optional.of(tls), mailboxUsers);
    }

    /** Limits console users to their own mailbox: console user -> hub user; the others are admins. */
    public ServerSettings withMailboxUsers(Map<String, String> users) {
        return new ServerSettings(host, port, apiToken, metricsToken, consoleUsers, tls, users);
    }

    /** Whether the agent serves HTTPS. */
    public boolean secure() {
        return tls.isPresent();
    }

    /** Secrets never reach logs: tokens and hashes are not shown. */
    @Override
    public String toString() {
        return "ServerSettings[" + host + ":" + port + ", api token " + (apiToken.isPresent() ? "set" : "not set")
                + ", metrics token " + (metricsToken.isPresent() ? "set" : "not set")
                + ", console users " + consoleUsers.keySet()
                + (mailboxUsers.isEmpty() ? "" : ", mailbox users " + mailboxUsers) + ", " + (secure() ? "TLS" : "plain HTTP") + "]";
    }

    /** A keystore (PKCS#12 or JKS) holding the server's key and certificate. */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[" + keystore + "]";
        }
    }
}
