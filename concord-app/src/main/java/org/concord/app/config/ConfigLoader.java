package org.concord.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.engine.ConflictPolicy;
import org.concord.engine.ConflictSettings;
import org.concord.engine.UserMap;
import org.concord.server.ServerSettings;
import org.concord.model.ItemType;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * Reads and validates the config file. Unknown keys, wrong types and missing values are errors
 * naming the file and the dotted key; {@code ${NAME}} in a value is replaced by the environment
 * variable NAME, so secrets stay out of the file (and are never printed).
 */
public final class ConfigLoader {
    private static final Set<String> TOP_LEVEL = Set.of("store", "listen", "systems", "conflicts", "users", "watchdog", "notify",
            "guards", "api", "console", "tls");
    private static final Set<String> ENGINE_SYSTEM_KEYS = Set.of("connector", "poll-interval", "conflicts");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public static final String DEFAULT_STORE = "state/concord.db";
    public static final String DEFAULT_LISTEN = "127.0.0.1:8750";

    private final Function<String, String> env;

    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    public ConfigLoader() {
        this(System::getenv);
    }

    public Config load(Path file) throws ConfigFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(file, "no such file (give one with -c FILE, or run 'concord demo' for an example)");
        } catch (IOException e) {
            throw new ConfigFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        Object tree;
        try {
            tree = YamlTree.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ConfigFileException(file, where + "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        try {
            return parse(file, tree);
        } catch (ConfigException e) {
            throw new ConfigFileException(file, e.getMessage(), e);
        }
    }

    private Config parse(Path file, Object tree) throws ConfigException {
        if (tree == null) {
            throw new ConfigException("(top)", "the file is empty; it needs at least 'systems:'");
        }
        Map<String, Object> root = asMap("(top)", tree);
        unknownKeys("", root, TOP_LEVEL);
        String store = text("store", root.get("store")).orElse(DEFAULT_STORE);
        String listen = text("listen", root.get("listen")).orElse(DEFAULT_LISTEN);
        checkListen(listen);

        Object systemsNode = root.get("systems");
        if (systemsNode == null) {
            throw new ConfigException("systems", "missing: declare at least two systems to sync");
        }
        Map<String, Object> systemsMap = asMap("systems", systemsNode);
        if (systemsMap.isEmpty()) {
            throw new ConfigException("systems", "no systems declared");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Config.SystemEntry> systems = new ArrayList<>();
        for (Map.Entry<String, Object> e : systemsMap.entrySet()) {
            systems.add(system(e.getKey(), e.getValue(), base));
        }

        ConflictSettings conflicts = conflicts(root.get("conflicts"), systemsMap);
        UserMap users = users(root.get("users"), systemsMap.keySet());
        NotifyConfig notify = NotifyConfig.read(resolve("watchdog", root.get("watchdog")), resolve("notify", root.get("notify")));
        ServerSettings server = ServerSection.parse(root, listen, base, this::resolve);
        return new Config(file, store, listen, systems, conflicts, users, notify, server, guards(root.get("guards")));
    }

    private Config.SystemEntry system(String name, Object node, Path base) throws ConfigException {
        String key = "systems." + name;
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(key, "a system name uses letters, digits, '.', '_' and '-'");
        }
        Map<String, Object> raw = asMap(key, node);
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            resolved.put(e.getKey(), resolve(key + "." + e.getKey(), e.getValue()));
        }
        String connector = text(key + ".connector", resolved.get("connector"))
                .orElseThrow(() -> new ConfigException(key + ".connector", "missing: which connector serves this system (vdir, dav, jdbc, remote, …)"));
        Duration poll = resolved.get("poll-interval") == null
                ? Duration.ofSeconds(1)
                : SystemConfig.parseDuration(key + ".poll-interval", resolved.get("poll-interval"));
        if (poll.isNegative() || poll.isZero()) {
            throw new ConfigException(key + ".poll-interval", "must be positive");
        }
        Map<String, Object> connectorSettings = new LinkedHashMap<>(resolved);
        ENGINE_SYSTEM_KEYS.stream().filter(k -> !k.equals("connector")).forEach(connectorSettings::remove);
        return new Config.SystemEntry(name, connector, poll, new SystemConfig(name, connectorSettings, base));
    }

    private ConflictSettings conflicts(Object node, Map<String, Object> systemsMap) throws ConfigException {
        Set<String> systems = systemsMap.keySet();
        Map<String, Object> m = node == null ? Map.of() : asMap("conflicts", node);
        unknownKeys("conflicts.", m, Set.of("policy", "fallback", "duplicates-to", "types"));
        ConflictPolicy policy = policy("conflicts.policy", m.get("policy"), systems).orElse(ConflictPolicy.DUPLICATE);
        ConflictPolicy fallback = policy("conflicts.fallback", m.get("fallback"), systems).orElse(ConflictPolicy.DUPLICATE);
        if (fallback instanceof ConflictPolicy.Merge) {
            throw new ConfigException("conflicts.fallback", "merge cannot be the fallback of merge; use duplicate, newest, prefer:SYSTEM or manual");
        }
        Optional<String> duplicatesTo = text("conflicts.duplicates-to", m.get("duplicates-to"));
        if (duplicatesTo.isPresent() && !systems.contains(duplicatesTo.get())) {
            throw new ConfigException("conflicts.duplicates-to", "no system named '" + duplicatesTo.get()
                    + "'; systems: " + String.join(", ", systems));
        }
        Map<ItemType, ConflictPolicy> perType = new LinkedHashMap<>();
        if (m.get("types") != null) {
            for (Map.Entry<String, Object> e : asMap("conflicts.types", m.get("types")).entrySet()) {
                String key = "conflicts.types." + e.getKey();
                ItemType type = ItemType.byCode(e.getKey()).orElseThrow(() -> new ConfigException(key,
                        "unknown type; types are contact, event, task, note"));
                perType.put(type, policy(key, e.getValue(), systems).orElseThrow(() -> new ConfigException(key, "missing the policy")));
            }
        }
        Map<String, ConflictPolicy> perSystem = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : systemsMap.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sys && sys.get("conflicts") != null) {
                String key = "systems." + e.getKey() + ".conflicts";
                perSystem.put(e.getKey(), policy(key, sys.get("conflicts"), systems).orElseThrow());
            }
        }
        return new ConflictSettings(policy, fallback, duplicatesTo, perSystem, perType);
    }

    private org.concord.engine.Guards guards(Object node) throws ConfigException {
        org.concord.engine.Guards d = org.concord.engine.Guards.defaults();
        if (node == null) {
            return d;
        }
        Map<String, Object> m = asMap("guards", node);
        unknownKeys("guards.", m, Set.of("max-delete-share", "min-deletes"));
        double share = d.maxDeleteShare();
        Optional<String> shareText = text("guards.max-delete-share", m.get("max-delete-share"));
        if (shareText.isPresent()) {
            String t = shareText.get().trim();
            try {
                share = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new ConfigException("guards.max-delete-share", "expected a share such as 50% or 0.5, found '" + t + "'");
            }
            if (share <= 0 || share > 1) {
                throw new ConfigException("guards.max-delete-share", "must be more than 0% and at most 100%, found '" + t + "'");
            }
        }
        int min = d.minDeletes();
        Optional<String> minText = text("guards.min-deletes", m.get("min-deletes"));
        if (minText.isPresent()) {
            try {
                min = Integer.parseInt(minText.get().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("guards.min-deletes", "expected a whole number, found '" + minText.get() + "'");
            }
            if (min < 1) {
                throw new ConfigException("guards.min-deletes", "must be at least 1");
            }
        }
        return new org.concord.engine.Guards(share, min, d.lookahead());
    }

    private Optional<ConflictPolicy> policy(String key, Object node, Set<String> systems) throws ConfigException {
        Optional<String> text = text(key, node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        ConflictPolicy p;
        try {
            p = ConflictPolicy.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
        if (p instanceof ConflictPolicy.Prefer prefer && !systems.contains(prefer.system())) {
            throw new ConfigException(key, "prefer:" + prefer.system() + " names no system; systems: " + String.join(", ", systems));
        }
        return Optional.of(p);
    }

    private UserMap users(Object node, Set<String> systems) throws ConfigException {
        if (node == null) {
            return UserMap.identity();
        }
        Map<String, Object> m = asMap("users", node);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = "users." + e.getKey();
            Map<String, Object> perSystem = asMap(key, e.getValue());
            Map<String, String> names = new LinkedHashMap<>();
            for (Map.Entry<String, Object> s : perSystem.entrySet()) {
                if (!systems.contains(s.getKey())) {
                    throw new ConfigException(key + "." + s.getKey(), "no system named '" + s.getKey()
                            + "'; systems: " + String.join(", ", systems));
                }
                names.put(s.getKey(), text(key + "." + s.getKey(), s.getValue()).orElseThrow(() ->
                        new ConfigException(key + "." + s.getKey(), "missing the user's name in that system")));
            }
            out.put(e.getKey(), names);
        }
        // Two canonical users mapped to one native name would merge two people's data.
        Map<String, String> seen = new LinkedHashMap<>();
        for (var e : out.entrySet()) {
            for (var s : e.getValue().entrySet()) {
                String prior = seen.put(s.getKey() + "/" + s.getValue(), e.getKey());
                if (prior != null) {
                    throw new ConfigException("users." + e.getKey() + "." + s.getKey(), "'" + s.getValue()
                            + "' in " + s.getKey() + " is already the name of user '" + prior + "'");
                }
            }
        }
        return new UserMap(out);
    }

    private static void checkListen(String listen) throws ConfigException {
        int colon = listen.lastIndexOf(':');
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (colon <= 0 || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new ConfigException("listen", "expected HOST:PORT such as 127.0.0.1:8750, found '" + listen + "'");
        }
    }

    /** Replaces ${NAME} (and ${NAME:-default}) in every text value of a subtree. */
    private Object resolve(String key, Object value) throws ConfigException {
        if (value instanceof String s) {
            Matcher m = ENV.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = env.apply(m.group(1));
                if (v == null) {
                    if (m.group(2) == null) {
                        throw new ConfigException(key, "environment variable " + m.group(1) + " is not set");
                    }
                    v = m.group(2);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), resolve(key + "." + e.getKey(), e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(resolve(key + "[" + i + "]", list.get(i)));
            }
            return out;
        }
        return value;
    }

    private static void unknownKeys(String prefix, Map<String, Object> m, Set<String> known) throws ConfigException {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new ConfigException(prefix + k, "unknown key; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String key, Object node) throws ConfigException {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new ConfigException(key, "expected a map of keys, found " + kind(node));
    }

    private Optional<String> text(String key, Object node) throws ConfigException {
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            Object v = resolve(key, node.toString());
            return Optional.of(v.toString());
        }
        throw new ConfigException(key, "expected a text value, found " + kind(node));
    }

    private static String kind(Object node) {
        return switch (node) {
            case null -> "nothing";
            case Map<?, ?> m -> "a map";
            case List<?> l -> "a list";
            default -> "a " + (node instanceof String ? "text" : "scalar") + " value";
        };
    }
}
