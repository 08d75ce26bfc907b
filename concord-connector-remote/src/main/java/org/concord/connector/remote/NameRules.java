package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The JSContact name's shape: component order, the full name derived from the parts. */
final class NameRules {
    private static final List<String> ORDER = List.of("title", "given", "given2", "surname", "surname2", "generation", "credential");

    private NameRules() {}

    /** Where a new component of {@code kind} goes so the components stay in the usual order. */
    static int position(ArrayNode components, String kind) {
        int rank = ORDER.indexOf(kind);
        for (int i = 0; i < components.size(); i++) {
            if (ORDER.indexOf(components.get(i).path("kind").asText()) > rank) {
                return i;
            }
        }
        return components.size();
    }

    /** Writes {@code name.full} from the components, as "given given2 surname". */
    static void deriveFull(ObjectNode canonical) {
        if (!(canonical.get("name") instanceof ObjectNode name)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("given", "given2", "surname")) {
            for (JsonNode c : name.path("components")) {
                if (kind.equals(c.path("kind").asText()) && !c.path("value").asText().isBlank()) {
                    parts.add(c.path("value").asText().trim());
                }
            }
        }
        if (parts.isEmpty()) {
            name.remove("full");
        } else {
            name.put("full", String.join(" ", parts));
        }
        tidy(canonical);
    }

    /** Drops an empty component list and an empty name. */
    static void tidy(ObjectNode canonical) {
        if (!(canonical.get("name") instanceof ObjectNode name)) {
            return;
        }
        if (name.path("components").isArray() && name.get("components").isEmpty()) {
            name.remove("components");
        }
        boolean empty = true;
        for (var it = name.fieldNames(); it.hasNext(); ) {
            if (!it.next().equals("@type")) {
                empty = false;
            }
        }
        if (empty) {
            canonical.remove("name");
        }
    }
}
