package org.concord.app.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code concord resume SYSTEM [--accept-deletes]}: resume a paused system. */
@Command(name = "resume", description = "Resume a paused system. --accept-deletes confirms the mass deletes a guard stopped.")
public final class ResumeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "SYSTEM")
    String system;

    @Option(names = "--accept-deletes", description = "Apply the deletes that made the delete guard pause the system.")
    boolean acceptDeletes;

    @Override
    public Integer call() throws Exception {
        return PauseCommand.setPaused(config.load(), system, false, Optional.empty(), acceptDeletes);
    }
}
