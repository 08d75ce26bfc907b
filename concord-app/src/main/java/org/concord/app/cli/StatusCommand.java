package org.concord.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concord.app.config.Config;
import org.concord.app.wiring.Agent;
import org.concord.engine.EngineStatus;
import org.concord.engine.SystemStatus;
import org.concord.model.ItemType;
import org.concord.server.AgentClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code concord status}: every system's state, queue and errors, from the running agent or else the store. */
@Command(name = "status", description = "Show every system: up or down since when, pending items, lag, sync errors, conflicts.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        Optional<EngineStatus> live = RunningAgent.ask(cfg, AgentClient::status);
        EngineStatus status;
        if (live.isPresent()) {
            status = live.get();
        } else {
            try (Agent agent = Agent.build(cfg)) {
                status = agent.engine().status();
            }
        }
        if (json) {
            System.out.print(json(status));
        } else {
            System.out.print(text(status));
            System.out.println(live.isPresent()
                    ? "agent: running at " + RunningAgent.where(cfg)
                    : "agent: not reachable at " + RunningAgent.where(cfg) + " (read from the store; up/down as last recorded)");
        }
        return ExitCodes.OK;
    }

    static String text(EngineStatus s) {
        List<List<String>> rows = new ArrayList<>();
        for (SystemStatus sys : s.systems()) {
            String state = sys.paused() ? "paused" : sys.up() ? "up" : "DOWN";
            String lag = sys.oldestPending().map(t -> Text.age(Duration.between(t, s.at()))).orElse("-");
            rows.add(List.of(sys.name(), sys.kind(), state + " since " + Text.time(sys.since()),
                    Long.toString(sys.items()), Long.toString(sys.pending()), lag, Long.toString(sys.errors()),
                    sys.reason().orElse("")));
        }
        StringBuilder b = new StringBuilder();
        b.append(Text.table(List.of("SYSTEM", "KIND", "STATE", "ITEMS", "PENDING", "LAG", "ERRORS", "REASON"), rows));
        b.append('\n').append("store: ").append(s.store()).append('\n');
        b.append("conflicts: ").append(s.openConflicts()).append(" open, ").append(s.conflicts()).append(" in all")
                .append("; sync errors: ").append(s.errors()).append("; pending: ").append(s.pending()).append('\n');
        return b.toString();
    }

    static String json(EngineStatus s) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("at", s.at().toString());
        root.put("store", s.store());
        root.put("pending", s.pending());
        root.put("errors", s.errors());
        root.put("openConflicts", s.openConflicts());
        root.put("conflicts", s.conflicts());
        ArrayNode systems = root.putArray("systems");
        for (SystemStatus sys : s.systems()) {
            ObjectNode n = systems.addObject();
            n.put("name", sys.name());
            n.put("kind", sys.kind());
            ArrayNode types = n.putArray("types");
            sys.types().stream().map(ItemType::code).sorted().forEach(types::add);
            n.put("up", sys.up());
            n.put("since", sys.since().toString());
            n.put("reason", sys.reason().orElse(null));
            n.put("paused", sys.paused());
            n.put("items", sys.items());
            n.put("pending", sys.pending());
            n.put("oldestPending", sys.oldestPending().map(Object::toString).orElse(null));
            n.put("lagSeconds", sys.oldestPending().map(t -> Duration.between(t, s.at()).toSeconds()).orElse(0L));
            n.put("errors", sys.errors());
            n.put("cursor", sys.cursor());
        }
        return m.writeValueAsString(root) + "\n";
    }
}
