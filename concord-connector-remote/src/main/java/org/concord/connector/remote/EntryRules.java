package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** Helpers for entries of JSContact / JSCalendar id-keyed maps. */
final class EntryRules {
    /** Keys that describe an entry rather than hold its value. */
    private static final Set<String> DESCRIPTIVE = Set.of("@type", "contexts", "features", "kind", "pref", "label", "countryCode");

    private EntryRules() {}

    static boolean isEmpty(ObjectNode entry) {
        for (var it = entry.fieldNames(); it.hasNext(); ) {
            if (!DESCRIPTIVE.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    static Predicate<JsonNode> context(String context) {
        return e -> e.path("contexts").path(context).asBoolean(false);
    }

    static Predicate<JsonNode> feature(String feature) {
        return e -> e.path("features").path(feature).asBoolean(false);
    }

    static Predicate<JsonNode> any() {
        return e -> true;
    }

    static Consumer<ObjectNode> withContext(String context) {
        return e -> e.putObject("contexts").put(context, true);
    }

    static Consumer<ObjectNode> withFeature(String feature) {
        return e -> e.putObject("features").put(feature, true);
    }

    static Consumer<ObjectNode> nothing() {
        return e -> {};
    }

    static Function<ObjectNode, JsonNode> field(String name) {
        return e -> e.get(name);
    }

    static BiConsumer<ObjectNode, JsonNode> setField(String name) {
        return (e, v) -> {
            if (v.isNull()) {
                e.remove(name);
            } else {
                e.set(name, v);
            }
        };
    }

    /** The value of the component of {@code kind} in the entry's {@code components} list. */
    static Function<ObjectNode, JsonNode> component(String kind) {
        return e -> {
            for (JsonNode c : e.path("components")) {
                if (kind.equals(c.path("kind").asText())) {
                    return c.get("value");
                }
            }
            return null;
        };
    }

    static BiConsumer<ObjectNode, JsonNode> setComponent(String kind) {
        return (e, v) -> {
            ArrayNode components = e.get("components") instanceof ArrayNode a ? a : e.putArray("components");
            for (int i = 0; i < components.size(); i++) {
                if (kind.equals(components.get(i).path("kind").asText())) {
                    if (v.isNull()) {
                        components.remove(i);
                    } else {
                        ((ObjectNode) components.get(i)).set("value", v);
                    }
                    if (components.isEmpty()) {
                        e.remove("components");
                    }
                    return;
                }
            }
            if (!v.isNull()) {
                components.addObject().put("kind", kind).set("value", v);
            } else if (components.isEmpty()) {
                e.remove("components");
            }
        };
    }
}
