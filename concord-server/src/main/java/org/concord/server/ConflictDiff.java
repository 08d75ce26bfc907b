package org.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concord.model.Payload;

/**
 * Two (or more) versions of one object side by side, field by field: every top-level property of
 * the canonical JSON, its value in each version, and whether they agree. Pure.
 */
final class ConflictDiff {
    /** The type marker is the same on every side and says nothing to an admin. */
    private static final Set<String> HIDDEN = Set.of("@type");

    private ConflictDiff() {}

    /**
     * One property: its value per system ({@code null} where a version lacks it).
     *
     * @param same whether every version has the same value
     */
    record Field(String name, Map<String, JsonNode> values, boolean same) {}

    static List<Field> fields(Map<String, Payload> versions) {
        Map<String, ObjectNode> json = new LinkedHashMap<>();
        versions.forEach((system, payload) -> json.put(system, payload.json()));
        Set<String> names = new LinkedHashSet<>();
        for (ObjectNode o : json.values()) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String n = it.next();
                if (!HIDDEN.contains(n)) {
                    names.add(n);
                }
            }
        }
        List<Field> out = new ArrayList<>();
        for (String name : names) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            json.forEach((system, o) -> values.put(system, o.get(name)));
            boolean same = values.values().stream().distinct().count() == 1;
            out.add(new Field(name, values, same));
        }
        return out;
    }
}
