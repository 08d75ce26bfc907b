package org.concord.app.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigFileException;
import org.concord.store.Store;
import org.concord.store.SystemState;
import org.concord.store.jdbc.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code concord pause SYSTEM}: stop reading from and writing to a system; what it misses waits.
 * Works on the store, so a running agent picks it up within a second or two.
 */
@Command(name = "pause", description = "Pause a system: nothing is read from or written to it; what it misses waits for it.")
public final class PauseCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "SYSTEM")
    String system;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        return setPaused(cfg, system, true, Optional.of("paused by an admin (concord pause)"), false);
    }

    static int setPaused(Config cfg, String system, boolean paused, Optional<String> why, boolean acceptDeletes)
            throws ConfigFileException {
        if (cfg.system(system).isEmpty()) {
            throw new ConfigFileException(cfg.file(), "no system named '" + system + "'; systems: "
                    + String.join(", ", cfg.systems().stream().map(Config.SystemEntry::name).toList()));
        }
        try (Store store = Stores.open(cfg.store(), cfg.baseDir())) {
            SystemState before = store.transact(tx -> {
                SystemState old = tx.systemState(system)
                        .orElse(new SystemState(system, true, Instant.now(), Optional.empty(), false));
                tx.saveSystemState(new SystemState(system, old.up(), old.since(), old.reason(), paused,
                        paused ? why : Optional.empty(), acceptDeletes));
                return old;
            });
            if (paused) {
                System.out.println("paused '" + system + "'" + (before.paused() ? " (it was paused already)" : ""));
            } else {
                System.out.println("resumed '" + system + "'" + (acceptDeletes ? "; the deletes its guard stopped will be applied" : "")
                        + (before.paused() ? "" : " (it was not paused)"));
                before.pauseReason().ifPresent(r -> System.out.println("it was paused because: " + r));
            }
        }
        return ExitCodes.OK;
    }
}
