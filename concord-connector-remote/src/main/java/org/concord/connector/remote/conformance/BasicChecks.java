package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks that need no data: the ping, authentication, error answers, reading the feed to its head. */
final class BasicChecks {
    private static final Set<String> TYPES = Set.of("contact", "event", "task", "note");
    private static final Set<String> KINDS = Set.of("string", "integer", "number", "boolean");
    private static final List<String> PREFERRED_TYPES = List.of("contact", "event", "task", "note");

    private BasicChecks() {}

    static String ping(Run run) throws CheckFailed {
        Probe.Answer a = run.probe.get("ping", Duration.ofSeconds(10));
        if (a.status() != 200) {
            throw new CheckFailed("GET ping answered HTTP " + a.status() + " (expected 200 with status up): " + a.excerpt());
        }
        JsonNode p = a.json().orElseThrow(() -> new CheckFailed("GET ping answered no JSON: " + a.excerpt()));
        if (!p.path("status").asText().equals("up")) {
            throw new CheckFailed("ping status is '" + p.path("status").asText() + "', not up");
        }
        if (p.path("protocol").asInt(-1) != 1) {
            throw new CheckFailed("ping protocol is " + p.path("protocol") + ", expected 1");
        }
        if (!p.path("name").isTextual() || p.path("name").asText().isBlank()) {
            throw new CheckFailed("ping has no 'name'");
        }
        String comparison = p.path("modidComparison").asText("");
        if (!comparison.equals("integer") && !comparison.equals("text")) {
            throw new CheckFailed("ping modidComparison is '" + comparison + "', expected integer or text");
        }
        JsonNode types = p.path("types");
        if (!types.isObject() || types.isEmpty()) {
            throw new CheckFailed("ping 'types' must name at least one type with its format");
        }
        for (Map.Entry<String, JsonNode> t : types.properties()) {
            if (!TYPES.contains(t.getKey())) {
                throw new CheckFailed("ping types names unknown type '" + t.getKey() + "'");
            }
            String format = t.getValue().path("format").asText("");
            boolean fits = switch (format) {
                case "jscontact", "vcard" -> t.getKey().equals("contact");
                case "jscalendar", "icalendar" -> !t.getKey().equals("contact");
                case "record" -> true;
                default -> throw new CheckFailed("ping types." + t.getKey() + ".format is '" + format
                        + "', expected jscontact, jscalendar, vcard, icalendar or record");
            };
            if (!fits) {
                throw new CheckFailed("ping types." + t.getKey() + ".format '" + format + "' cannot hold a " + t.getKey());
            }
            JsonNode fields = t.getValue().path("fields");
            if (format.equals("record") && (!fields.isObject() || fields.isEmpty())) {
                throw new CheckFailed("ping types." + t.getKey() + " is a record but lists no 'fields'");
            }
            for (Map.Entry<String, JsonNode> f : fields.properties()) {
                if (!KINDS.contains(f.getValue().asText())) {
                    throw new CheckFailed("ping types." + t.getKey() + ".fields." + f.getKey() + " has kind '"
                            + f.getValue().asText() + "', expected string, integer, number or boolean");
                }
            }
        }
        run.ping = p;
        run.type = PREFERRED_TYPES.stream().filter(types::has).findFirst().orElseThrow();
        JsonNode spec = types.get(run.type);
        Map<String, String> fields = new LinkedHashMap<>();
        spec.path("fields").properties().forEach(f -> fields.put(f.getKey(), f.getValue().asText()));
        run.samples = new Samples(run.type, spec.path("format").asText(), fields);
        run.feed = new Feed(run.probe, comparison);
        run.maxLimit = p.path("limits").path("maxLimit").asInt(1000);
        Set<String> caps = new TreeSet<>();
        p.path("capabilities").forEach(c -> caps.add(c.asText()));
        run.capabilities = caps;
        return p.path("name").asText() + "; testing " + run.samples.describe() + "; modids compare as " + comparison
                + (caps.isEmpty() ? "" : "; offers " + String.join(", ", caps));
    }

    static String authentication(Run run, Optional<String> token) throws CheckFailed, CheckSkipped {
        if (token.isEmpty()) {
            throw new CheckSkipped("no token given (--token): cannot tell whether the endpoint requires one");
        }
        for (Optional<String> header : List.of(Optional.<String>empty(), Optional.of("Bearer wrong-" + run.runId))) {
            Probe.Answer a = run.probe.getWith("changes?limit=1", header);
            String how = header.isEmpty() ? "without credentials" : "with a wrong token";
            if (a.status() != 401) {
                throw new CheckFailed("GET changes " + how + " answered HTTP " + a.status() + ", expected 401");
            }
            requireProblem(a, "GET changes " + how);
        }
        return "401 with a problem document without credentials and with a wrong token";
    }

    static String malformed(Run run) throws CheckFailed, CheckSkipped {
        run.requirePing();
        record Bad(String what, Probe.Answer answer) {}
        List<Bad> bad = List.of(
                new Bad("POST changes with a body that is not JSON", run.probe.post("changes", "{\"changes\": [")),
                new Bad("POST changes with an unknown op", run.probe.post("changes",
                        "{\"changes\":[{\"ref\":\"" + run.ref("bad") + "\",\"user\":\"" + run.user + "\",\"type\":\"" + run.type
                                + "\",\"op\":\"explode\"}]}")),
                new Bad("POST changes without 'changes'", run.probe.post("changes", "{\"items\":[]}")),
                new Bad("GET changes?limit=abc", run.probe.get("changes?limit=abc", Duration.ofSeconds(10))));
        for (Bad b : bad) {
            int s = b.answer().status();
            if (s < 400 || s > 499) {
                throw new CheckFailed(b.what() + " answered HTTP " + s + ", expected a 4xx status");
            }
            requireProblem(b.answer(), b.what());
        }
        return "4 malformed requests answered 4xx with problem details";
    }

    private static void requireProblem(Probe.Answer a, String what) throws CheckFailed {
        if (!a.isProblem()) {
            throw new CheckFailed(what + " answered Content-Type '" + a.contentType() + "', expected application/problem+json");
        }
        JsonNode p = a.json().orElseThrow(() -> new CheckFailed(what + " answered a problem that is not JSON"));
        if (!p.path("title").isTextual() || p.path("status").asInt() != a.status()) {
            throw new CheckFailed(what + " answered a problem document without a title or with a status other than " + a.status());
        }
        if (!p.path("detail").isTextual() || p.path("detail").asText().isBlank()) {
            throw new CheckFailed(what + " answered a problem document without a 'detail' saying what is wrong");
        }
    }

    static String head(Run run) throws CheckFailed, CheckSkipped {
        run.requirePing();
        int limit = Math.min(run.maxLimit, 500);
        List<Feed.Page> pages = run.feed.all(Optional.empty(), limit, false);
        run.head = Feed.end(pages, Optional.empty());
        run.headKnown = true;
        return Feed.changes(pages).size() + " changes in " + pages.size() + " pages; head at " + run.head.orElse("(empty feed)");
    }
}
