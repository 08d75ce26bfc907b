package org.concord.connector.jdbc.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;
import org.concord.spi.ConfigException;

/**
 * Where a column's value lives in the canonical JSON: {@code title}, {@code name.given},
 * {@code emails.work.address}, {@code addresses.work.locality}, {@code start}.
 *
 * <p>In an id-keyed map (emails, phones, addresses, …) the segment after the map's name is a
 * <em>selector</em>: read from a row it becomes the entry's id, and its words imply the entry's
 * contexts, phone features or kind ({@code phones.work-fax} is a work fax). Written to a row, the
 * selector picks the entry with that id, else the first entry those words describe, else any entry
 * no other column took: ids change when another system rewrites an object, meanings do not.
 */
public sealed interface FieldPath {

    /** Puts a value read from a row into the payload being built. */
    void put(ObjectNode payload, JsonNode value);

    /** Finds the value to write into a row, or empty when the payload has none. */
    Optional<JsonNode> get(ObjectNode payload, Claims claims);

    String text();

    /** Plain nested properties: {@code title}, {@code description}, {@code start}. */
    record Plain(List<String> segments) implements FieldPath {
        @Override
        public void put(ObjectNode payload, JsonNode value) {
            ObjectNode node = payload;
            for (int i = 0; i < segments.size() - 1; i++) {
                node = node.withObjectProperty(segments.get(i));
            }
            node.set(segments.getLast(), value);
        }

        @Override
        public Optional<JsonNode> get(ObjectNode payload, Claims claims) {
            return navigate(payload, segments);
        }

        @Override
        public String text() {
            return String.join(".", segments);
        }
    }

    /** One component of a JSContact name: {@code name.given}, {@code name.surname}, {@code name.title}. */
    record NameComponent(String kind) implements FieldPath {
        @Override
        public void put(ObjectNode payload, JsonNode value) {
            ObjectNode name = payload.withObjectProperty("name");
            insertComponent(name.withArrayProperty("components"), kind, value, NAME_KINDS);
        }

        @Override
        public Optional<JsonNode> get(ObjectNode payload, Claims claims) {
            JsonNode name = payload.path("name");
            JsonNode components = name.path("components");
            if (components.isArray() && !components.isEmpty()) {
                return joined(components, kind);
            }
            // A card with only a full name: split it so a CRM's last-name column gets a value.
            String full = name.path("full").asText(payload.path("fullName").asText("")).trim();
            if (full.isEmpty()) {
                return Optional.empty();
            }
            int space = full.lastIndexOf(' ');
            return switch (kind) {
                case "surname" -> Optional.of(TextNode.valueOf(space < 0 ? full : full.substring(space + 1)));
                case "given" -> space < 0 ? Optional.empty() : Optional.of(TextNode.valueOf(full.substring(0, space)));
                default -> Optional.empty();
            };
        }

        @Override
        public String text() {
            return "name." + kind;
        }
    }

    /**
     * A property of one entry of an id-keyed map; {@code component} is set for the parts of an
     * address ({@code addresses.work.locality}), which JSContact keeps as a component list.
     */
    record MapEntry(String map, String selector, Optional<String> component, List<String> rest) implements FieldPath {
        @Override
        public void put(ObjectNode payload, JsonNode value) {
            ObjectNode entry = payload.withObjectProperty(map).withObjectProperty(selector);
            applyImplied(entry, map, selector);
            if (component.isPresent()) {
                insertComponent(entry.withArrayProperty("components"), component.get(), value, ADDRESS_KINDS);
            } else {
                new Plain(rest).put(entry, value);
            }
        }

        @Override
        public Optional<JsonNode> get(ObjectNode payload, Claims claims) {
            Optional<String> id = claims.entryFor(map, selector);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            JsonNode entry = payload.path(map).path(id.get());
            if (component.isPresent()) {
                return joined(entry.path("components"), component.get());
            }
            return navigate(entry, rest);
        }

        @Override
        public String text() {
            return map + "." + selector + "." + component.map(c -> c).orElse(String.join(".", rest));
        }
    }

    /**
     * An event's end, which JSCalendar does not have: read, it becomes the {@code duration} from
     * {@code start}; written, it is {@code start} plus {@code duration}.
     */
    record End() implements FieldPath {
        @Override
        public void put(ObjectNode payload, JsonNode value) {
            payload.set(END, value);
        }

