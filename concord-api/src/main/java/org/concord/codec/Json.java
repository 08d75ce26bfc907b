package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Small helpers over Jackson trees shared by both codecs. */
final class Json {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The text of a member, or null when absent or not text. */
    static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** A param value in jCard style: one string, or an array of strings. */
    static JsonNode paramValue(List<String> values) {
        if (values.size() == 1) {
            return NODES.textNode(values.get(0));
        }
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }

    /** Reads a jCard-style param value (string, array, number, boolean) as strings. */
    static List<String> paramValues(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        } else {
            out.add(value.asText());
        }
        return out;
    }

    /** Keys of a {@code {"key": true}} set, in order. */
    static List<String> trueKeys(JsonNode set) {
        List<String> out = new ArrayList<>();
        if (set != null && set.isObject()) {
            set.fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean(false)) {
                    out.add(e.getKey());
                }
            });
        }
        return out;
    }

    /** Iterates the values of an id-keyed map (or an array, leniently), in order. */
    static List<JsonNode> entries(JsonNode map) {
        List<JsonNode> out = new ArrayList<>();
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    out.add(e.getValue());
                }
            });
        } else if (map != null && map.isArray()) {
            map.forEach(v -> {
                if (v.isObject()) {
                    out.add(v);
                }
            });
        }
        return out;
    }
}
