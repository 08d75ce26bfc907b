package org.concord.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.concord.app.wiring.Agent;
import org.concord.engine.SyncReport;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code concord sync --once}: cron mode. */
@Command(name = "sync", description = "Catch every system up once and exit (cron mode). Exit code 1 if anything is left undelivered.")
public final class SyncCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--once", required = true, description = "Catch up and exit (continuous sync is 'concord run').")
    boolean once;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION",
            description = "Give up after this long (default ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() throws Exception {
        Duration limit;
        try {
            limit = SystemConfig.parseDuration("--timeout", timeout);
        } catch (ConfigException e) {
            System.err.println("concord: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (Agent agent = Agent.build(config.load())) {
            SyncReport report = agent.engine().syncOnce(limit);
            System.out.printf("read %d changes, wrote %d, %d rounds; %d undelivered, %d sync errors%n",
                    report.read(), report.written(), report.rounds(), report.undelivered(), report.errors());
            report.down().forEach(d -> System.out.println("down: " + d));
            if (!report.complete()) {
                System.out.println("not everything was delivered: see 'concord status' and 'concord errors'");
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }
}
