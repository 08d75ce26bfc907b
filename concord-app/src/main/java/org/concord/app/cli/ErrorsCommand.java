package org.concord.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigFileException;
import org.concord.store.Store;
import org.concord.store.SyncError;
import org.concord.store.jdbc.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code concord errors}: the objects that could not be read, converted or written, and why (from the running agent or else the store). */
@Command(name = "errors", description = "List sync errors: the object, the system, when, how often, and the reason.")
public final class ErrorsCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--system", paramLabel = "SYSTEM", description = "Only errors of this system.")
    String system;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        if (system != null && cfg.system(system).isEmpty()) {
            throw new ConfigFileException(cfg.file(), "no system named '" + system + "'");
        }
        Optional<List<SyncError>> live = RunningAgent.ask(cfg, c -> c.errors(Optional.ofNullable(system), limit));
        List<SyncError> errors;
        if (live.isPresent()) {
            errors = live.get();
        } else {
            try (Store store = Stores.open(cfg.store(), cfg.baseDir())) {
                errors = store.read(tx -> tx.errors(Optional.ofNullable(system), limit));
            }
        }
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode out = m.createArrayNode();
            for (SyncError e : errors) {
                out.addObject().put("id", e.id()).put("system", e.system()).put("phase", e.phase().code())
                        .put("object", e.objectRef()).put("item", e.globalId().orElse(null))
                        .put("message", e.message()).put("first", e.firstAt().toString())
                        .put("last", e.lastAt().toString()).put("count", e.count());
            }
            System.out.println(m.writeValueAsString(out));
        } else if (errors.isEmpty()) {
            System.out.println("no sync errors");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (SyncError e : errors) {
                rows.add(List.of(Long.toString(e.id()), e.system(), e.phase().code(), e.objectRef(),
                        Text.time(e.lastAt()), Integer.toString(e.count()), e.message()));
            }
            System.out.print(Text.table(List.of("ID", "SYSTEM", "PHASE", "OBJECT", "LAST", "COUNT", "REASON"), rows));
        }
        return ExitCodes.OK;
    }
}
