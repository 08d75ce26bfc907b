package org.concord.connector.jdbc.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ready mappings shipped with the connector, written in the same YAML a user writes under a
 * system, so a preset doubles as an example. A system's own {@code tables} entries replace the
 * preset's of the same name ({@code false} drops one).
 */
public final class Preset {

    /** The presets this connector ships. */
    public static final List<String> NAMES = List.of("crm");

    private Preset() {}

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> load(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Preset.class.getResourceAsStream("/org/concord/connector/jdbc/presets/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is missing from the jar");
            }
            return Optional.of(new ObjectMapper(new YAMLFactory()).readValue(in, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException("preset " + name + " does not read", e);
        }
    }
}
