package org.concord.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.concord.app.config.Config;
import org.concord.app.wiring.Agent;
import org.concord.engine.SystemSpec;
import org.concord.model.ItemType;
import org.concord.spi.ConnectorException;
import org.concord.spi.Health;
import org.concord.spi.Installable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code concord check}: validates the config, shows what systems need installed (and installs it
 * with {@code --install}), connects to every system and pings it.
 */
@Command(name = "check", description = "Validate the config, show what each system needs installed (change capture), connect to every system and ping it, show the user map. Exit code 1 if a system does not work.")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--install", description = "Install what the systems need (e.g. a database's change-log table and triggers) before pinging them. Safe to repeat: it brings the system to the current config.")
    boolean install;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        System.out.println("config " + cfg.file() + ": ok (" + cfg.systems().size() + " systems, store "
                + cfg.store() + ", listen " + cfg.listen() + ", conflicts " + cfg.conflicts().policy().code() + ")");
        List<SystemSpec> specs = Agent.connectors(cfg);
        boolean allUp = installAll(specs);
        List<List<String>> rows = new ArrayList<>();
        for (SystemSpec spec : specs) {
            String types = String.join(",", spec.connector().describe().types().stream().sorted().map(ItemType::code).toList());
            String state;
            try {
                spec.connector().open();
                Health h = spec.connector().ping();
                state = switch (h) {
                    case Health.Up up -> "up: " + up.detail();
                    case Health.Down down -> "DOWN: " + down.reason();
                };
                allUp &= h instanceof Health.Up;
            } catch (ConnectorException e) {
                state = "DOWN: " + e.getMessage();
                allUp = false;
            } finally {
                spec.connector().close();
            }
            rows.add(List.of(spec.name(), spec.connector().describe().kind(), types, state));
        }
        System.out.print(Text.table(List.of("SYSTEM", "KIND", "TYPES", "STATE"), rows));
        Map<String, Map<String, String>> users = cfg.userMap();
        if (users.isEmpty()) {
            System.out.println("users: the same user name on every system is one user (no 'users:' map)");
        } else {
            System.out.println("users (others keep the same name on every system):");
            users.forEach((u, perSystem) -> System.out.println("  " + u + ": " + perSystem));
        }
        return allUp ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Shows, per system that needs something installed, what; with --install, installs it. False if an install failed. */
    private boolean installAll(List<SystemSpec> specs) {
        boolean ok = true;
        for (SystemSpec spec : specs) {
            if (!(spec.connector() instanceof Installable installable)) {
                continue;
            }
            System.out.println("system " + spec.name() + ", what 'check --install' creates or replaces: "
                    + installable.describeInstall().strip());
            if (!install) {
                continue;
            }
            try {
                installable.install();
                System.out.println("system " + spec.name() + ": installed");
            } catch (ConnectorException e) {
                System.out.println("system " + spec.name() + ": install FAILED: " + e.getMessage());
                ok = false;
            }
        }
        if (!install && specs.stream().anyMatch(s -> s.connector() instanceof Installable)) {
            System.out.println("(run 'concord check --install' to install it; doing so again is harmless)");
        }
        return ok;
    }
}
