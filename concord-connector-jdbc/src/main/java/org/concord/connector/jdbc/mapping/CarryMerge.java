package org.concord.connector.jdbc.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a row reads as when Concord wrote more into it than its columns hold: the object as written
 * ({@code written}), with the edits the database's own users made since applied. Those edits are
 * what differs between the row as it read right after the write ({@code base}) and the row now
 * ({@code now}): a field whose row reading did not change keeps the written value, whole (a photo,
 * a UID, a phone's label); one that changed takes the row's value, or goes if the row cleared it.
 *
 * <p>Entries of id-keyed maps are matched to the written entry they came from (same id, else the
 * entry the column took when written, else the entry whose values they show), so a changed phone
 * number replaces that phone's number and keeps its other properties. Components of a name or an
 * address are compared kind by kind. A moved start takes the row's start, time zone and duration
 * together. Pure: the same inputs give the same output.
 */
public final class CarryMerge {

    /** Which written entry of an id-keyed map a column's selector took, as the write assigned them. */
    public interface Claims {
        Optional<String> claimed(ObjectNode written, String map, String selector);
    }

    /** JSCalendar properties that only make sense together. */
    private static final List<String> TIME = List.of("start", "due", "duration", "timeZone", "showWithoutTime");

    /** Entry properties a selector implies rather than the row holding them. */
    private static final Set<String> IMPLIED = Set.of("contexts", "features", "@type");

    private CarryMerge() {}

    public static ObjectNode merge(ObjectNode written, ObjectNode base, ObjectNode now, Claims claims) {
        ObjectNode out = written.deepCopy();
        Set<String> keys = union(base, now);
        if (TIME.stream().anyMatch(k -> !same(base.get(k), now.get(k)))) {
            for (String k : TIME) {
                put(out, k, now.get(k));
            }
            keys.removeAll(TIME);
        }
        for (String k : keys) {
            JsonNode b = base.get(k);
            JsonNode n = now.get(k);
            if (same(b, n)) {
                continue;
            }
            JsonNode w = written.get(k);
            if (FieldPath.ID_KEYED.contains(k) && objectOrAbsent(b) && objectOrAbsent(n)) {
                ObjectNode merged = mergeMap(k, written, w, b, n, claims);
                put(out, k, merged.isEmpty() ? null : merged);
            } else {
                put(out, k, mergeValue(w, b, n));
            }
        }
        return out;
    }

    private static JsonNode mergeValue(JsonNode w, JsonNode b, JsonNode n) {
        if (w instanceof ObjectNode wo && b instanceof ObjectNode bo && n instanceof ObjectNode no) {
            ObjectNode out = wo.deepCopy();
            for (String k : union(bo, no)) {
                if (!same(bo.get(k), no.get(k))) {
                    put(out, k, mergeValue(wo.get(k), bo.get(k), no.get(k)));
                }
            }
            return out;
        }
        if (kindList(w) && kindList(b) && kindList(n)) {
            return mergeKinds((ArrayNode) w, (ArrayNode) b, (ArrayNode) n);
        }
        return n;
    }

    private static ObjectNode mergeMap(String map, ObjectNode written, JsonNode w, JsonNode b, JsonNode n, Claims claims) {
        ObjectNode wm = w instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        ObjectNode out = wm.deepCopy();
        Set<String> used = new HashSet<>();
        for (String id : union(b, n)) {
            JsonNode be = b == null ? null : b.get(id);
            JsonNode ne = n == null ? null : n.get(id);
            if (same(be, ne)) {
                continue;
            }
            String from = be == null ? null : source(map, written, wm, id, be, used, claims);
            if (from != null) {
                used.add(from);
                put(out, from, ne == null ? null : mergeValue(wm.get(from), be, ne));
            } else if (ne != null) {
                String free = id;
                for (int i = 2; out.has(free); i++) {
                    free = id + "-" + i;
                }
                out.set(free, ne);
            }
        }
        return out;
    }

    /** The written entry a base entry came from, or null when none can be told. */
    private static String source(String map, ObjectNode written, ObjectNode entries, String id, JsonNode baseEntry,
            Set<String> used, Claims claims) {
        if (entries.has(id) && !used.contains(id)) {
            return id;
        }
        Optional<String> claimed = claims.claimed(written, map, id);
        if (claimed.isPresent() && entries.has(claimed.get()) && !used.contains(claimed.get())) {
            return claimed.get();
        }
        for (Map.Entry<String, JsonNode> e : entries.properties()) {
            if (!used.contains(e.getKey()) && covers(e.getValue(), baseEntry)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Whether a written entry holds every value a row entry shows (leaving out what a selector implies). */
    static boolean covers(JsonNode written, JsonNode shown) {
        if (shown.isObject()) {
            if (!written.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : shown.properties()) {
                if (!IMPLIED.contains(e.getKey()) && (!written.has(e.getKey()) || !covers(written.get(e.getKey()), e.getValue()))) {
                    return false;
                }
            }
            return true;
        }
        if (shown.isArray()) {
            if (!written.isArray()) {
                return false;
            }
            for (JsonNode s : shown) {
                boolean found = false;
                for (JsonNode x : written) {
                    found |= covers(x, s);
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return written.isValueNode() && written.asText().equals(shown.asText());
    }

    /** Name or address components: kinds the row did not change keep the written components. */
    private static ArrayNode mergeKinds(ArrayNode w, ArrayNode b, ArrayNode n) {
        Set<String> changed = new LinkedHashSet<>();
        for (String kind : kinds(b, n)) {
            if (!ofKind(b, kind).equals(ofKind(n, kind))) {
                changed.add(kind);
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Set<String> placed = new HashSet<>();
        for (JsonNode c : w) {
            String kind = c.path("kind").asText();
            if (!changed.contains(kind)) {
                out.add(c);
            } else if (placed.add(kind)) {
                ofKind(n, kind).forEach(out::add);
            }
        }
        for (String kind : changed) {
            if (placed.add(kind)) {
                ofKind(n, kind).forEach(out::add);
            }
        }
        return out;
    }

    private static Set<String> kinds(ArrayNode b, ArrayNode n) {
        Set<String> out = new LinkedHashSet<>();
        b.forEach(c -> out.add(c.path("kind").asText()));
        n.forEach(c -> out.add(c.path("kind").asText()));
        return out;
    }

    private static List<JsonNode> ofKind(ArrayNode a, String kind) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(c -> {
            if (kind.equals(c.path("kind").asText())) {
                out.add(c);
            }
        });
        return out;
    }

    private static boolean kindList(JsonNode n) {
        if (n == null || !n.isArray()) {
            return false;
        }
        for (JsonNode c : n) {
            if (!c.isObject() || !c.path("kind").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectOrAbsent(JsonNode n) {
        return n == null || n.isObject();
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a == null || a.isNull() ? b == null || b.isNull() : a.equals(b);
    }

    private static void put(ObjectNode target, String key, JsonNode value) {
        if (value == null || value.isNull()) {
            target.remove(key);
        } else {
            target.set(key, value.deepCopy());
        }
    }

    private static Set<String> union(JsonNode a, JsonNode b) {
        Set<String> out = new LinkedHashSet<>();
        if (a != null) {
            a.fieldNames().forEachRemaining(out::add);
        }
        if (b != null) {
            b.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
