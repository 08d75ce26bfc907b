package org.concord.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.concord.app.wiring.Agent;
import org.concord.codec.CodecException;
import org.concord.codec.ICalCodec;
import org.concord.codec.VCardCodec;
import org.concord.engine.ConflictDetail;
import org.concord.engine.ConflictResolutionException;
import org.concord.engine.Resolution;
import org.concord.model.Payload;
import org.concord.store.ConflictRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code concord conflicts list | show ID | resolve ID --keep SYSTEM | --file FILE}. */
@Command(name = "conflicts", description = "List conflicts, show one with each system's version, resolve a held one.",
        subcommands = {ConflictsCommand.ListConflicts.class, ConflictsCommand.Show.class, ConflictsCommand.Resolve.class})
public final class ConflictsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        return new ListConflicts().list(config, false, false);
    }

    @Command(name = "list", description = "Conflicts, newest first: held ones wait for you.")
    static final class ListConflicts implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--open", description = "Only held conflicts (waiting for a decision).")
        boolean open;

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return list(config, open, json);
        }

        int list(ConfigOption config, boolean openOnly, boolean asJson) throws Exception {
            org.concord.app.config.Config cfg = config.load();
            java.util.Optional<List<ConflictRecord>> live = RunningAgent.ask(cfg, c -> c.conflicts(openOnly, 200));
            List<ConflictRecord> conflicts;
            if (live.isPresent()) {
                conflicts = live.get();
            } else {
                try (Agent agent = Agent.build(cfg)) {
                    conflicts = agent.engine().conflicts(openOnly, 200);
                }
            }
            if (asJson) {
                ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ArrayNode out = m.createArrayNode();
                conflicts.forEach(c -> record(out.addObject(), c));
                System.out.println(m.writeValueAsString(out));
            } else if (conflicts.isEmpty()) {
                System.out.println(openOnly ? "no held conflicts" : "no conflicts");
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (ConflictRecord c : conflicts) {
                    rows.add(List.of(Long.toString(c.id()), c.open() ? "HELD" : "decided", Text.time(c.at()), c.system(),
                            c.otherOrigin(), c.globalId(), c.policy(), c.decision()));
                }
                System.out.print(Text.table(List.of("ID", "STATE", "WHEN", "CHANGED IN", "PENDING FROM", "ITEM", "POLICY", "DECISION"), rows));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "One conflict; for a held one, each system's version field by field.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Agent agent = Agent.build(config.load())) {
                var found = agent.engine().conflict(id);
                if (found.isEmpty()) {
                    System.err.println("concord: no conflict " + id);
                    return ExitCodes.FAILURE;
                }
                ConflictDetail d = found.get();
                if (json) {
                    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                    ObjectNode out = m.createObjectNode();
                    record(out, d.record());
                    ObjectNode versions = out.putObject("versions");
                    d.versions().forEach((system, p) -> versions.set(system, p.json()));
                    System.out.println(m.writeValueAsString(out));
                    return ExitCodes.OK;
                }
                ConflictRecord c = d.record();
                System.out.printf("conflict %d on item %s: %s%n", c.id(), c.globalId(), c.open() ? "HELD, waiting for a decision" : "decided");
                System.out.printf("  changed in %s while a change from %s was pending for it, %s%n", c.system(), c.otherOrigin(), Text.time(c.at()));
                System.out.printf("  policy %s: %s%n", c.policy(), c.decision());
                if (!d.versions().isEmpty()) {
                    System.out.print(diff(d.versions()));
                    System.out.println("resolve with: concord conflicts resolve " + c.id() + " --keep SYSTEM   (or --file EDITED.vcf|.ics|.json)");
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "resolve", description = "Resolve a held conflict: keep one system's version, or an edited file.")
    static final class Resolve implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ID")
        long id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        static final class Choice {
            @Option(names = "--keep", paramLabel = "SYSTEM", description = "Keep this system's version.")
            String keep;

            @Option(names = "--file", paramLabel = "FILE", description = "Use this edited version (.vcf, .ics or canonical .json).")
            Path file;
        }

        @Override
        public Integer call() throws Exception {
            Resolution resolution = choice.keep != null ? new Resolution.Keep(choice.keep) : new Resolution.Edited(read(choice.file));
            try (Agent agent = Agent.build(config.load())) {
                agent.engine().resolveConflict(id, resolution);
                System.out.println("conflict " + id + " resolved; the version is delivered to every system by the agent (or 'concord sync --once')");
                return ExitCodes.OK;
            } catch (ConflictResolutionException e) {
                System.err.println("concord: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }

        private static Payload read(Path file) throws Exception {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            byte[] bytes = Files.readAllBytes(file);
            try {
                if (name.endsWith(".vcf")) {
                    return VCardCodec.decode(new String(bytes, StandardCharsets.UTF_8));
                }
                if (name.endsWith(".ics")) {
                    return ICalCodec.decode(new String(bytes, StandardCharsets.UTF_8));
                }
                if (name.endsWith(".json")) {
                    return Payload.fromJsonBytes(bytes);
                }
            } catch (CodecException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            throw new IllegalArgumentException(file + ": expected a .vcf, .ics or .json file");
        }
    }

    private static void record(ObjectNode n, ConflictRecord c) {
        n.put("id", c.id()).put("item", c.globalId()).put("changedIn", c.system()).put("pendingFrom", c.otherOrigin())
                .put("policy", c.policy()).put("decision", c.decision()).put("duplicate", c.duplicateId().orElse(null))
                .put("at", c.at().toString()).put("held", c.open());
    }

    /** The versions side by side, one row per field (nested fields as dotted paths), marking fields that differ. */
    static String diff(Map<String, Payload> versions) {
        List<String> systems = new ArrayList<>(versions.keySet());
        Map<String, Map<String, String>> flat = new java.util.LinkedHashMap<>();
        TreeSet<String> fields = new TreeSet<>();
        for (String s : systems) {
            Map<String, String> values = new java.util.TreeMap<>();
            flatten("", versions.get(s).json(), values);
            values.keySet().removeIf(k -> k.equals("@type") || k.equals("version") || k.equals("prodId"));
            flat.put(s, values);
            fields.addAll(values.keySet());
        }
        List<String> header = new ArrayList<>(List.of("", "FIELD"));
        header.addAll(systems);
        List<List<String>> rows = new ArrayList<>();
        for (String f : fields) {
            List<String> values = systems.stream().map(s -> flat.get(s).getOrDefault(f, "—")).toList();
            boolean differs = values.stream().distinct().count() > 1;
            List<String> row = new ArrayList<>(List.of(differs ? "*" : " ", f));
            values.forEach(v -> row.add(v.length() > 60 ? v.substring(0, 57) + "…" : v));
            rows.add(row);
        }
        return Text.table(header, rows);
    }

    private static void flatten(String prefix, com.fasterxml.jackson.databind.JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }
}
