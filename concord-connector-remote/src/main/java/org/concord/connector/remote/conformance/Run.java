package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The state one run of the checklist builds up: what the ping said, where the feed's head was, what it created. */
final class Run {
    final Probe probe;
    final String user;
    final String runId;
    JsonNode ping;
    String type;
    Samples samples;
    Feed feed;
    int maxLimit;
    Set<String> capabilities = Set.of();
    /** The feed position before the suite wrote anything; empty for the start of the feed. */
    Optional<String> head = Optional.empty();
    boolean headKnown;
    final Map<String, Created> objects = new LinkedHashMap<>();
    final List<String> toClean = new ArrayList<>();

    record Created(String ref, String id, String version, String marker) {}

    Run(Probe probe, String user, String runId) {
        this.probe = probe;
        this.user = user;
        this.runId = runId;
    }

    String marker(String name) {
        return "Conformance " + runId + " " + name;
    }

    String ref(String name) {
        return "conformance-" + runId + "-" + name;
    }

    void requirePing() throws CheckSkipped {
        if (samples == null) {
            throw new CheckSkipped("needs a valid ping answer");
        }
    }

    void requireHead() throws CheckSkipped {
        requirePing();
        if (!headKnown) {
            throw new CheckSkipped("needs the feed's head, which could not be read");
        }
    }

    Created object(String name, String madeBy) throws CheckSkipped {
        Created c = objects.get(name);
        if (c == null) {
            throw new CheckSkipped("needs the object made by check '" + madeBy + "', which failed");
        }
        return c;
    }

    ObjectNode change(String ref, Optional<String> id, String op, JsonNode data, Optional<String> expected, boolean isConflict) {
        ObjectNode c = Probe.JSON.createObjectNode();
        c.put("ref", ref).put("user", user).put("type", type);
        id.ifPresent(i -> c.put("id", i));
        c.put("op", op);
        if (data != null) {
            c.set("data", data);
        }
        expected.ifPresent(v -> c.put("expectedVersion", v));
        if (isConflict) {
            c.put("isConflict", true);
        }
        return c;
    }

    /** Sends changes and returns their results, checking the answer's shape. */
    List<JsonNode> write(ObjectNode... changes) throws CheckFailed {
        ObjectNode body = Probe.JSON.createObjectNode();
        ArrayNode list = body.putArray("changes");
        for (ObjectNode c : changes) {
            list.add(c);
        }
        Probe.Answer a = probe.post("changes", body);
        if (a.status() != 200) {
            throw new CheckFailed("POST changes answered HTTP " + a.status() + ": " + a.excerpt());
        }
        JsonNode results = a.json().map(j -> j.path("results")).orElseThrow(
                () -> new CheckFailed("POST changes answered no JSON: " + a.excerpt()));
        if (!results.isArray() || results.size() != changes.length) {
            throw new CheckFailed("POST changes with " + changes.length + " changes answered "
                    + (results.isArray() ? results.size() + " results" : "no 'results' array") + "; one result per change is required");
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < changes.length; i++) {
            JsonNode r = results.get(i);
            if (!changes[i].get("ref").asText().equals(r.path("ref").asText())) {
                throw new CheckFailed("results[" + i + "].ref is '" + r.path("ref").asText() + "', not the change's ref '"
                        + changes[i].get("ref").asText() + "'");
            }
            out.add(r);
        }
        return out;
    }

    /** An ok result's id and version, or a failure naming what came instead. */
    static String[] ok(JsonNode result, String what, boolean needsVersion) throws CheckFailed {
        String status = result.path("status").asText("(none)");
        if (!status.equals("ok")) {
            throw new CheckFailed(what + " answered status '" + status + "'" + message(result) + " instead of ok");
        }
        String id = result.path("id").asText("");
        String version = result.path("version").asText("");
        if (id.isEmpty() || (needsVersion && version.isEmpty())) {
            throw new CheckFailed(what + " answered ok without " + (id.isEmpty() ? "an id" : "a version"));
        }
        return new String[] {id, version};
    }

    static String message(JsonNode result) {
        return result.hasNonNull("message") ? " (" + result.get("message").asText() + ")" : "";
    }
}
