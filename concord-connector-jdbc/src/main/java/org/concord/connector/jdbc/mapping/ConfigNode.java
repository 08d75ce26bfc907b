package org.concord.connector.jdbc.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.concord.spi.ConfigException;

/** A nested map of the config with the full dotted key it sits under, so every problem names its key. */
final class ConfigNode {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String key;
    private final Map<String, Object> values;

    ConfigNode(String key, Map<String, Object> values) {
        this.key = key;
        this.values = values;
    }

    String key() {
        return key;
    }

    String key(String sub) {
        return key + "." + sub;
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String sub) {
        return values.get(sub) != null;
    }

    void requireOnly(String... known) throws ConfigException {
        Set<String> allowed = new TreeSet<>(List.of(known));
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw new ConfigException(key(k), "unknown key; known keys here: " + String.join(", ", allowed));
            }
        }
    }

    Optional<String> optionalText(String sub) throws ConfigException {
        Object v = values.get(sub);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        throw new ConfigException(key(sub), "expected a text value, found " + describe(v));
    }

    String text(String sub) throws ConfigException {
        return optionalText(sub).orElseThrow(() -> new ConfigException(key(sub), "missing required value"));
    }

    Optional<String> optionalIdentifier(String sub) throws ConfigException {
        Optional<String> v = optionalText(sub);
        if (v.isPresent()) {
            checkIdentifier(key(sub), v.get());
        }
        return v;
    }

    String identifier(String sub) throws ConfigException {
        String v = text(sub);
        checkIdentifier(key(sub), v);
        return v;
    }

    static String checkIdentifier(String key, String name) throws ConfigException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new ConfigException(key, "'" + name + "' is not a plain SQL name (letters, digits, _; at most 63)");
        }
        return name;
    }

    boolean bool(String sub, boolean fallback) throws ConfigException {
        Object v = values.get(sub);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(key(sub), "expected true or false, found " + describe(v));
    }

    Object raw(String sub) {
        return values.get(sub);
    }

    @SuppressWarnings("unchecked")
    Optional<ConfigNode> optionalMap(String sub) throws ConfigException {
        Object v = values.get(sub);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw new ConfigException(key(sub), "keys must be text, found " + describe(k));
                }
            }
            return Optional.of(new ConfigNode(key(sub), (Map<String, Object>) m));
        }
        throw new ConfigException(key(sub), "expected a map of keys, found " + describe(v));
    }

    ConfigNode map(String sub) throws ConfigException {
        return optionalMap(sub).orElseThrow(() -> new ConfigException(key(sub), "missing required map"));
    }

    /** Every entry of a map whose values must all be maps. */
    List<ConfigNode> children() throws ConfigException {
        List<ConfigNode> out = new ArrayList<>();
        for (String k : values.keySet()) {
            out.add(optionalMap(k).orElseThrow(() -> new ConfigException(key(k), "expected a map of keys, found nothing")));
        }
        return out;
    }

    /** The last segment of this node's key: the name of a map entry. */
    String name() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** A map of plain values (column → value), each checked to be text, number or true/false. */
    Map<String, Object> scalars(String sub) throws ConfigException {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<ConfigNode> node = optionalMap(sub);
        if (node.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Object> e : node.get().values.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map || v instanceof List) {
                throw new ConfigException(node.get().key(e.getKey()), "expected a plain value, found " + describe(v));
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    static String describe(Object v) {
        return switch (v) {
            case null -> "nothing";
            case Map<?, ?> m -> "a map";
            case List<?> l -> "a list";
            case Boolean b -> "a true/false value";
            case Number n -> "a number";
            default -> "a text value";
        };
    }
}
