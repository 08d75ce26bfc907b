package org.concord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of results: what {@code --json FILE} writes, and how a scenario run in its own JVM
 * hands its result back.
 */
final class ResultJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {}

    static ObjectNode toJson(ScenarioResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", r.scenario());
        o.put("outcome", r.outcome().code());
        o.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        doubles(o.putArray("loadAverageBefore"), r.loadBefore());
        doubles(o.putArray("loadAverageAfter"), r.loadAfter());
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        ArrayNode cases = o.putArray("cases");
        for (ScenarioResult.Group g : r.groups()) {
            ObjectNode c = cases.addObject();
            c.put("case", g.label());
            ArrayNode cn = c.putArray("notes");
            g.notes().forEach(cn::add);
            ArrayNode figures = c.putArray("figures");
            for (Figure f : g.figures()) {
                ObjectNode fo = figures.addObject();
                fo.put("name", f.name());
                if (Double.isNaN(f.value())) {
                    fo.putNull("value");
                } else {
                    fo.put("value", f.value());
                }
                fo.put("unit", f.unit());
                f.target().ifPresent(t -> {
                    ObjectNode to = fo.putObject("target");
                    to.put("atMost", t.atMost());
                    to.put("bound", t.bound());
                    fo.put("met", t.met(f.value()));
                });
            }
        }
        return o;
    }

    static ScenarioResult fromJson(JsonNode o) {
        ScenarioResult r = new ScenarioResult(o.path("scenario").asText());
        for (ScenarioResult.Outcome outcome : ScenarioResult.Outcome.values()) {
            if (outcome.code().equals(o.path("outcome").asText())) {
                r.outcome(outcome);
            }
        }
        o.path("notes").forEach(n -> r.note(n.asText()));
        for (JsonNode c : o.path("cases")) {
            String label = c.path("case").asText();
            c.path("notes").forEach(n -> r.note(label, n.asText()));
            for (JsonNode f : c.path("figures")) {
                JsonNode t = f.get("target");
                Optional<Target> target = t == null ? Optional.empty()
                        : Optional.of(new Target(t.path("atMost").asBoolean(), t.path("bound").asDouble()));
                double value = f.path("value").isNull() ? Double.NaN : f.path("value").asDouble();
                r.add(label, new Figure(f.path("name").asText(), value, f.path("unit").asText(), target));
            }
        }
        r.timing(o.path("seconds").asDouble(), list(o.path("loadAverageBefore")), list(o.path("loadAverageAfter")));
        return r;
    }

    static void writeOne(ScenarioResult r, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(r));
    }

    static ScenarioResult readOne(Path file) throws IOException {
        return fromJson(JSON.readTree(Files.readAllBytes(file)));
    }

    /** The whole run: when, where, with which options, and every scenario. */
    static void writeRun(Path file, OffsetDateTime started, Map<String, Object> machine, BenchOptions options,
            List<ScenarioResult> results) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", started.toString());
        root.set("machine", JSON.valueToTree(machine));
        ObjectNode opts = root.putObject("options");
        opts.put("quick", options.quick());
        opts.put("contacts", options.contacts());
        opts.put("postgres", options.postgresUrl());
        ArrayNode scenarios = root.putArray("scenarios");
        results.forEach(r -> scenarios.add(toJson(r)));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static void doubles(ArrayNode array, List<Double> values) {
        values.forEach(array::add);
    }

    private static List<Double> list(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out;
    }
}
