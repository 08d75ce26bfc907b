package org.concord.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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

    /** What a member's name makes of it; one look-up per member instead of one per set. */
    private enum Role { PLAIN, VOLATILE, ID_KEYED, UNORDERED, PATCHES }

    private static final Map<String, Role> ROLES = roles();

    private static Map<String, Role> roles() {
        Map<String, Role> roles = new HashMap<>();
        VOLATILE.forEach(n -> roles.put(n, Role.VOLATILE));
        // "components" is listed as id-keyed but its objects never were hashed as such
        ID_KEYED.stream().filter(n -> !n.equals("components")).forEach(n -> roles.put(n, Role.ID_KEYED));
        UNORDERED_ARRAYS.forEach(n -> roles.put(n, Role.UNORDERED));
        PATCH_MAPS.forEach(n -> roles.put(n, Role.PATCHES));
        return roles;
    }

    private static Role role(String name) {
        return ROLES.getOrDefault(name, Role.PLAIN);
    }

    /** Orders an object's members as a {@code TreeMap} of their names would. */
    private static final Comparator<Map.Entry<String, JsonNode>> BY_NAME = Map.Entry.comparingByKey();

    static ContentHash of(ObjectNode json) {
        Digest digest = new Digest();
        Map<String, String> fields = new TreeMap<>();
        StringBuilder text = new StringBuilder(512);
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            Role role = role(e.getKey());
            if (role != Role.VOLATILE && !(e.getValue() instanceof NullNode)) {
                text.setLength(0);
                normalize(role, e.getValue(), text);
                fields.put(e.getKey(), digest.hex(text));
            }
        }
        text.setLength(0);
        fields.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        // immutable as it is, so that a link keeping these hashes need not copy them
        return new ContentHash(digest.hex(text), Map.copyOf(fields));
    }

    /*
     * The normalized text is appended to one builder per field rather than built from the strings
     * of its parts: only the members of id-keyed maps and unordered arrays need strings of their
     * own, to be sorted. The text itself never changes, since hashes of it are stored in links.
     */

    // Node kinds are told apart by class, which the JIT checks faster than the virtual isObject(),
    // isNull() and so on; each kind has exactly one node class in Jackson.

    /** @param role what the name of the member holding {@code value} makes of it */
    private static void normalize(Role role, JsonNode value, StringBuilder out) {
        if (value instanceof ObjectNode) {
            if (role == Role.ID_KEYED) {
                idKeyed(value, out);
            } else if (role == Role.PATCHES) {
                patchMap(value, out);
            } else {
                object(value, out);
            }
        } else if (value instanceof ArrayNode) {
            if (role == Role.UNORDERED) {
                unordered(value, out);
            } else {
                out.append('[');
                for (JsonNode element : value) {
                    normalize(Role.PLAIN, element, out);
                    out.append(',');
                }
                out.append(']');
            }
        } else if (value instanceof TextNode) {
            quote(value.textValue(), out);
        } else {
            scalar(value, out);
        }
    }

    /** A map keyed by ids: the multiset of its values (every member counts, null ones too). */
    private static void idKeyed(JsonNode map, StringBuilder out) {
        List<String> values = new ArrayList<>(map.size());
        StringBuilder one = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            one.setLength(0);
            normalize(role(e.getKey()), e.getValue(), one);
            values.add(one.toString());
        }
        sortedList("{#", values, '}', out);
    }

    private static void unordered(JsonNode array, StringBuilder out) {
        List<String> values = new ArrayList<>(array.size());
        StringBuilder one = new StringBuilder();
        for (JsonNode element : array) {
            if (!isVolatileNative(element)) {
                one.setLength(0);
                if (isCarriedComponent(element)) {
                    normalizeComponent(element, one);
                } else {
                    normalize(Role.PLAIN, element, one);
                }
                values.add(one.toString());
            }
        }
        sortedList("[#", values, ']', out);
    }

    private static void sortedList(String open, List<String> values, char close, StringBuilder out) {
        Collections.sort(values);
        out.append(open);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i));
        }
        out.append(close);
    }

    /** Members by name; null members and volatile ones do not count. */
    private static void object(JsonNode object, StringBuilder out) {
        out.append('{');
        for (Map.Entry<String, JsonNode> e : sortedMembers(object)) {
            Role role;
            if (!(e.getValue() instanceof NullNode) && (role = role(e.getKey())) != Role.VOLATILE) {
                quote(e.getKey(), out);
                out.append(':');
                normalize(role, e.getValue(), out);
                out.append(',');
            }
        }
        out.append('}');
    }

    private static void patchMap(JsonNode map, StringBuilder out) {
        out.append('{');
        for (Map.Entry<String, JsonNode> e : sortedMembers(map)) {
            quote(e.getKey(), out);
            out.append(':');
            normalizePatch(e.getValue(), out);
            out.append(',');
        }
        out.append('}');
    }

    private static void normalizePatch(JsonNode patch, StringBuilder out) {
        if (!(patch instanceof ObjectNode)) {
            normalize(Role.PLAIN, patch, out);
            return;
        }
        out.append('{');
        for (Map.Entry<String, JsonNode> e : sortedMembers(patch)) {
            Role role = role(e.getKey());
            if (role != Role.VOLATILE) {
                quote(e.getKey(), out);
                out.append(':');
                if (e.getValue() instanceof NullNode) {
                    out.append("null");
                } else {
                    normalize(role, e.getValue(), out);
                }
                out.append(',');
            }
        }
        out.append('}');
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, JsonNode>[] sortedMembers(JsonNode object) {
        Map.Entry<String, JsonNode>[] members = new Map.Entry[object.size()];
        int i = 0;
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            members[i++] = e;
        }
        if (members.length > 1) {
            Arrays.sort(members, BY_NAME);
        }
        return members;
    }

    /** Numbers, booleans and null as Jackson writes them; the common ones without its writer. */
    private static void scalar(JsonNode value, StringBuilder out) {
        if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isNull()) {
            out.append("null");
        } else if (value.isInt()) {
            out.append(value.intValue());
        } else if (value.isLong()) {
            out.append(value.longValue());
        } else {
            out.append(value.toString());
        }
    }

    /**
     * A carried native component (an unknown VALARM, an X- component) looks like
     * {@code ["valarm", [properties…], [components…]]}; the order of its lines carries no meaning.
     */
    private static boolean isCarriedComponent(JsonNode element) {
        return element instanceof ArrayNode && element.size() >= 2 && element.get(0) instanceof TextNode
                && element.get(1) instanceof ArrayNode;
    }

    private static void normalizeComponent(JsonNode element, StringBuilder out) {
        out.append('<');
        quote(element.get(0).asText().toLowerCase(Locale.ROOT), out);
        for (int i = 1; i < element.size(); i++) {
            out.append(',');
            normalize(Role.UNORDERED, element.get(i), out); // as members of iCalProps
        }
        out.append('>');
    }

    /** A carried native property looks like {@code ["name", {params}, "type", value…]} (jCard / jCal). */
    private static boolean isVolatileNative(JsonNode element) {
        return element instanceof ArrayNode && element.size() > 0 && element.get(0) instanceof TextNode
                && VOLATILE_NATIVE.contains(element.get(0).asText().toLowerCase(Locale.ROOT));
    }

    /** The string in double quotes, with backslash and double quote escaped by a backslash. */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0) {
            out.append(s).append('"');
            return;
        }
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                out.append(s, plain, i).append('\\').append(c);
                plain = i + 1;
            }
        }
        out.append(s, plain, s.length()).append('"');
    }

    /** SHA-256 of UTF-8 text, its first 16 bytes in hex; one digest serves a whole payload. */
    private static final class Digest {
        private final MessageDigest sha256;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        String hex(CharSequence text) {
            byte[] digest = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
    }
}
