package org.concord.connector.jdbc.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.concord.model.ItemType;

/**
 * Converts between a row of one mapped table and a canonical payload. Pure: the same row always
 * gives the same payload and version, which is what makes echoes recognizable.
 */
public final class RowConverter {
    private final TableMapping table;
    private final Conversion.Timestamp updated;
    private final Map<String, List<String>> selectors = new LinkedHashMap<>();

    public RowConverter(TableMapping table, ZoneId dbZone) {
        this.table = table;
        boolean mapsUpdated = table.columns().stream().anyMatch(c -> c.field().text().equals("updated"));
        this.updated = table.modifiedColumn().isPresent() && !mapsUpdated ? new Conversion.Timestamp(dbZone, dbZone, true) : null;
        for (ColumnMapping c : table.columns()) {
            if (c.field() instanceof FieldPath.MapEntry m) {
                List<String> list = selectors.computeIfAbsent(m.map(), k -> new ArrayList<>());
                if (!list.contains(m.selector())) {
                    list.add(m.selector());
                }
            }
        }
    }

    public TableMapping table() {
        return table;
    }

    /** The payload JSON of a row, or the first column that does not convert. */
    public ObjectNode read(Row row) throws ColumnException {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("@type", table.type().jsonType());
        for (ColumnMapping c : table.columns()) {
            put(json, json, c, row.get(c.column()));
        }
        for (RelatedMapping r : table.related()) {
            for (Map<String, Object> related : row.related().getOrDefault(r.name(), List.of())) {
                String relatedId = String.valueOf(related.get(r.idColumn().toLowerCase(Locale.ROOT)));
                ObjectNode entry = json.withObjectProperty(r.map()).withObjectProperty(r.entryId(relatedId));
                r.selector().ifPresent(s -> FieldPath.applyImplied(entry, r.map(), s));
                for (ColumnMapping c : r.fields()) {
                    put(json, entry, c, related.get(c.column().toLowerCase(Locale.ROOT)));
                }
            }
        }
        FieldPath.End.finish(json);
        if (table.type() == ItemType.CONTACT) {
            completeName(json);
        }
        if (!json.has("uid")) {
            json.put("uid", derivedUid(row.id()));
        }
        if (updated != null && row.get(table.modifiedColumn().get()) != null) {
            try {
                JsonNode u = updated.read(row.get(table.modifiedColumn().get()), json);
                if (u != null) {
                    json.set("updated", u);
                }
            } catch (ConversionException e) {
                throw new ColumnException(table.modifiedColumn().get(), e.getMessage());
            }
        }
        return json;
    }

    private static void put(ObjectNode payload, ObjectNode target, ColumnMapping c, Object value) throws ColumnException {
        if (value == null) {
            if (c.required()) {
                throw new ColumnException(c.column(), "missing required value for " + c.field().text());
            }
            return;
        }
        JsonNode json;
        try {
            json = c.conversion().read(value, payload);
        } catch (ConversionException e) {
            throw new ColumnException(c.column(), e.getMessage());
        }
        if (json == null) {
            if (c.required()) {
                throw new ColumnException(c.column(), "missing required value for " + c.field().text());
            }
            return;
        }
        c.field().put(target, json);
    }

    /** A card needs a full name to be shown; build it from the components the row has. */
    private static void completeName(ObjectNode json) {
        JsonNode name = json.get("name");
        if (name instanceof ObjectNode n && !n.has("full") && n.path("components").isArray()) {
            List<JsonNode> shown = new ArrayList<>();
            n.get("components").forEach(shown::add);
            shown.sort(java.util.Comparator.comparingInt(c -> FieldPath.NAME_DISPLAY.indexOf(c.path("kind").asText())));
            List<String> parts = new ArrayList<>();
            for (JsonNode c : shown) {
                if (!c.path("kind").asText().equals("credential")) {
                    parts.add(c.path("value").asText());
                }
            }
            if (!parts.isEmpty()) {
                n.put("full", String.join(" ", parts));
            }
        }
    }

