package org.concord.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.concord.app.cli.ArchiveCommand;
import org.concord.app.cli.BenchCommand;
import org.concord.app.cli.CheckCommand;
import org.concord.app.cli.ConflictsCommand;
import org.concord.app.cli.ConnectorTestCommand;
import org.concord.app.cli.DemoCommand;
import org.concord.app.cli.ErrorsCommand;
import org.concord.app.cli.ExitCodes;
import org.concord.app.cli.PauseCommand;
import org.concord.app.cli.ResumeCommand;
import org.concord.app.cli.HashPasswordCommand;
import org.concord.app.cli.ResyncCommand;
import org.concord.app.cli.RunCommand;
import org.concord.app.cli.StatusCommand;
import org.concord.app.cli.SyncCommand;
import org.concord.app.config.ConfigFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code concord} command. Exit codes: 0 ok, 1 failure, 2 bad usage or config. */
@Command(
        name = "concord",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Keeps contacts, calendars, tasks and notes in sync across groupware, CRM and file systems.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order help lists them. picocli builds a command's model by
     * reflection over its options and their types; building all of them costs a cron run of
     * {@code sync --once} a third of a second, so only the one asked for is built (all of them
     * for help and for anything that is not a subcommand's name).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            RunCommand.class,
            SyncCommand.class,
            StatusCommand.class,
            CheckCommand.class,
            ErrorsCommand.class,
            ConflictsCommand.class,
            ResyncCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            HashPasswordCommand.class,
            ArchiveCommand.class,
            DemoCommand.class,
            ConnectorTestCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: run, sync --once, status, check, errors, conflicts, resync, pause, resume, hash-password, archive, demo, bench");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        configureLogging(args);
        Optional<SyncCommand> cron = SyncCommand.plain(args);
        if (cron.isPresent()) {
            // a cron run's command line, read without picocli (see SyncCommand.plain)
            try {
                return cron.get().call();
            } catch (Exception e) {
                return failed(e, new PrintWriter(System.err, true));
            }
        }
        CommandLine cli = new CommandLine(new Main());
        Class<?> only = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        if (only != null) {
            cli.addSubcommand(only);
        } else {
            SUBCOMMANDS.values().forEach(cli::addSubcommand);
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
        return cli.execute(args);
    }

    /** What a command that threw prints, and its exit code: 2 for a bad config, else 1. */
    private static int failed(Exception e, PrintWriter err) {
        err.println("concord: " + e.getMessage());
        if (e instanceof ConfigFileException) {
            return ExitCodes.USAGE;
        }
        if (System.getenv("CONCORD_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    /** Long-running commands log what happens; one-shot commands only warnings (their output is the answer). */
    private static void configureLogging(String[] args) {
        if (System.getProperty("concord.log.level") != null) {
            return;
        }
        String env = System.getenv("CONCORD_LOG_LEVEL");
        String command = args.length > 0 ? args[0] : "";
        String level = env != null ? env
                : switch (command) {
                    case "run", "demo", "sync", "resync" -> "INFO";
                    default -> "WARN";
                };
        System.setProperty("concord.log.level", level);
    }

    private static Map<String, Class<?>> subcommands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return byName;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"concord " + (v == null ? "(development build)" : v)};
        }
    }
}
