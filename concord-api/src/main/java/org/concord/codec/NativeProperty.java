package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One content line of a vCard or iCalendar object as read: group, name, parameters (names lower
 * case, values as written) and the raw value (still escaped for text). Also the jCard / jCal-like
 * form in which properties the model does not map are carried: {@code [name, {params}, "unknown", value]}.
 */
record NativeProperty(String group, String name, Map<String, List<String>> params, String value, int line) {

    NativeProperty {
        name = name.toUpperCase(Locale.ROOT);
        value = value == null ? "" : value;
    }

    /** The first value of a parameter, or null. */
    String param(String paramName) {
        List<String> v = params.get(paramName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A mutable copy of the parameters, for mapping code that consumes the ones it understands. */
    LinkedHashMap<String, List<String>> paramsCopy() {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    /** The carried form: {@code ["x-foo", {"group": "item1", "type": "work"}, "unknown", "value"]}. */
    ArrayNode toCarried() {
        ArrayNode a = Json.array();
        a.add(name.toLowerCase(Locale.ROOT));
        a.add(paramsJson(group, params));
        a.add("unknown");
        a.add(value);
        return a;
    }

    static ObjectNode paramsJson(String group, Map<String, List<String>> params) {
        ObjectNode p = Json.object();
        if (group != null && !group.isEmpty()) {
            p.put("group", group);
        }
        params.forEach((k, v) -> {
            if (!v.isEmpty()) {
                p.set(k, Json.paramValue(v));
            }
        });
        return p;
    }

    /** Reads a carried element back; null if it is not a property array. */
    static NativeProperty fromCarried(JsonNode element) {
        if (element == null || !element.isArray() || element.size() < 4 || !element.get(0).isTextual()
                || !element.get(1).isObject()) {
            return null;
        }
        String group = null;
        Map<String, List<String>> params = new LinkedHashMap<>();
        var it = element.get(1).fields();
        while (it.hasNext()) {
            var e = it.next();
            if ("group".equals(e.getKey())) {
                group = e.getValue().asText();
            } else {
                params.put(e.getKey().toLowerCase(Locale.ROOT), Json.paramValues(e.getValue()));
            }
        }
        StringBuilder value = new StringBuilder();
        for (int i = 3; i < element.size(); i++) {
            if (i > 3) {
                value.append(',');
            }
            JsonNode v = element.get(i);
            value.append(v.isTextual() ? v.asText() : v.toString());
        }
        return new NativeProperty(group, element.get(0).asText(), params, value.toString(), 0);
    }
}
