package org.concord.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
    static final String DEFAULT_TIMEOUT = "10m";

    @Mixin
    ConfigOption config;

    @Option(names = "--once", required = true, description = "Catch up and exit (continuous sync is 'concord run').")
    boolean once;

    @Option(names = "--timeout", defaultValue = DEFAULT_TIMEOUT, paramLabel = "DURATION",
            description = "Give up after this long (default ${DEFAULT-VALUE}).")
    String timeout;

    /**
     * The command as cron runs it, {@code sync --once} with at most one {@code -c}/{@code --config}
     * and one {@code --timeout} (as {@code -c FILE}, {@code -c=FILE}, {@code --config FILE} or
     * {@code --config=FILE}, likewise {@code --timeout}), in any order, read without picocli: building
     * picocli's model of a command loads and verifies some 150 classes that class-data sharing
     * cannot keep (picocli is compiled for Java 5), a third of a second of a cron run's CPU. Any
     * other command line (help, another or a repeated option, a value that looks like an option)
     * is empty here and goes to picocli, which accepts or rejects it as always.
     */
    public static Optional<SyncCommand> plain(String... args) {
        if (args.length < 2 || !args[0].equals("sync")) {
            return Optional.empty();
        }
        String file = null;
        String timeout = null;
        boolean once = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value;
            switch (name) {
                case "--once" -> {
                    if (once || a.contains("=")) {
                        return Optional.empty();
                    }
                    once = true;
                    continue;
                }
                case "-c", "--config", "--timeout" -> {
                    if (a.contains("=")) {
                        value = a.substring(a.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        return Optional.empty();
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
            if (value.isEmpty() || value.startsWith("-")) {
                return Optional.empty();
            }
            if (name.equals("--timeout")) {
                if (timeout != null) {
                    return Optional.empty();
                }
                timeout = value;
            } else {
                if (file != null) {
                    return Optional.empty();
                }
                file = value;
            }
        }
        if (!once) {
            return Optional.empty();
        }
        SyncCommand command = new SyncCommand();
        command.once = true;
        command.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        command.config = new ConfigOption();
        command.config.file = Path.of(file == null ? ConfigOption.DEFAULT_FILE : file);
        return Optional.of(command);
    }

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
