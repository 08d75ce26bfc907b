package org.concord.connector.dav;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.connector.dav.http.Account;
import org.concord.model.ItemType;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/** The validated {@code dav} settings of one system. Parsing touches no network. */
record DavSettings(
        String system,
        URI url,
        List<String> users,
        Map<String, Account> accounts,
        Optional<String> principal,
        Set<ItemType> types,
        Map<ItemType, String> collections,
        boolean createCollections,
        FeedMode feed,
        VCardFlavor vcardVersion,
        Duration pollInterval,
        Duration connectTimeout,
        Duration readTimeout,
        boolean tlsVerify,
        long maxResponseBytes,
        long maxItemBytes,
        int multigetBatch) {

    static final Set<String> KEYS = Set.of("url", "username", "password", "users", "accounts", "principal", "types",
            "collections", "create-collections", "feed", "vcard-version", "poll-interval", "connect-timeout",
            "read-timeout", "tls-verify", "max-response-size", "max-item-size", "multiget-batch");

    /** How changes are detected. */
    enum FeedMode {
        /** RFC 6578 sync-collection where the collection offers it, else ctag and etag listing. */
        AUTO("auto"),
        /** Always sync-collection. */
        SYNC_COLLECTION("sync-collection"),
        /** Never sync-collection: getctag to skip unchanged collections, then a getetag listing. */
        ETAG_LISTING("etag-listing");

        final String code;

        FeedMode(String code) {
            this.code = code;
        }
    }

    /** The vCard version written; any version is read. */
    enum VCardFlavor {
        V3("3.0"),
        V4("4.0");

        final String code;

        VCardFlavor(String code) {
            this.code = code;
        }
    }

    static DavSettings parse(SystemConfig c) throws ConfigException {
        c.requireOnly(KEYS);
        URI url = parseUrl(c);
        Optional<String> username = c.optionalString("username");
        String password = c.string("password", "");
        List<String> users = c.strings("users");
        if (users.isEmpty()) {
            users = List.of(username.orElseThrow(() ->
                    new ConfigException(c.key("users"), "missing: name the users to sync, or set username")));
        }
        for (String u : users) {
            if (u.isBlank() || u.contains("/")) {
                throw new ConfigException(c.key("users"), "'" + u + "' is not a user name");
            }
        }
        Map<String, Object> accountSettings = c.map("accounts");
        for (String key : accountSettings.keySet()) {
            if (!users.contains(key)) {
                throw new ConfigException(c.key("accounts." + key), "not one of the users to sync: " + users);
            }
        }
        Optional<String> principal = c.optionalString("principal");
        Map<ItemType, String> collections = parseCollections(c);
        Set<ItemType> types = parseTypes(c);
        for (ItemType t : collections.keySet()) {
            if (!types.contains(t)) {
                throw new ConfigException(c.key("collections." + t.code()), "type " + t.code() + " is not in types " + codes(types));
            }
        }
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (String user : users) {
            Object own = accountSettings.get(user);
            if (own != null) {
                accounts.put(user, parseAccount(c, user, own));
                continue;
            }
            String service = username.orElseThrow(() -> new ConfigException(c.key("accounts." + user),
                    "missing: user " + user + " has no account and no username is set"));
            if (!service.equals(user) && principal.isEmpty() && !allPathsPerUser(types, collections)) {
                throw new ConfigException(c.key("users"), "user " + user + " is synced through account " + service
                        + ": set principal (e.g. /principals/{user}/) or a collection path with {user} for every type");
            }
            accounts.put(user, new Account(service, password));
        }
        String feedCode = c.string("feed", FeedMode.AUTO.code);
        FeedMode feed = List.of(FeedMode.values()).stream().filter(f -> f.code.equals(feedCode)).findFirst()
                .orElseThrow(() -> new ConfigException(c.key("feed"), "expected auto, sync-collection or etag-listing, found '" + feedCode + "'"));
        String vcard = c.string("vcard-version", "3.0");
        VCardFlavor flavor = switch (vcard) {
            case "3.0", "3" -> VCardFlavor.V3;
            case "4.0", "4" -> VCardFlavor.V4;
            default -> throw new ConfigException(c.key("vcard-version"), "expected 3.0 or 4.0, found '" + vcard + "'");
        };
        Duration poll = c.duration("poll-interval", Duration.ofSeconds(5));
        if (poll.toMillis() < 50) {
            throw new ConfigException(c.key("poll-interval"), "must be at least 50ms");
        }
        int batch = c.integer("multiget-batch", 100);
        if (batch < 1 || batch > 1000) {
            throw new ConfigException(c.key("multiget-batch"), "must be between 1 and 1000, found " + batch);
        }
        return new DavSettings(c.name(), url, List.copyOf(users), Map.copyOf(accounts), principal, types,
                Map.copyOf(collections), c.bool("create-collections", false), feed, flavor, poll,
                positive(c, "connect-timeout", Duration.ofSeconds(10)), positive(c, "read-timeout", Duration.ofSeconds(60)),
                c.bool("tls-verify", true), size(c, "max-response-size", 64L << 20), size(c, "max-item-size", 4L << 20),
                batch);
    }

    Account account(String user) {
        return accounts.get(user);
    }

    private static URI parseUrl(SystemConfig c) throws ConfigException {
        String text = c.string("url");
        try {
            URI u = new URI(text.endsWith("/") ? text : text + "/");
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new ConfigException(c.key("url"), "expected an http:// or https:// URL with a host");
            }
            if (u.getUserInfo() != null) {
                throw new ConfigException(c.key("url"), "put credentials in username and password, not in the URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ConfigException(c.key("url"), "not a URL: " + e.getReason());
        }
    }

    private static Account parseAccount(SystemConfig c, String user, Object value) throws ConfigException {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(c.key("accounts." + user), "expected a map with username and password");
        }
        for (Object k : m.keySet()) {
            if (!"username".equals(k) && !"password".equals(k)) {
                throw new ConfigException(c.key("accounts." + user + "." + k), "unknown key; known keys: password, username");
            }
        }
        Object name = m.get("username");
        Object password = m.get("password");
        if (password != null && !(password instanceof String)) {
            throw new ConfigException(c.key("accounts." + user + ".password"), "expected a text value");
        }
        return new Account(name == null ? user : name.toString(), password == null ? "" : (String) password);
    }

    private static Set<ItemType> parseTypes(SystemConfig c) throws ConfigException {
        List<String> codes = c.strings("types");
        if (codes.isEmpty()) {
            return EnumSet.of(ItemType.CONTACT, ItemType.EVENT);
        }
        Set<ItemType> types = EnumSet.noneOf(ItemType.class);
        for (String code : codes) {
            types.add(ItemType.byCode(code).orElseThrow(() -> new ConfigException(c.key("types"),
                    "unknown type '" + code + "'; known: contact, event, task, note")));
        }
        return types;
    }

    private static Map<ItemType, String> parseCollections(SystemConfig c) throws ConfigException {
        Map<ItemType, String> out = new EnumMap<>(ItemType.class);
        for (Map.Entry<String, Object> e : c.map("collections").entrySet()) {
            ItemType type = ItemType.byCode(e.getKey()).orElseThrow(() -> new ConfigException(c.key("collections." + e.getKey()),
                    "unknown type; known: contact, event, task, note"));
            if (!(e.getValue() instanceof String s) || s.isBlank()) {
                throw new ConfigException(c.key("collections." + e.getKey()), "expected a collection name or path");
            }
            out.put(type, s);
        }
        return out;
    }

    private static boolean allPathsPerUser(Set<ItemType> types, Map<ItemType, String> collections) {
        return types.stream().allMatch(t -> {
            String spec = collections.get(t);
            return spec != null && CollectionSpec.isPath(spec) && spec.contains("{user}");
        });
    }

    private static Duration positive(SystemConfig c, String key, Duration fallback) throws ConfigException {
        Duration d = c.duration(key, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(c.key(key), "must be positive");
        }
        return d;
    }

    /** A size written as a number of bytes or with a unit: 512KB, 4MB, 1GB (powers of 1024). */
    static long size(SystemConfig c, String key, long fallback) throws ConfigException {
        Optional<String> text = c.optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        String s = text.get().trim().toUpperCase(Locale.ROOT).replace("IB", "B");
        long unit = 1;
        for (String[] u : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}}) {
            if (s.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            long n = Long.parseLong(s) * unit;
            if (n < 1024) {
                throw new ConfigException(c.key(key), "must be at least 1KB");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(c.key(key), "expected a size such as 4MB or 512KB, found '" + text.get() + "'");
        }
    }

    private static List<String> codes(Set<ItemType> types) {
        List<String> codes = new ArrayList<>();
        types.forEach(t -> codes.add(t.code()));
        return codes;
    }
}