    /** A stable UID for a row whose table keeps none: the same row always gets the same UID. */
    public String derivedUid(String rowId) {
        return UUID.nameUUIDFromBytes(("concord-jdbc:" + table.table() + ":" + rowId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The row's native version: a hash of every column the connector reads and of its related
     * rows, so it changes whenever anything the payload shows changes, and whenever the
     * modified-at or version column moves.
     */
    public String version(Row row) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(row.values()).forEach((k, v) -> b.append(k).append('=').append(text(v)).append('\u0001'));
        for (RelatedMapping r : table.related()) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> rel : row.related().getOrDefault(r.name(), List.of())) {
                StringBuilder rb = new StringBuilder();
                new TreeMap<>(rel).forEach((k, v) -> rb.append(k).append('=').append(text(v)).append('\u0001'));
                rows.add(rb.toString());
            }
            rows.sort(null);
            b.append(r.name()).append(rows);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String text(Object v) {
        return v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(v);
    }

    /** The column values and related rows a payload becomes. */
    public RowValues write(ObjectNode payload) throws ColumnException {
        return write(payload, null);
    }

    /**
     * The column values and related rows a payload becomes, leaving out the columns of
     * {@code current} whose value already reads as the payload's: a status "Held" stays "Held"
     * though "Planned" is what "confirmed" writes, and a date-time keeps its precision.
     */
    public RowValues write(ObjectNode payload, Row current) throws ColumnException {
        Set<String> claimed = new HashSet<>();
        Map<String, String> assignment = assign(payload, claimed);
        FieldPath.Claims claims = (map, selector) -> Optional.ofNullable(assignment.get(map + "\u0000" + selector));
        Map<String, Object> columns = new LinkedHashMap<>();
        for (ColumnMapping c : table.columns()) {
            Optional<JsonNode> wanted = c.field().get(payload, claims);
            if (current != null && sameAsCurrent(c, current.get(c.column()), wanted, payload)) {
                continue;
            }
            columns.put(c.column(), value(c, wanted, payload));
        }
        Map<String, List<Map<String, Object>>> related = new LinkedHashMap<>();
        for (RelatedMapping r : table.related()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            JsonNode entries = payload.path(r.map());
            for (Map.Entry<String, JsonNode> e : entries.properties()) {
                if (claimed.contains(r.map() + "\u0000" + e.getKey()) || !e.getValue().isObject()) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                boolean any = false;
                for (ColumnMapping c : r.fields()) {
                    Object v = value(c, c.field().get((ObjectNode) e.getValue(), (m, s) -> Optional.empty()), payload);
                    values.put(c.column(), v);
                    any |= v != null;
                }
                if (any) {
                    rows.add(values);
                }
            }
            related.put(r.name(), rows);
        }
        return new RowValues(columns, related);
    }

    private static boolean sameAsCurrent(ColumnMapping c, Object currentValue, Optional<JsonNode> wanted, ObjectNode payload) {
        if (c.field() instanceof FieldPath.End) {
            return false; // compared through start and duration, not on its own
        }
        try {
            JsonNode now = currentValue == null ? null : c.conversion().read(currentValue, payload.deepCopy());
            if (now == null || wanted.isEmpty()) {
                return now == null && wanted.isEmpty();
            }
            return now.equals(wanted.get()) || (now.isValueNode() && wanted.get().isValueNode() && now.asText().equals(wanted.get().asText()));
        } catch (ConversionException e) {
            return false;
        }
    }

    private static Object value(ColumnMapping c, Optional<JsonNode> json, ObjectNode payload) throws ColumnException {
        if (json.isEmpty() || json.get().isNull()) {
            if (c.required()) {
                throw new ColumnException(c.column(), "the object has no " + c.field().text() + ", which the column requires");
            }
            return null;
        }
        try {
            return c.conversion().write(json.get(), payload);
        } catch (ConversionException e) {
            throw new ColumnException(c.column(), c.field().text() + " " + e.getMessage());
        }
    }

    /** The entry of the payload's id-keyed map that a column with this selector writes from, if any. */
    public Optional<String> claimed(ObjectNode payload, String map, String selector) {
        return Optional.ofNullable(assign(payload, new HashSet<>()).get(map + "\u0000" + selector));
    }

    /** Decides which entry of each id-keyed map each selector writes from; see {@link FieldPath}. */
    private Map<String, String> assign(ObjectNode payload, Set<String> claimed) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : selectors.entrySet()) {
            String map = e.getKey();
            JsonNode entries = payload.path(map);
            if (!entries.isObject()) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            entries.fieldNames().forEachRemaining(ids::add);
            List<String> open = new ArrayList<>(e.getValue());
            for (String s : e.getValue()) {
                if (entries.has(s)) {
                    claim(out, claimed, map, s, s, open);
                }
            }
            List<String> specificFirst = new ArrayList<>(open);
            specificFirst.sort(java.util.Comparator.comparingInt((String s) -> -impliedOnly(map, s).toString().length()));
            for (String s : specificFirst) {
                for (String id : ids) {
                    if (!claimed.contains(map + "\u0000" + id) && FieldPath.describes(entries.get(id), map, s)) {
                        claim(out, claimed, map, s, id, open);
                        break;
                    }
                }
            }
            for (boolean withMeaning : new boolean[] {false, true}) {
                for (String s : List.copyOf(open)) {
                    boolean meaningful = FieldPath.describes(impliedOnly(map, s), map, s);
                    if (meaningful != withMeaning) {
                        continue;
                    }
                    for (String id : ids) {
                        if (!claimed.contains(map + "\u0000" + id)) {
                            claim(out, claimed, map, s, id, open);
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static ObjectNode impliedOnly(String map, String selector) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        FieldPath.applyImplied(n, map, selector);
        return n;
    }

    private static void claim(Map<String, String> out, Set<String> claimed, String map, String selector, String id, List<String> open) {
        out.put(map + "\u0000" + selector, id);
        claimed.add(map + "\u0000" + id);
        open.remove(selector);
    }
}
