package org.concord.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.engine.ConflictSettings;
import org.concord.engine.UserMap;
import org.concord.server.ServerSettings;
import org.concord.spi.SystemConfig;

/**
 * A loaded, validated config.
 *
 * @param file the config file
 * @param store the store location, as written ({@code state/concord.db} or a JDBC URL)
 * @param listen host and port of the REST API, console and metrics
 * @param systems the systems in file order
 * @param notifications the watchdog's interval and its notification channels
 * @param guards the limits that stop mass deletes
 * @param server the admin server: listen address, API token, console users, TLS
 */
public record Config(
        Path file,
        String store,
        String listen,
        List<SystemEntry> systems,
        ConflictSettings conflicts,
        UserMap users,
        NotifyConfig notifications,
        ServerSettings server,
        org.concord.engine.Guards guards) {

    /**
     * One system: its connector settings (passed to the connector factory) and the engine's own
     * settings for it.
     */
    public record SystemEntry(String name, String connector, Duration pollInterval, SystemConfig settings) {}

    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    public Optional<SystemEntry> system(String name) {
        return systems.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Map<String, Map<String, String>> userMap() {
        return users.explicit();
    }
}
