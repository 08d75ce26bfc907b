package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concord.app.config.ConfigLoader;
import org.concord.app.wiring.Agent;
import org.concord.server.PasswordHash;
import org.concord.testkit.InMemorySystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI beside a running agent: status and errors ask it; hash-password makes console users. */
class AdminCliTest {
    private static final String TOKEN = "cli-test-token-0123456789abcdef";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private InputStream oldIn;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        InMemorySystem.forgetAll();
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
        InMemorySystem.forgetAll();
    }

    private Path config(int port) throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, """
                store: state/concord.db
                listen: 127.0.0.1:%d
                api:
                  token: %s
                systems:
                  left:
                    connector: memory
                    name: admin-left
                  right:
                    connector: memory
                    name: admin-right
                """.formatted(port, TOKEN));
        return f;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void statusAndErrorsAskTheRunningAgentAndReadTheStoreWhenNoneRuns() throws Exception {
        Path f = config(freePort());
        try (Agent agent = Agent.build(new ConfigLoader().load(f))) {
            agent.startServer();
            agent.engine().setWatchdogInterval(java.time.Duration.ofMillis(100));
            agent.engine().start();
            InMemorySystem.named("admin-right").setDown(true);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (agent.engine().status().allUp() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Main.execute("status", "-c", f.toString())).isZero();
            assertThat(out.toString()).contains("agent: running at http://127.0.0.1:").contains("DOWN");
            out.reset();
            assertThat(Main.execute("status", "--json", "-c", f.toString())).isZero();
            assertThat(out.toString()).contains("\"up\" : false");
            out.reset();
            assertThat(Main.execute("errors", "-c", f.toString())).isZero();
            assertThat(out.toString()).contains("no sync errors");
            out.reset();
            assertThat(Main.execute("conflicts", "list", "-c", f.toString())).isZero();
            assertThat(out.toString()).contains("no conflicts");
        }
        out.reset();
        assertThat(Main.execute("status", "-c", f.toString())).isZero();
        assertThat(out.toString()).contains("agent: not reachable");
    }

    @Test
    void hashPasswordPrintsAHashOfThePassword() {
        System.setIn(new ByteArrayInputStream("a long passphrase\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.execute("hash-password", "--stdin")).isZero();
        String hash = out.toString().strip();
        assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain("passphrase");
        assertThat(PasswordHash.verify("a long passphrase".toCharArray(), hash)).isTrue();
    }

    @Test
    void hashPasswordRefusesAnEmptyPassword() {
        System.setIn(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.execute("hash-password", "--stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("empty");
    }
}
