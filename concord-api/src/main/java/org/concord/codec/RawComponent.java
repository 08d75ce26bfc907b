package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One iCalendar component as read, before mapping: its properties in order and its
 * sub-components. Also its carried jCal-like form {@code ["valarm", [props…], [components…]]}.
 */
record RawComponent(String name, List<NativeProperty> properties, List<RawComponent> components) {

    RawComponent {
        name = name.toUpperCase(Locale.ROOT);
    }

    NativeProperty first(String propertyName) {
        for (NativeProperty p : properties) {
            if (p.name().equals(propertyName)) {
                return p;
            }
        }
        return null;
    }

    String value(String propertyName) {
        NativeProperty p = first(propertyName);
        return p == null ? null : p.value();
    }

    ArrayNode toCarried() {
        ArrayNode a = Json.array();
        a.add(name.toLowerCase(Locale.ROOT));
        ArrayNode props = a.addArray();
        properties.forEach(p -> props.add(p.toCarried()));
        ArrayNode subs = a.addArray();
        components.forEach(c -> subs.add(c.toCarried()));
        return a;
    }

    /** True for a carried component element (its second member is an array, not a parameter object). */
    static boolean isCarriedComponent(JsonNode element) {
        return element != null && element.isArray() && element.size() >= 2 && element.get(0).isTextual()
                && element.get(1).isArray();
    }

    static RawComponent fromCarried(JsonNode element) {
        List<NativeProperty> props = new ArrayList<>();
        List<RawComponent> subs = new ArrayList<>();
        for (JsonNode p : element.get(1)) {
            NativeProperty np = NativeProperty.fromCarried(p);
            if (np != null) {
                props.add(np);
            }
        }
        if (element.size() > 2 && element.get(2).isArray()) {
            for (JsonNode c : element.get(2)) {
                if (isCarriedComponent(c)) {
                    subs.add(fromCarried(c));
                }
            }
        }
        return new RawComponent(element.get(0).asText(), props, subs);
    }
}
