package org.concord.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of one system, as written under {@code systems.NAME} in the config, with
 * {@code ${ENV}} references already resolved. Typed getters report a bad value as a
 * {@link ConfigException} naming the full key. Values are never printed: some are secrets.
 *
 * @param name the system's name (the key under {@code systems})
 * @param settings the system's keys, {@code connector} included
 * @param baseDir the directory relative paths are resolved against (the config file's)
 */
public record SystemConfig(String name, Map<String, Object> settings, Path baseDir) {

    public SystemConfig {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public String key(String key) {
        return "systems." + name + "." + key;
    }

    /** Fails on any key not in {@code known} (typos must not be silently ignored). */
    public void requireOnly(Set<String> known) throws ConfigException {
        Set<String> allowed = new TreeSet<>(known);
        allowed.add("connector");
        for (String k : settings.keySet()) {
            if (!allowed.contains(k)) {
                throw new ConfigException(key(k), "unknown key for a '" + settings.get("connector")
                        + "' system; known keys: " + String.join(", ", allowed));
            }
        }
    }

    public boolean has(String key) {
        return settings.get(key) != null;
    }

    public String string(String key) throws ConfigException {
        return optionalString(key).orElseThrow(() -> new ConfigException(key(key), "missing required value"));
    }

    public Optional<String> optionalString(String key) throws ConfigException {
        Object v = settings.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        throw new ConfigException(key(key), "expected a text value, found " + describe(v));
    }

    public String string(String key, String fallback) throws ConfigException {
        return optionalString(key).orElse(fallback);
    }

    public int integer(String key, int fallback) throws ConfigException {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigException(key(key), "expected a whole number, found " + describe(v));
    }

    public boolean bool(String key, boolean fallback) throws ConfigException {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(key(key), "expected true or false, found " + describe(v));
    }

    /** A duration written as {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT5S}). */
    public Duration duration(String key, Duration fallback) throws ConfigException {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        return parseDuration(key(key), v);
    }

    public static Duration parseDuration(String key, Object v) throws ConfigException {
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1).trim());
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ConfigException(key, "expected a duration such as 250ms, 5s, 2m or 1h, found '" + v + "'");
        }
    }

    /**
     * A size in bytes, written as a number of bytes or with a unit: {@code 512KB}, {@code 25MB},
     * {@code 1GB} (powers of 1024).
     */
    public long bytes(String key, long fallback) throws ConfigException {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] u : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}}) {
            if (s.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length());
                break;
            }
        }
        try {
            long n = Long.parseLong(s);
            if (n < 0 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new ConfigException(key(key), "expected a size such as 20MB, 512KB or 1048576, found '" + v + "'");
        }
    }

    /** A path; relative paths are resolved against the config file's directory. */
    public Path path(String key) throws ConfigException {
        return baseDir.resolve(string(key)).normalize();
    }

    public List<String> strings(String key) throws ConfigException {
        Object v = settings.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof Map || o instanceof List) {
                    throw new ConfigException(key(key), "expected a list of text values, found " + describe(o) + " in it");
                }
                out.add(String.valueOf(o));
            }
            return out;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        throw new ConfigException(key(key), "expected a list of text values, found " + describe(v));
    }

    /** A nested map such as a table mapping; its keys are reported as {@code systems.NAME.key.sub}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) throws ConfigException {
        Object v = settings.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ConfigException(key(key), "expected a map of keys, found " + describe(v));
    }

    private static String describe(Object v) {
        return switch (v) {
            case Map<?, ?> m -> "a map";
            case List<?> l -> "a list";
            case Boolean b -> "a true/false value";
            case Number n -> "a number";
            default -> "a text value";
        };
    }

    @Override
    public String toString() {
        return "SystemConfig[" + name + ", keys=" + settings.keySet() + "]";
    }
}
