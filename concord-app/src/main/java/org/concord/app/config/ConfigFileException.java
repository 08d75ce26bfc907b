package org.concord.app.config;

import java.nio.file.Path;

/** A config file that cannot be used: names the file, the key (when there is one) and the reason. Exit code 2. */
public final class ConfigFileException extends Exception {
    public ConfigFileException(Path file, String keyAndReason) {
        super(file + ": " + keyAndReason);
    }

    public ConfigFileException(Path file, String keyAndReason, Throwable cause) {
        super(file + ": " + keyAndReason, cause);
    }
}
