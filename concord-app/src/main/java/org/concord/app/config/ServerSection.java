package org.concord.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.concord.server.PasswordHash;
import org.concord.server.ServerSettings;
import org.concord.spi.ConfigException;

/**
 * The config keys of the admin server: {@code api} (the admin token, a metrics token),
 * {@code console} (users and their password hashes) and {@code tls} (keystore and password),
 * beside {@code listen}. Secrets come from {@code ${ENV}} references and never appear in a message.
 *
 * <pre>
 * api:
 *   token: ${CONCORD_API_TOKEN}
 *   metrics-token: ${CONCORD_METRICS_TOKEN}   # optional: may read /metrics only
 * console:
 *   users:
 *     admin: pbkdf2-sha256$600000$…           # printed by 'concord hash-password'
 *     alice: pbkdf2-sha256$600000$…
 *   mailbox-users:                            # optional: these console users are not admins;
 *     alice: alice                            # each sees and archives this hub user's mail only
 * tls:
 *   keystore: state/concord.p12               # PKCS#12 or JKS, relative to the config file
 *   password: ${CONCORD_TLS_PASSWORD}
 * </pre>
 */
final class ServerSection {
    static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]*");

    /** Replaces {@code ${ENV}} references in a value (the loader's own resolver). */
    @FunctionalInterface
    interface Resolver {
        Object resolve(String key, Object value) throws ConfigException;
    }

    private ServerSection() {}

    static ServerSettings parse(Map<String, Object> root, String listen, Path base, Resolver resolver) throws ConfigException {
        ServerSettings s = ServerSettings.listen(listen);
        Map<String, Object> api = section(root, "api", Set.of("token", "metrics-token"));
        Optional<String> token = token("api.token", api.get("token"), resolver);
        Optional<String> metricsToken = token("api.metrics-token", api.get("metrics-token"), resolver);
        if (token.isPresent() && token.equals(metricsToken)) {
            throw new ConfigException("api.metrics-token", "must differ from api.token (it may read /metrics only)");
        }
        Map<String, Object> console = section(root, "console", Set.of("users", "mailbox-users"));
        Map<String, String> users = users(console.get("users"), resolver);
        Map<String, String> mailboxUsers = mailboxUsers(console.get("mailbox-users"), users, resolver);
        Optional<ServerSettings.Tls> tls = tls(section(root, "tls", Set.of("keystore", "password")), base, resolver);
        return new ServerSettings(s.host(), s.port(), token, metricsToken, users, tls, mailboxUsers);
    }

    private static Map<String, Object> section(Map<String, Object> root, String key, Set<String> known) throws ConfigException {
        Object node = root.get(key);
        if (node == null) {
            return Map.of();
        }
        Map<String, Object> m = map(key, node);
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new ConfigException(key + "." + k, "unknown key; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return m;
    }

    private static Optional<String> token(String key, Object node, Resolver resolver) throws ConfigException {
        Optional<String> value = text(key, node, resolver).map(String::strip).filter(t -> !t.isEmpty());
        if (value.isPresent() && value.get().length() < MIN_TOKEN_LENGTH) {
            throw new ConfigException(key, "too short (" + value.get().length() + " characters): use at least "
                    + MIN_TOKEN_LENGTH + " random characters, e.g. from 'openssl rand -hex 24'");
        }
        return value;
    }

    private static Map<String, String> users(Object node, Resolver resolver) throws ConfigException {
        if (node == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map("console.users", node).entrySet()) {
            String key = "console.users." + e.getKey();
            if (!USER.matcher(e.getKey()).matches()) {
                throw new ConfigException(key, "a user name uses letters, digits, '.', '_', '@' and '-'");
            }
            String hash = text(key, e.getValue(), resolver).orElseThrow(() ->
                    new ConfigException(key, "missing the password hash; make one with 'concord hash-password'"));
            try {
                PasswordHash.check(hash);
            } catch (IllegalArgumentException bad) {
                throw new ConfigException(key, bad.getMessage());
            }
            out.put(e.getKey(), hash.strip());
        }
        return out;
    }

    /** Console user -> the hub user whose mail alone they may see and archive; the others are admins. */
    private static Map<String, String> mailboxUsers(Object node, Map<String, String> consoleUsers, Resolver resolver)
            throws ConfigException {
        if (node == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map("console.mailbox-users", node).entrySet()) {
            String key = "console.mailbox-users." + e.getKey();
            if (!consoleUsers.containsKey(e.getKey())) {
                throw new ConfigException(key, "'" + e.getKey() + "' is not a console user; console users: "
                        + (consoleUsers.isEmpty() ? "none" : String.join(", ", new TreeSet<>(consoleUsers.keySet()))));
            }
            String user = text(key, e.getValue(), resolver).map(String::strip).orElse("");
            if (user.isEmpty() || !USER.matcher(user).matches()) {
                throw new ConfigException(key, "give the user whose mail this console user may archive (a user name of "
                        + "letters, digits, '.', '_', '@' and '-', as in the user map)");
            }
            out.put(e.getKey(), user);
        }
        return out;
    }

    private static Optional<ServerSettings.Tls> tls(Map<String, Object> m, Path base, Resolver resolver) throws ConfigException {
        if (m.isEmpty()) {
            return Optional.empty();
        }
        String path = text("tls.keystore", m.get("keystore"), resolver).orElseThrow(() ->
                new ConfigException("tls.keystore", "missing: the PKCS#12 or JKS file with the server's key and certificate"));
        String password = text("tls.password", m.get("password"), resolver).orElseThrow(() ->
                new ConfigException("tls.password", "missing: the keystore's password (e.g. ${CONCORD_TLS_PASSWORD})"));
        Path file = base.resolve(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException("tls.keystore", "no readable file " + file);
        }
        KeyStore ks;
        try {
            ks = KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("tls.password", "does not open " + file
                    + " (a wrong password, or not a PKCS#12 or JKS keystore)");
        }
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new ConfigException("tls.keystore", file + " holds no private key");
            }
        } catch (java.security.KeyStoreException e) {
            throw new ConfigException("tls.keystore", file + " cannot be read: " + e.getMessage());
        }
        return Optional.of(new ServerSettings.Tls(file, password));
    }

    private static Optional<String> text(String key, Object node, Resolver resolver) throws ConfigException {
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof String || node instanceof Number)) {
            throw new ConfigException(key, "expected a text value");
        }
        return Optional.of(resolver.resolve(key, node.toString()).toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String key, Object node) throws ConfigException {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new ConfigException(key, "expected a map of keys");
    }
}
