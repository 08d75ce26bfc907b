package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Which entry of an id-keyed map (emails, phones, addresses…) each group of mapped fields stands
 * for, within one object. A specific group ("email.work") picks first; a generic one ("email")
 * then takes the first entry nobody picked. Reading and writing one object use the same picks,
 * so a record field changed in the application lands on the entry it was read from.
 */
final class Picks {
    private final Map<String, String> keyOfGroup = new HashMap<>();
    private final Map<String, Set<String>> claimed = new HashMap<>();

    Optional<ObjectNode> find(ObjectNode canonical, String map, String group, Predicate<JsonNode> matches) {
        JsonNode entries = canonical.get(map);
        if (!(entries instanceof ObjectNode object)) {
            return Optional.empty();
        }
        String known = keyOfGroup.get(group);
        if (known != null) {
            return object.get(known) instanceof ObjectNode e ? Optional.of(e) : Optional.empty();
        }
        Set<String> taken = claimed.computeIfAbsent(map, m -> new HashSet<>());
        List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>();
        object.properties().forEach(ordered::add);
        // a lower "pref" is preferred (RFC 9553); entries without one come after, in their order
        ordered.sort(Comparator.comparingInt(e -> e.getValue().path("pref").asInt(Integer.MAX_VALUE)));
        for (Map.Entry<String, JsonNode> e : ordered) {
            if (e.getValue() instanceof ObjectNode entry && !taken.contains(e.getKey()) && matches.test(entry)) {
                taken.add(e.getKey());
                keyOfGroup.put(group, e.getKey());
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    ObjectNode create(ObjectNode canonical, String map, String group, Consumer<ObjectNode> init) {
        ObjectNode entries = canonical.get(map) instanceof ObjectNode o ? o : canonical.putObject(map);
        String base = group.replaceAll("[^A-Za-z0-9]+", "-");
        String key = base;
        for (int n = 2; entries.has(key); n++) {
            key = base + "-" + n;
        }
        ObjectNode entry = entries.putObject(key);
        init.accept(entry);
        keyOfGroup.put(group, key);
        claimed.computeIfAbsent(map, m -> new HashSet<>()).add(key);
        return entry;
    }

    /** Drops the group's entry from its map (and the map when it is left empty). */
    void remove(ObjectNode canonical, String map, String group) {
        String key = keyOfGroup.get(group);
        if (key != null && canonical.get(map) instanceof ObjectNode entries) {
            entries.remove(key);
            if (entries.isEmpty()) {
                canonical.remove(map);
            }
        }
    }
}