        @Override
        public Optional<JsonNode> get(ObjectNode payload, Claims claims) {
            JsonNode start = payload.get("start");
            if (start == null || !start.isTextual()) {
                return Optional.empty();
            }
            try {
                Duration duration = Duration.parse(payload.path("duration").asText("PT0S"));
                return Optional.of(TextNode.valueOf(Conversion.Timestamp.LOCAL.format(LocalDateTime.parse(start.asText()).plus(duration))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public String text() {
            return "end";
        }

        /** Turns the end put by a row into a duration; called once all columns are in. */
        static void finish(ObjectNode payload) {
            JsonNode end = payload.remove(END);
            JsonNode start = payload.get("start");
            if (end == null || start == null || !end.isTextual() || !start.isTextual()) {
                return;
            }
            try {
                Duration d = Duration.between(LocalDateTime.parse(start.asText()), LocalDateTime.parse(end.asText()));
                if (d.isPositive()) {
                    payload.put("duration", d.withNanos(0).toString());
                }
            } catch (DateTimeException e) {
                // an end that does not parse leaves the event without a duration
            }
        }
    }

    /** Which payload entry each selector of a row's columns writes from. */
    interface Claims {
        Optional<String> entryFor(String map, String selector);
    }

    String END = "\u0000end";

    /**
     * JSContact name component kinds, in the order Concord's vCard codec reads a structured name
     * (N): a name read from a row is then exactly what its vCard reads back as.
     */
    List<String> NAME_KINDS = List.of("surname", "surname2", "given", "given2", "title", "generation", "credential");

    /** The same kinds in the order a name is shown. */
    List<String> NAME_DISPLAY = List.of("title", "given", "given2", "surname", "surname2", "generation", "credential");

    /** JSContact address component kinds, in the order an address is written. */
    List<String> ADDRESS_KINDS = List.of("room", "apartment", "floor", "building", "number", "name", "block",
            "subdistrict", "district", "locality", "region", "postcode", "country", "postOfficeBox", "direction", "landmark");

    Map<String, String> ADDRESS_ALIASES = Map.of("street", "name", "city", "locality", "state", "region",
            "zip", "postcode", "postalCode", "postcode");

    /** Id-keyed maps of JSContact and JSCalendar. */
    Set<String> ID_KEYED = Set.of("emails", "phones", "addresses", "onlineServices", "organizations", "titles",
            "notes", "nicknames", "anniversaries", "links", "media", "personalInfo", "preferredLanguages",
            "locations", "virtualLocations", "alerts", "participants", "calendars", "schedulingAddresses");

    Set<String> CONTEXTS = Set.of("work", "private");
    Set<String> PHONE_FEATURES = Set.of("mobile", "voice", "text", "video", "textphone", "fax", "pager");
    Set<String> ANNIVERSARY_KINDS = Set.of("birth", "death", "wedding");
    Set<String> TITLE_KINDS = Set.of("title", "role");

    /** Parses a canonical field path for a column of a table of the given type. */
    static FieldPath parse(String key, String text, ItemType type) throws ConfigException {
        String[] parts = text.split("\\.", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new ConfigException(key, "'" + text + "' is not a field path (empty segment)");
            }
        }
        if (parts[0].equals("end") && parts.length == 1) {
            if (type != ItemType.EVENT) {
                throw new ConfigException(key, "'end' is only for events (it is stored as start + duration)");
            }
            return new End();
        }
        if (parts[0].equals("name") && type == ItemType.CONTACT && parts.length == 2 && NAME_KINDS.contains(parts[1])) {
            return new NameComponent(parts[1]);
        }
        if (ID_KEYED.contains(parts[0])) {
            if (parts.length < 3) {
                throw new ConfigException(key, "'" + text + "': name an entry and its property, e.g. " + parts[0] + ".work."
                        + (parts[0].equals("phones") ? "number" : parts[0].equals("emails") ? "address" : "name"));
            }
            List<String> rest = Arrays.asList(parts).subList(2, parts.length);
            Optional<String> component = Optional.empty();
            if (parts[0].equals("addresses") && rest.size() == 1) {
                String kind = ADDRESS_ALIASES.getOrDefault(rest.getFirst(), rest.getFirst());
                if (ADDRESS_KINDS.contains(kind)) {
                    component = Optional.of(kind);
                }
            }
            return new MapEntry(parts[0], parts[1], component, List.copyOf(rest));
        }
        return new Plain(List.of(parts));
    }

    /** The contexts, features or kind that the words of a selector imply, e.g. {@code work-fax}. */
    static void applyImplied(ObjectNode entry, String map, String selector) {
        for (String word : selector.split("-")) {
            if (CONTEXTS.contains(word) && Set.of("emails", "phones", "addresses", "onlineServices", "links").contains(map)) {
                entry.withObjectProperty("contexts").put(word, true);
            } else if (map.equals("phones") && PHONE_FEATURES.contains(word)) {
                entry.withObjectProperty("features").put(word, true);
            } else if (map.equals("anniversaries") && ANNIVERSARY_KINDS.contains(word)) {
                entry.put("kind", word);
            } else if (map.equals("titles") && TITLE_KINDS.contains(word)) {
                entry.put("kind", word);
            }
        }
    }

    /** Whether an entry has everything a selector implies (and the selector implies anything at all). */
    static boolean describes(JsonNode entry, String map, String selector) {
        ObjectNode implied = entry instanceof ObjectNode o ? o.objectNode() : null;
        if (implied == null) {
            return false;
        }
        applyImplied(implied, map, selector);
        if (implied.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : implied.properties()) {
            JsonNode actual = entry.get(e.getKey());
            if (actual == null) {
                return false;
            }
            if (e.getValue().isObject()) {
                for (String flag : iterable(e.getValue().fieldNames())) {
                    if (!actual.path(flag).asBoolean(false)) {
                        return false;
                    }
                }
            } else if (!e.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static Iterable<String> iterable(java.util.Iterator<String> it) {
        return () -> it;
    }

    private static Optional<JsonNode> navigate(JsonNode node, List<String> segments) {
        JsonNode n = node;
        for (String s : segments) {
            n = n.path(s);
        }
        return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    private static Optional<JsonNode> joined(JsonNode components, String kind) {
        List<String> values = new ArrayList<>();
        for (JsonNode c : components) {
            if (kind.equals(c.path("kind").asText()) && c.path("value").isTextual()) {
                values.add(c.get("value").asText());
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(TextNode.valueOf(String.join(" ", values)));
    }

    /** Inserts a {kind, value} component keeping the kinds in their written order. */
    private static void insertComponent(ArrayNode components, String kind, JsonNode value, List<String> order) {
        ObjectNode c = components.objectNode();
        c.put("kind", kind);
        c.set("value", value.isTextual() ? value : TextNode.valueOf(value.asText()));
        int rank = order.indexOf(kind);
        int at = components.size();
        for (int i = 0; i < components.size(); i++) {
            if (order.indexOf(components.get(i).path("kind").asText()) > rank) {
                at = i;
                break;
            }
        }
        components.insert(at, c);
    }
}
