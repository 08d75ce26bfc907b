package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.concord.model.ItemType;
import org.concord.spi.Capability;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorFactory;
import org.concord.spi.Health;
import org.concord.spi.PermanentConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VdirConnectorFactoryTest {

    @TempDir
    Path dir;

    @Test
    void theAppFindsTheFactoryByItsKind() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.kind().equals("vdir"))).hasSize(1);
    }

    @Test
    void theConnectorDescribesEveryTypeAndPush() throws Exception {
        Connector connector = new VdirConnectorFactory().create(Samples.config(dir, Map.of()));

        assertThat(connector.describe().types()).containsExactlyInAnyOrder(ItemType.values());
        assertThat(connector.describe().has(Capability.PUSH)).isTrue();
    }

    @Test
    void aMisspelledKeyIsAConfigErrorNamingIt() {
        assertThatThrownBy(() -> new VdirConnectorFactory().create(Samples.config(dir, Map.of("rescan-intervall", "1m"))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("systems.files.rescan-intervall"))
                .hasMessageContaining("rescan-interval");
    }

    @Test
    void aMissingPathIsAConfigErrorNamingIt() {
        var config = new org.concord.spi.SystemConfig("files", Map.of("connector", "vdir"), dir);

        assertThatThrownBy(() -> new VdirConnectorFactory().create(config))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("systems.files.path"));
    }

    @Test
    void badValuesAreConfigErrorsNamingTheirKey() {
        Map<String, Map<String, Object>> bad = Map.of(
                "vcard-version", Map.of("vcard-version", "2.1"),
                "rescan-interval", Map.of("rescan-interval", "often"),
                "users", Map.of("users", List.of("alice", "../root")));
        bad.forEach((key, settings) -> assertThatThrownBy(
                () -> new VdirConnectorFactory().create(Samples.config(dir.resolve("f"), settings)))
                .as(key)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("systems.files." + key)));
    }

    @Test
    void goodValuesAreAccepted() throws Exception {
        var config = Samples.config(dir.resolve("f"), Map.of("vcard-version", 4.0, "rescan-interval", "30s",
                "users", List.of("alice", "bob@example.org")));

        VdirSettings settings = VdirSettings.from(config);

        assertThat(settings.vcardVersion().name()).isEqualTo("V4_0");
        assertThat(settings.rescanInterval()).hasSeconds(30);
        assertThat(settings.users()).contains(java.util.Set.of("alice", "bob@example.org"));
    }

    @Test
    void aRelativePathIsResolvedAgainstTheConfigFilesFolderAndCreatedOnOpen() throws Exception {
        var config = new org.concord.spi.SystemConfig("files", Map.of("connector", "vdir", "path", "data/archive"), dir);
        Connector connector = new VdirConnectorFactory().create(config);
        try {
            connector.open();
            assertThat(dir.resolve("data/archive")).isDirectory();
            assertThat(connector.ping()).isInstanceOf(Health.Up.class);
        } finally {
            connector.close();
        }
    }

    @Test
    void aPathThatIsAFileCannotOpen() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Connector connector = new VdirConnectorFactory().create(Samples.config(file, Map.of()));

        assertThatThrownBy(connector::open).isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("vdir 'files'").hasMessageContaining("not a folder");
    }

    @Test
    void pingIsDownWithTheReasonWhenTheFolderIsGoneOrReadOnly() throws Exception {
        Path root = dir.resolve("f");
        Connector connector = Samples.open(root);
        try {
            assertThat(connector.ping()).isInstanceOf(Health.Up.class);

            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
            if (!Files.isWritable(root)) { // root ignores permissions; the check still runs for the removal below
                assertThat(connector.ping()).isInstanceOf(Health.Down.class)
                        .satisfies(h -> assertThat(((Health.Down) h).reason()).contains("not writable"));
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

            Files.delete(root);
            assertThat(connector.ping()).isInstanceOf(Health.Down.class)
                    .satisfies(h -> assertThat(((Health.Down) h).reason()).contains("vdir 'files'", "does not exist"));
        } finally {
            connector.close();
        }
    }

    @Test
    void writesToAFolderThatVanishedFailAsARetryableOutage() throws Exception {
        Path root = dir.resolve("f");
        Connector connector = Samples.open(root);
        try {
            Files.delete(root);
            assertThatThrownBy(() -> connector.setChanges(List.of(new org.concord.spi.Write.Create("g",
                    new org.concord.spi.Scope("alice", ItemType.CONTACT), Samples.contact("u", "U")))))
                    .isInstanceOf(org.concord.spi.RetryableConnectorException.class)
                    .hasMessageContaining("is missing");
            assertThat(root).doesNotExist();
        } finally {
            connector.close();
        }
    }
}
