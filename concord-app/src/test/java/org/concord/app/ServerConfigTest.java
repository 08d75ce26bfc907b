package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigLoader;
import org.concord.server.PasswordHash;
import org.concord.server.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin server's keys: api, console, tls — each mistake names its key and never a secret. */
class ServerConfigTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String HASH = PasswordHash.hash("pw".toCharArray());

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of("CONCORD_API_TOKEN", TOKEN, "TLS_PW", "keystore-pass",
            "METRICS", "metrics-0123456789abcdef");

    private Config load(String server) throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, """
                listen: 127.0.0.1:9876
                systems:
                  a:
                    connector: memory
                  b:
                    connector: memory
                """ + server);
        return new ConfigLoader(env::get).load(f);
    }

    @Test
    void withoutTheKeysTheServerListensLocallyWithNoTokenAndNoUser() throws Exception {
        ServerSettings s = load("").server();
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(9876);
        assertThat(s.apiToken()).isEmpty();
        assertThat(s.consoleUsers()).isEmpty();
        assertThat(s.secure()).isFalse();
    }

    @Test
    void tokensComeFromTheEnvironmentAndUsersFromTheirHashes() throws Exception {
        ServerSettings s = load("""
                api:
                  token: ${CONCORD_API_TOKEN}
                  metrics-token: ${METRICS}
                console:
                  users:
                    admin: %s
                """.formatted(HASH)).server();
        assertThat(s.apiToken()).hasValue(TOKEN);
        assertThat(s.metricsToken()).hasValue("metrics-0123456789abcdef");
        assertThat(s.consoleUsers()).containsEntry("admin", HASH);
        assertThat(PasswordHash.verify("pw".toCharArray(), s.consoleUsers().get("admin"))).isTrue();
    }

    @Test
    void aConsoleUserCanBeLimitedToOneUsersMailboxes() throws Exception {
        ServerSettings s = load("""
                console:
                  users:
                    admin: %1$s
                    alice: %1$s
                  mailbox-users:
                    alice: alice.smith
                """.formatted(HASH)).server();
        assertThat(s.mailboxUsers()).containsExactly(Map.entry("alice", "alice.smith"));
        assertThatThrownBy(() -> load("""
                console:
                  users:
                    admin: %s
                  mailbox-users:
                    bob: bob
                """.formatted(HASH))).hasMessageContaining("console.mailbox-users.bob: 'bob' is not a console user; console users: admin");
        assertThatThrownBy(() -> load("""
                console:
                  users:
                    admin: %s
                  mailbox-users:
                    admin: ""
                """.formatted(HASH))).hasMessageContaining("console.mailbox-users.admin: give the user whose mail");
    }

    @Test
    void anEmptyTokenMeansNoToken() throws Exception {
        assertThat(load("api:\n  token: ${UNSET_TOKEN:-}\n").server().apiToken()).isEmpty();
    }

    @Test
    void aKeystoreIsOpenedWhenTheConfigIsLoaded() throws Exception {
        Path ks = keystore();
        ServerSettings s = load("tls:\n  keystore: " + ks.getFileName() + "\n  password: ${TLS_PW}\n").server();
        assertThat(s.secure()).isTrue();
        assertThat(s.tls().orElseThrow().keystore()).isEqualTo(ks.toAbsolutePath().normalize());
        assertThatThrownBy(() -> load("tls:\n  keystore: " + ks.getFileName() + "\n  password: wrong-one\n"))
                .hasMessageContaining("tls.password: does not open").hasMessageNotContaining("wrong-one");
        assertThatThrownBy(() -> load("tls:\n  keystore: nothing.p12\n  password: x\n"))
                .hasMessageContaining("tls.keystore: no readable file");
        assertThatThrownBy(() -> load("tls:\n  keystore: " + ks.getFileName() + "\n"))
                .hasMessageContaining("tls.password: missing");
    }

    @Test
    void everyMistakeNamesItsKeyAndNoSecret() {
        assertThatThrownBy(() -> load("api:\n  tokn: x\n")).hasMessageContaining("api.tokn: unknown key; known keys here: metrics-token, token");
        assertThatThrownBy(() -> load("api:\n  token: short-secret\n"))
                .hasMessageContaining("api.token: too short (12 characters)").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> load("api:\n  token: ${NOT_SET}\n")).hasMessageContaining("api.token: environment variable NOT_SET is not set");
        assertThatThrownBy(() -> load("api:\n  token: " + TOKEN + "\n  metrics-token: " + TOKEN + "\n"))
                .hasMessageContaining("api.metrics-token: must differ from api.token").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> load("console:\n  users:\n    admin: hunter2\n"))
                .hasMessageContaining("console.users.admin: not a password hash").hasMessageContaining("concord hash-password")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> load("console:\n  users:\n    \"bad name\": " + HASH + "\n"))
                .hasMessageContaining("console.users.bad name");
        assertThatThrownBy(() -> load("console:\n  user: {}\n")).hasMessageContaining("console.user: unknown key");
        assertThatThrownBy(() -> load("tls:\n  store: x\n")).hasMessageContaining("tls.store: unknown key");
        assertThatThrownBy(() -> load("api: yes\n")).hasMessageContaining("api: expected a map");
    }

    private Path keystore() throws Exception {
        Path ks = dir.resolve("agent.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "concord", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "30", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "keystore-pass", "-keypass", "keystore-pass").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        return ks;
    }
}
