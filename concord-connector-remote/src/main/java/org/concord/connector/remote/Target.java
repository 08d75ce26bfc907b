package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One place in the canonical model that a flat record field can map to, such as
 * {@code name.given} or {@code email.work}. It reads its value out of a canonical object and
 * writes a value back in, touching nothing else.
 */
sealed interface Target permits Target.Scalar, Target.NameComponent, Target.FullName, Target.Entry, Target.End {

    JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The name written in the config, e.g. {@code email.work}. */
    String code();

    FieldType fieldType();

    /** The top-level canonical property this target writes into. */
    String property();

    /** Targets are read and written in this order: specific entries before generic ones, derived last. */
    int order();

    /** The value, or a null node when the object has none. */
    JsonNode read(ObjectNode canonical, Picks picks);

    /** Sets the value (a null node removes it). The value has already the target's field type. */
    void write(ObjectNode canonical, JsonNode value, Picks picks) throws ConversionException;

    /** A top-level property holding a plain value: {@code uid}, {@code title}, {@code start}… */
    record Scalar(String code, FieldType fieldType, String property) implements Target {
        @Override
        public int order() {
            return 0;
        }

        @Override
        public JsonNode read(ObjectNode canonical, Picks picks) {
            return fieldType.normalize(canonical.get(property));
        }

        @Override
        public void write(ObjectNode canonical, JsonNode value, Picks picks) {
            if (value.isNull()) {
                canonical.remove(property);
            } else {
                canonical.set(property, value);
            }
        }
    }

    /** One component of a JSContact name, by its kind ({@code given}, {@code surname}…). */
    record NameComponent(String code, String kind) implements Target {
        @Override
        public FieldType fieldType() {
            return FieldType.STRING;
        }

        @Override
        public String property() {
            return "name";
        }

        @Override
        public int order() {
            return 0;
        }

        @Override
        public JsonNode read(ObjectNode canonical, Picks picks) {
            for (JsonNode c : canonical.path("name").path("components")) {
                if (kind.equals(c.path("kind").asText())) {
                    return FieldType.STRING.normalize(c.get("value"));
                }
            }
            return NODES.nullNode();
        }

        @Override
        public void write(ObjectNode canonical, JsonNode value, Picks picks) {
            ObjectNode name = canonical.get("name") instanceof ObjectNode n ? n : canonical.putObject("name");
            var components = name.get("components") instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                    ? a : name.putArray("components");
            for (int i = 0; i < components.size(); i++) {
                if (kind.equals(components.get(i).path("kind").asText())) {
                    if (value.isNull()) {
                        components.remove(i);
                    } else {
                        ((ObjectNode) components.get(i)).set("value", value);
                    }
                    NameRules.tidy(canonical);
                    return;
                }
            }
            if (!value.isNull()) {
                ObjectNode c = NODES.objectNode().put("kind", kind);
                c.set("value", value);
                components.insert(NameRules.position(components, kind), c);
            }
            NameRules.tidy(canonical);
        }
    }

    /** The full name as written ({@code name.full}). */
    record FullName(String code) implements Target {
        @Override
        public FieldType fieldType() {
            return FieldType.STRING;
        }

        @Override
        public String property() {
            return "name";
        }

        @Override
        public int order() {
            return 0;
        }

        @Override
        public JsonNode read(ObjectNode canonical, Picks picks) {
            return FieldType.STRING.normalize(canonical.path("name").get("full"));
        }

        @Override
        public void write(ObjectNode canonical, JsonNode value, Picks picks) {
            ObjectNode name = canonical.get("name") instanceof ObjectNode n ? n : canonical.putObject("name");
            if (value.isNull()) {
                name.remove("full");
            } else {
                name.set("full", value);
            }
            NameRules.tidy(canonical);
        }
    }

    /**
     * A value inside one entry of an id-keyed map, the entry chosen by {@code group} and
     * {@code matches}: the address of the work e-mail, the street of the private address.
     */
    record Entry(String code, FieldType fieldType, String property, String group, int order,
            Predicate<JsonNode> matches, Consumer<ObjectNode> init, Function<ObjectNode, JsonNode> get,
            BiConsumer<ObjectNode, JsonNode> set) implements Target {

        @Override
        public JsonNode read(ObjectNode canonical, Picks picks) {
            return picks.find(canonical, property, group, matches).map(e -> fieldType.normalize(get.apply(e)))
                    .orElse(NODES.nullNode());
        }

        @Override
        public void write(ObjectNode canonical, JsonNode value, Picks picks) throws ConversionException {
            var found = picks.find(canonical, property, group, matches);
            if (value.isNull()) {
                found.ifPresent(entry -> {
                    set.accept(entry, value);
                    if (EntryRules.isEmpty(entry)) {
                        picks.remove(canonical, property, group);
                    }
                });
                return;
            }
            ObjectNode entry = found.orElseGet(() -> picks.create(canonical, property, group, init));
            try {
                set.accept(entry, value);
            } catch (IllegalArgumentException e) {
                throw new ConversionException(code + ": " + e.getMessage(), e);
            }
        }
    }

    /** The end of an event, kept in the model as its start plus a duration. */
    record End(String code) implements Target {
        @Override
        public FieldType fieldType() {
            return FieldType.STRING;
        }

        @Override
        public String property() {
            return "duration";
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public JsonNode read(ObjectNode canonical, Picks picks) {
            return CalendarRules.end(canonical).<JsonNode>map(NODES::textNode).orElse(NODES.nullNode());
        }

        @Override
        public void write(ObjectNode canonical, JsonNode value, Picks picks) throws ConversionException {
            if (value.isNull()) {
                canonical.remove("duration");
            } else {
                canonical.put("duration", CalendarRules.durationUntil(canonical, value.asText()));
            }
        }
    }
}
