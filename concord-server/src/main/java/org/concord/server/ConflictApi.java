package org.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.concord.engine.ConflictDetail;
import org.concord.engine.ConflictResolutionException;
import org.concord.engine.Engine;
import org.concord.engine.Resolution;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.store.ConflictRecord;

/**
 * Conflicts: the list, one conflict with its versions side by side (for a conflict held for an
 * admin), and resolving it by keeping one system's version or by an edited version.
 */
final class ConflictApi {
    private final Engine engine;

    ConflictApi(Engine engine) {
        this.engine = engine;
    }

    /**
     * One conflict with every version as canonical JSON and the field-by-field comparison.
     *
     * @param resolvable whether an admin can still decide it (held and open)
     */
    record DetailJson(Views.ConflictJson conflict, String type, List<String> systems, Map<String, JsonNode> versions,
            List<ConflictDiff.Field> fields, boolean resolvable) {}

    void register(Router r) {
        r.add("GET", "/api/conflicts", Access.API, this::list);
        r.add("GET", "/api/conflicts/{id}", Access.API, this::detail);
        r.add("POST", "/api/conflicts/{id}/resolve", Access.API, this::resolve);
    }

    private void list(Exchange ex) throws Exception {
        boolean openOnly = ex.boolQuery("open").orElse(false);
        Optional<String> system = ex.query("system");
        int limit = ex.intQuery("limit", 100, 1, 1000);
        List<Views.ConflictJson> out = engine.conflicts(openOnly, system.isPresent() ? 10_000 : limit).stream()
                .filter(c -> system.isEmpty() || c.system().equals(system.get()) || c.otherOrigin().equals(system.get()))
                .limit(limit)
                .map(Views.ConflictJson::of)
                .toList();
        ex.json(200, out);
    }

    private void detail(Exchange ex) throws Exception {
        ex.json(200, detailOf(find(ex.longParam("id"))));
    }

    static DetailJson detailOf(ConflictDetail d) {
        ConflictRecord c = d.record();
        Map<String, Payload> versions = ordered(d);
        Map<String, JsonNode> json = new LinkedHashMap<>();
        versions.forEach((system, payload) -> json.put(system, payload.json()));
        String type = versions.values().stream().findFirst().map(p -> p.type().code()).orElse(null);
        return new DetailJson(Views.ConflictJson.of(c), type, List.copyOf(versions.keySet()), json,
                ConflictDiff.fields(versions), c.open() && !versions.isEmpty());
    }

    /** The conflicting system's version first, then the one it raced with, then any other. */
    private static Map<String, Payload> ordered(ConflictDetail d) {
        Map<String, Payload> out = new LinkedHashMap<>();
        for (String s : List.of(d.record().system(), d.record().otherOrigin())) {
            Payload p = d.versions().get(s);
            if (p != null) {
                out.put(s, p);
            }
        }
        new TreeMap<>(d.versions()).forEach(out::putIfAbsent);
        return out;
    }

    private void resolve(Exchange ex) throws Exception {
        long id = ex.longParam("id");
        JsonNode body = ex.jsonBody();
        ConflictDetail d = find(id);
        if (!d.record().open()) {
            throw HttpProblem.conflict("conflict " + id + " is already resolved: " + d.record().decision());
        }
        boolean keep = body.hasNonNull("keep");
        boolean edited = body.hasNonNull("edited");
        if (keep == edited) {
            throw HttpProblem.badRequest("give either keep (the system whose version wins) or edited (the version to keep)");
        }
        Resolution resolution = keep ? keepOf(d, body.get("keep")) : editedOf(d, body.get("edited"));
        try {
            engine.resolveConflict(id, resolution);
        } catch (ConflictResolutionException e) {
            // Checked above, so what is left is a race with another admin or the item's deletion.
            throw HttpProblem.conflict(e.getMessage());
        }
        ex.json(200, detailOf(find(id)));
    }

    private static Resolution keepOf(ConflictDetail d, JsonNode keep) throws HttpProblem {
        String system = keep.asText("");
        if (!keep.isTextual() || !d.versions().containsKey(system)) {
            throw HttpProblem.badRequest("keep must name one of the versions' systems: "
                    + String.join(", ", d.versions().keySet()));
        }
        return new Resolution.Keep(system);
    }

    private static Resolution editedOf(ConflictDetail d, JsonNode edited) throws HttpProblem {
        if (!(edited instanceof ObjectNode object)) {
            throw HttpProblem.badRequest("edited must be the object as canonical JSON (JSContact / JSCalendar)");
        }
        ItemType type = d.versions().values().stream().findFirst().map(Payload::type).orElseThrow(() ->
                HttpProblem.conflict("conflict " + d.record().id() + " holds no versions to edit"));
        String declared = object.path("@type").asText(type.jsonType());
        if (!declared.equals(type.jsonType())) {
            throw HttpProblem.badRequest("edited has @type '" + declared + "' but the conflicting versions are "
                    + type.jsonType());
        }
        try {
            return new Resolution.Edited(Payload.of(type, object));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("edited is not a valid " + type.code() + ": " + e.getMessage());
        }
    }

    private ConflictDetail find(long id) throws HttpProblem {
        return engine.conflict(id).orElseThrow(() -> HttpProblem.notFound("no conflict " + id));
    }
}
