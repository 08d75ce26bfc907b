package org.concord.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.concord.app.config.Config;
import org.concord.app.wiring.Agent;
import org.concord.engine.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code concord resync SYSTEM}: a full re-read of one system, then a catch-up of all. */
@Command(name = "resync", description = "Re-read a system fully and reconcile (never deletes what was merely not seen), then sync once.")
public final class ResyncCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "SYSTEM", description = "The system to re-read.")
    String system;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        if (cfg.system(system).isEmpty()) {
            System.err.println("concord: " + cfg.file() + ": no system named '" + system + "'; systems: "
                    + String.join(", ", cfg.systems().stream().map(Config.SystemEntry::name).toList()));
            return ExitCodes.USAGE;
        }
        try (Agent agent = Agent.build(cfg)) {
            agent.engine().requestResync(system);
            SyncReport report = agent.engine().syncOnce(Duration.ofHours(1));
            System.out.printf("re-read '%s': %d changes read, %d written; %d undelivered, %d sync errors%n",
                    system, report.read(), report.written(), report.undelivered(), report.errors());
            return report.complete() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
