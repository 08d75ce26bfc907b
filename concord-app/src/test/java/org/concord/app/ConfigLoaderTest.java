package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigFileException;
import org.concord.app.config.ConfigLoader;
import org.concord.engine.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("DAV_PASSWORD", "s3cret")::get);

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void theShapeFromTheDesignLoads() throws Exception {
        Config c = loader.load(write("""
                store: state/concord.db
                listen: 127.0.0.1:8750
                systems:
                  groupware:
                    connector: dav
                    url: https://dav.example.org/
                    username: concord
                    password: ${DAV_PASSWORD}
                    poll-interval: 250ms
                  archive:
                    connector: vdir
                    path: data/archive
                conflicts:
                  policy: duplicate
                  duplicates-to: groupware
                users:
                  alice:
                    archive: asmith
                """));
        assertThat(c.systems()).extracting(Config.SystemEntry::name).containsExactly("groupware", "archive");
        Config.SystemEntry gw = c.system("groupware").orElseThrow();
        assertThat(gw.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(gw.settings().string("password")).isEqualTo("s3cret");
        assertThat(gw.settings().has("poll-interval")).as("engine keys are not the connector's").isFalse();
        assertThat(c.conflicts().policy()).isEqualTo(ConflictPolicy.DUPLICATE);
        assertThat(c.conflicts().duplicatesTo()).contains("groupware");
        assertThat(c.users().nativeUser("archive", "alice")).isEqualTo("asmith");
        assertThat(c.users().canonical("archive", "asmith")).isEqualTo("alice");
        assertThat(c.users().nativeUser("groupware", "alice")).isEqualTo("alice");
    }

    @Test
    void anUnknownTopLevelKeyNamesTheFileAndTheKey() throws Exception {
        Path f = write("""
                sytems:
                  a: {connector: vdir, path: a}
                """);
        assertThatThrownBy(() -> loader.load(f)).isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(f + ": sytems: unknown key");
    }

    @Test
    void aMissingEnvironmentVariableIsNamedButNoSecretIsPrinted() throws Exception {
        Path f = write("""
                systems:
                  gw:
                    connector: dav
                    password: ${MISSING_SECRET}
                """);
        assertThatThrownBy(() -> loader.load(f))
                .hasMessage(f + ": systems.gw.password: environment variable MISSING_SECRET is not set");
    }

    @Test
    void aWrongTypeIsNamed() throws Exception {
        Path f = write("""
                systems:
                  gw:
                    connector: vdir
                    poll-interval: often
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("systems.gw.poll-interval: expected a duration");
    }

    @Test
    void aSystemWithoutConnectorIsNamed() throws Exception {
        Path f = write("""
                systems:
                  gw:
                    path: x
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("systems.gw.connector: missing");
    }

    @Test
    void anUnknownPolicyListsTheKnownOnes() throws Exception {
        Path f = write("""
                systems:
                  a: {connector: vdir, path: a}
                conflicts:
                  policy: coin-toss
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("conflicts.policy: unknown policy 'coin-toss'; known: duplicate, merge, newest, prefer:SYSTEM, manual");
    }

    @Test
    void policiesAreChosenGloballyPerTypeAndPerSystem() throws Exception {
        Config c = loader.load(write("""
                systems:
                  crm: {connector: vdir, path: crm, conflicts: "prefer:crm"}
                  gw: {connector: vdir, path: gw}
                conflicts:
                  policy: merge
                  fallback: newest
                  types:
                    event: manual
                """));
        var s = c.conflicts();
        assertThat(s.policyFor("gw", org.concord.model.ItemType.CONTACT)).isEqualTo(new ConflictPolicy.Merge());
        assertThat(s.policyFor("gw", org.concord.model.ItemType.EVENT)).isEqualTo(new ConflictPolicy.Manual());
        assertThat(s.policyFor("crm", org.concord.model.ItemType.EVENT)).isEqualTo(new ConflictPolicy.Prefer("crm"));
        assertThat(s.fallback()).isEqualTo(new ConflictPolicy.Newest());
        assertThat(c.system("crm").orElseThrow().settings().has("conflicts")).as("an engine key").isFalse();
    }

    @Test
    void preferMustNameASystem() throws Exception {
        Path f = write("""
                systems:
                  a: {connector: vdir, path: a}
                conflicts:
                  policy: prefer:crm
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("conflicts.policy: prefer:crm names no system; systems: a");
    }

    @Test
    void duplicatesToMustNameASystem() throws Exception {
        Path f = write("""
                systems:
                  a: {connector: vdir, path: a}
                conflicts:
                  duplicates-to: b
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("conflicts.duplicates-to: no system named 'b'");
    }

    @Test
    void brokenYamlSaysWhere() throws Exception {
        Path f = write("systems:\n  a: [unclosed\n");
        assertThatThrownBy(() -> loader.load(f)).hasMessageStartingWith(f + ": line ").hasMessageContaining("not valid YAML");
    }

    @Test
    void anEmptyFileSaysWhatItNeeds() throws Exception {
        Path f = write("# nothing here yet\n");
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("the file is empty").hasMessageContaining("systems:");
    }

    @Test
    void scalarsKeepTheirYamlTypes() throws Exception {
        Config c = loader.load(write("""
                systems:
                  a: {connector: vdir, path: a, port: 0x1F, big: 12345678901, share: 1.5, tls: off, when: 2024-01-01, none: ~}
                  b: {connector: vdir, path: b, types: [contact, 3]}
                """));
        Map<String, Object> a = c.systems().get(0).settings().settings();
        assertThat(a).containsEntry("port", 31).containsEntry("big", 12345678901L).containsEntry("share", 1.5)
                .containsEntry("tls", false).containsEntry("when", "2024-01-01").containsEntry("none", null);
        assertThat(c.systems().get(1).settings().settings().get("types")).isEqualTo(java.util.List.of("contact", 3));
    }

    @Test
    void aMissingFileSaysHowToGetOne() {
        Path f = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("no such file").hasMessageContaining("concord demo");
    }

    @Test
    void twoUsersMappedToOneNativeNameAreRefused() throws Exception {
        Path f = write("""
                systems:
                  a: {connector: vdir, path: a}
                  b: {connector: vdir, path: b}
                users:
                  alice: {b: shared}
                  bob: {b: shared}
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("users.bob.b: 'shared' in b is already the name of user 'alice'");
    }

    @Test
    void aBadListenAddressIsNamed() throws Exception {
        Path f = write("""
                listen: localhost
                systems:
                  a: {connector: vdir, path: a}
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("listen: expected HOST:PORT");
    }

    @Test
    void guardsAreReadAsAShareAndACount() throws Exception {
        Config c = loader.load(write("""
                systems:
                  a: {connector: vdir, path: a}
                guards:
                  max-delete-share: 25%
                  min-deletes: 100
                """));
        assertThat(c.guards().maxDeleteShare()).isEqualTo(0.25);
        assertThat(c.guards().minDeletes()).isEqualTo(100);
        Path f = write("""
                systems:
                  a: {connector: vdir, path: a}
                guards:
                  max-delete-share: lots
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("guards.max-delete-share: expected a share such as 50% or 0.5");
    }
}
