package org.concord.app.cli;

import java.nio.file.Path;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigFileException;
import org.concord.app.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The {@code -c FILE} option every command shares. */
public final class ConfigOption {
    static final String DEFAULT_FILE = "concord.yaml";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = DEFAULT_FILE,
            description = "The config file (default: ${DEFAULT-VALUE} in the working directory).")
    Path file;

    public Config load() throws ConfigFileException {
        return new ConfigLoader().load(file);
    }
}
