package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Checks of the optional endpoints, run when the ping lists them among its capabilities. */
final class OptionalChecks {
    private OptionalChecks() {}

    static String search(Run run) throws CheckFailed, CheckSkipped {
        run.requirePing();
        if (!run.capabilities.contains("search")) {
            throw new CheckSkipped("search is not among the capabilities");
        }
        Run.Created one = run.object("one", WriteChecks.CREATE);
        String q = "search?q=" + URLEncoder.encode(one.marker(), StandardCharsets.UTF_8) + "&type=" + run.type;
        Probe.Answer a = run.probe.get(q, Duration.ofSeconds(10));
        if (a.status() != 200) {
            throw new CheckFailed("GET " + q + " answered HTTP " + a.status() + ": " + a.excerpt());
        }
        JsonNode results = a.json().map(j -> j.path("results")).orElseThrow(() -> new CheckFailed("GET search answered no JSON"));
        if (!results.isArray()) {
            throw new CheckFailed("GET search answered no 'results' array");
        }
        for (JsonNode r : results) {
            if (r.path("id").asText().equals(one.id())) {
                if (!r.path("label").isTextual()) {
                    throw new CheckFailed("search result for object " + one.id() + " has no 'label'");
                }
                return "found object " + one.id() + " by its test value";
            }
        }
        throw new CheckFailed("searching for '" + one.marker() + "' did not find object " + one.id() + " (" + results.size() + " results)");
    }

    static String archive(Run run) throws CheckFailed, CheckSkipped {
        run.requirePing();
        if (!run.capabilities.contains("archive")) {
            throw new CheckSkipped("archive is not among the capabilities");
        }
        Run.Created one = run.object("one", WriteChecks.CREATE);
        ObjectNode body = Probe.JSON.createObjectNode();
        body.put("user", run.user);
        body.putObject("target").put("type", run.type).put("id", one.id());
        ObjectNode message = body.putObject("message");
        message.put("messageId", "<" + run.runId + "@conformance.concord>").put("subject", "Conformance " + run.runId)
                .put("from", "conformance@example.org").put("date", "2026-01-05T10:00:00Z").put("text", "A test message.");
        message.putArray("to").add("someone@example.org");
        body.putArray("attachments").addObject().put("name", "note.txt").put("mediaType", "text/plain")
                .put("content", Base64.getEncoder().encodeToString("attached".getBytes(StandardCharsets.UTF_8)));
        String first = archived(run.probe.post("archive", body), "the first archive");
        String second = archived(run.probe.post("archive", body), "the same message archived again");
        if (!first.equals(second)) {
            throw new CheckFailed("the same message archived twice was filed twice (ids " + first + " and " + second + ")");
        }
        return "filed once as " + first + ", also when sent twice";
    }

    private static String archived(Probe.Answer a, String what) throws CheckFailed {
        if (a.status() != 200) {
            throw new CheckFailed(what + " answered HTTP " + a.status() + ": " + a.excerpt());
        }
        JsonNode r = a.json().orElseThrow(() -> new CheckFailed(what + " answered no JSON"));
        if (!r.path("status").asText().equals("ok") || r.path("id").asText("").isEmpty()) {
            throw new CheckFailed(what + " answered " + a.excerpt() + ", expected status ok with an id");
        }
        return r.get("id").asText();
    }
}
