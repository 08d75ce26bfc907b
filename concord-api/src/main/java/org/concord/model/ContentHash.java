package org.concord.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hashes of a canonical object's normalized content.
 *
 * <p>Normalization removes what servers change without a user asking: the modification stamps
 * ({@code updated}, PRODID, DTSTAMP, REV, LAST-MODIFIED), property order, and the ids of id-keyed
 * maps (a server that re-orders its EMAIL lines gives them new ids, yet nothing changed). Without
 * this, a server that reformats what we wrote would look like a user edit and bounce between
 * systems forever.
 */
record ContentHash(String content, Map<String, String> fields) {

    /**
     * Properties that never count as content. {@code sequence} is a revision counter and
     * {@code method} the iTIP transport (a CalDAV server strips METHOD on storage).
     */
    private static final Set<String> VOLATILE = Set.of("updated", "prodId", "@type", "version", "sequence", "method");

    /** Vendor/unknown native property names (in vCardProps / iCalProps) that servers stamp. */
    private static final Set<String> VOLATILE_NATIVE = Set.of("prodid", "rev", "dtstamp", "last-modified", "sequence");

    /** Maps whose keys are arbitrary ids: hashed as a multiset of their values. */
    private static final Set<String> ID_KEYED = Set.of(
            "emails", "phones", "addresses", "onlineServices", "preferredLanguages", "calendars",
            "schedulingAddresses", "cryptoKeys", "directories", "links", "media", "notes", "personalInfo",
            "nicknames", "organizations", "titles", "anniversaries", "members", "keywordsList",
            "participants", "alerts", "locations", "virtualLocations", "components", "units",
            "relatedTo", "speakToAs");

    /** Arrays of native properties carried through; their order carries no meaning. */
    private static final Set<String> UNORDERED_ARRAYS = Set.of("vCardProps", "iCalProps", "iCalCalendarProps", "categories");

    /**
     * Maps of JSCalendar patch objects: there a null member means "removed in this instance" and
     * must count, unlike elsewhere where null is the same as absent.
     */
    private static final Set<String> PATCH_MAPS = Set.of("recurrenceOverrides");

    static ContentHash of(ObjectNode json) {
        Map<String, String> fields = new TreeMap<>();
        json.fields().forEachRemaining(e -> {
            if (!VOLATILE.contains(e.getKey()) && !e.getValue().isNull()) {
                fields.put(e.getKey(), sha256(normalize(e.getKey(), e.getValue())));
            }
        });
        StringBuilder all = new StringBuilder();
        fields.forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        return new ContentHash(sha256(all.toString()), Collections.unmodifiableMap(fields));
    }

    private static String normalize(String name, JsonNode value) {
        if (value.isObject() && ID_KEYED.contains(name) && !"components".equals(name)) {
            List<String> values = new ArrayList<>();
            value.fields().forEachRemaining(e -> values.add(normalize(e.getKey(), e.getValue())));
            Collections.sort(values);
            return "{#" + String.join(",", values) + "}";
        }
        if (value.isArray() && UNORDERED_ARRAYS.contains(name)) {
            List<String> values = new ArrayList<>();
            for (JsonNode element : value) {
                if (!isVolatileNative(element)) {
                    values.add(isCarriedComponent(element) ? normalizeComponent(element) : normalize("", element));
                }
            }
            Collections.sort(values);
            return "[#" + String.join(",", values) + "]";
        }
        if (value.isObject() && PATCH_MAPS.contains(name)) {
            TreeMap<String, String> sorted = new TreeMap<>();
            value.fields().forEachRemaining(e -> sorted.put(e.getKey(), normalizePatch(e.getValue())));
            StringBuilder b = new StringBuilder("{");
            sorted.forEach((k, v) -> b.append(quote(k)).append(':').append(v).append(','));
            return b.append('}').toString();
        }
        if (value.isObject()) {
            TreeMap<String, String> sorted = new TreeMap<>();
            value.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull() && !VOLATILE.contains(e.getKey())) {
                    sorted.put(e.getKey(), normalize(e.getKey(), e.getValue()));
                }
            });
            StringBuilder b = new StringBuilder("{");
            sorted.forEach((k, v) -> b.append(quote(k)).append(':').append(v).append(','));
            return b.append('}').toString();
        }
        if (value.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (JsonNode element : value) {
                b.append(normalize("", element)).append(',');
            }
            return b.append(']').toString();
        }
        if (value.isTextual()) {
            return quote(value.asText());
        }
        return value.toString();
    }

    private static String normalizePatch(JsonNode patch) {
        if (!patch.isObject()) {
            return normalize("", patch);
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        patch.fields().forEachRemaining(e -> {
            if (!VOLATILE.contains(e.getKey())) {
                sorted.put(e.getKey(), e.getValue().isNull() ? "null" : normalize(e.getKey(), e.getValue()));
            }
        });
        StringBuilder b = new StringBuilder("{");
        sorted.forEach((k, v) -> b.append(quote(k)).append(':').append(v).append(','));
        return b.append('}').toString();
    }

    /**
     * A carried native component (an unknown VALARM, an X- component) looks like
     * {@code ["valarm", [properties…], [components…]]}; the order of its lines carries no meaning.
     */
    private static boolean isCarriedComponent(JsonNode element) {
        return element.isArray() && element.size() >= 2 && element.get(0).isTextual() && element.get(1).isArray();
    }

    private static String normalizeComponent(JsonNode element) {
        StringBuilder b = new StringBuilder("<").append(quote(element.get(0).asText().toLowerCase(Locale.ROOT)));
        for (int i = 1; i < element.size(); i++) {
            b.append(',').append(normalize("iCalProps", element.get(i)));
        }
        return b.append('>').toString();
    }

    /** A carried native property looks like {@code ["name", {params}, "type", value…]} (jCard / jCal). */
    private static boolean isVolatileNative(JsonNode element) {
        return element.isArray() && element.size() > 0 && element.get(0).isTextual()
                && VOLATILE_NATIVE.contains(element.get(0).asText().toLowerCase(Locale.ROOT));
    }

    /** {@code s} in double quotes, with backslashes and double quotes escaped by a backslash. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                b.append(s, plain, i).append('\\').append(c);
                plain = i + 1;
            }
        }
        return b.append(s, plain, s.length()).append('"').toString();
    }

    private static String sha256(String s) {
        MessageDigest digest = newDigest();
        return HexFormat.of().formatHex(java.util.Arrays.copyOf(digest.digest(s.getBytes(StandardCharsets.UTF_8)), 16));
    }

    /**
     * A fresh SHA-256 digest. A payload hashes each of its fields, and a provider lookup per
     * digest cost more than the hashing; copying a prototype does not look anything up.
     */
    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return Sha256.lookUp();
        }
    }

    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = lookUp();

        static MessageDigest lookUp() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }
}
