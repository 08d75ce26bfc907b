package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concord.model.ItemType;
import org.concord.spi.Scope;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, on in-memory systems (connector kind {@code memory} from the testkit). */
class CliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        InMemorySystem.forgetAll();
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        InMemorySystem.forgetAll();
    }

    private Path config(String name) throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, """
                store: state/concord.db
                systems:
                  left:
                    connector: memory
                    name: %s-left
                  right:
                    connector: memory
                    name: %s-right
                """.formatted(name, name));
        return f;
    }

    private int run(String... args) {
        return Main.execute(args);
    }

    @Test
    void syncOnceDeliversAndExitsZero() throws Exception {
        Path f = config("once");
        InMemorySystem.named("once-left").userCreate(new Scope("alice", ItemType.CONTACT), Samples.of(ItemType.CONTACT, 1));
        assertThat(run("sync", "--once", "-c", f.toString())).isZero();
        assertThat(InMemorySystem.named("once-right").list()).hasSize(1);
        assertThat(out.toString()).contains("0 undelivered");
    }

    @Test
    void syncOnceTakesItsOptionsInAnyOrderAndForm() throws Exception {
        Path f = config("forms");
        InMemorySystem.named("forms-left").userCreate(new Scope("alice", ItemType.CONTACT), Samples.of(ItemType.CONTACT, 1));
        assertThat(run("sync", "--timeout=5m", "--config=" + f, "--once")).isZero();
        assertThat(InMemorySystem.named("forms-right").list()).hasSize(1);
        assertThat(out.toString()).contains("0 undelivered");
    }

    @Test
    void syncOnceWithAMissingConfigOrABadTimeoutIsAUsageError() throws Exception {
        Path missing = dir.resolve("missing.yaml");
        assertThat(run("sync", "--once", "-c", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("concord: ").contains(missing.toString());
        err.reset();
        assertThat(run("sync", "--once", "-c", config("timeout").toString(), "--timeout", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout");
    }

    @Test
    void syncOnceWithAnUnknownOptionIsAUsageError() throws Exception {
        assertThat(run("sync", "--once", "--dry-run", "-c", config("unknown").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--dry-run");
    }

    @Test
    void syncOnceWithASystemDownExitsOneAndSaysWhichIsDown() throws Exception {
        Path f = config("down");
        InMemorySystem.named("down-left").userCreate(new Scope("alice", ItemType.CONTACT), Samples.of(ItemType.CONTACT, 1));
        InMemorySystem.named("down-right").setDown(true);
        assertThat(run("sync", "--once", "-c", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("1 undelivered").contains("down: right: memory 'down-right': system is down");
    }

    @Test
    void statusShowsEverySystemAndItsQueue() throws Exception {
        Path f = config("status");
        InMemorySystem.named("status-left").userCreate(new Scope("alice", ItemType.CONTACT), Samples.of(ItemType.CONTACT, 1));
        InMemorySystem.named("status-right").setDown(true);
        run("sync", "--once", "-c", f.toString());
        out.reset();
        assertThat(run("status", "-c", f.toString())).isZero();
        assertThat(out.toString()).contains("left").contains("right").contains("DOWN").contains("pending: 1");
        out.reset();
        assertThat(run("status", "--json", "-c", f.toString())).isZero();
        assertThat(out.toString()).contains("\"name\" : \"right\"").contains("\"up\" : false").contains("\"pending\" : 1");
    }

    @Test
    void aConfigErrorExitsTwoNamingFileAndKey() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "systems:\n  a:\n    connector: memory\n    nmae: x\n");
        assertThat(run("status", "-c", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(f.toString()).contains("systems.a.nmae: unknown key");
    }

    @Test
    void anUnknownConnectorListsTheAvailableOnes() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "systems:\n  a:\n    connector: carddav\n");
        assertThat(run("check", "-c", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("systems.a.connector: unknown connector 'carddav'; available:").contains("memory");
    }

    @Test
    void checkPingsEverySystem() throws Exception {
        Path f = config("check");
        InMemorySystem.named("check-right").setDown(true);
        assertThat(run("check", "-c", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("config ").contains(": ok").contains("left").contains("up")
                .contains("DOWN").contains("the same user name on every system is one user");
    }

    @Test
    void syncWithoutOnceIsAUsageError() throws Exception {
        Path f = config("usage");
        assertThat(run("sync", "-c", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--once");
    }

    @Test
    void errorsListsNothingWhenAllIsWell() throws Exception {
        Path f = config("errors");
        run("sync", "--once", "-c", f.toString());
        out.reset();
        assertThat(run("errors", "-c", f.toString())).isZero();
        assertThat(out.toString()).contains("no sync errors");
    }

    @Test
    void aHeldConflictIsListedShownAndResolvedFromTheCommandLine() throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, """
                store: state/concord.db
                systems:
                  left: {connector: memory, name: manual-left}
                  right: {connector: memory, name: manual-right}
                conflicts:
                  policy: manual
                """);
        Scope scope = new Scope("alice", ItemType.CONTACT);
        InMemorySystem left = InMemorySystem.named("manual-left");
        InMemorySystem right = InMemorySystem.named("manual-right");
        String inLeft = left.userCreate(scope, Samples.of(ItemType.CONTACT, "uid-c", 1, 0));
        assertThat(run("sync", "--once", "-c", f.toString())).isZero();
        right.setDown(true);
        left.userUpdate(inLeft, Samples.of(ItemType.CONTACT, "uid-c", 1, 1));
        run("sync", "--once", "-c", f.toString());
        right.userUpdate(right.list().get(0).nativeId(), Samples.of(ItemType.CONTACT, "uid-c", 1, 2));
        right.setDown(false);
        run("sync", "--once", "-c", f.toString());
        out.reset();
        assertThat(run("conflicts", "list", "--open", "-c", f.toString())).isZero();
        assertThat(out.toString()).contains("HELD").contains("manual");
        out.reset();
        assertThat(run("conflicts", "show", "1", "-c", f.toString())).isZero();
        assertThat(out.toString()).contains("HELD, waiting for a decision").contains("Person 1 (edit 1)").contains("Person 1 (edit 2)")
                .containsPattern("\\*\\s+name.full").contains("concord conflicts resolve 1 --keep SYSTEM");
        out.reset();
        assertThat(run("conflicts", "resolve", "1", "--keep", "nowhere", "-c", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("has no version from 'nowhere'");
        assertThat(run("conflicts", "resolve", "1", "--keep", "right", "-c", f.toString())).isZero();
        assertThat(run("sync", "--once", "-c", f.toString())).isZero();
        assertThat(left.list().get(0).payload()).isEqualTo(Samples.of(ItemType.CONTACT, "uid-c", 1, 2));
        assertThat(right.list().get(0).payload()).isEqualTo(Samples.of(ItemType.CONTACT, "uid-c", 1, 2));
        out.reset();
        run("conflicts", "list", "--open", "-c", f.toString());
        assertThat(out.toString()).contains("no held conflicts");
    }

    @Test
    void pauseAndResumeChangeWhatSyncDoes() throws Exception {
        Path f = config("pause");
        InMemorySystem.named("pause-left").userCreate(new Scope("alice", ItemType.CONTACT), Samples.of(ItemType.CONTACT, 1));
        assertThat(run("pause", "right", "-c", f.toString())).isZero();
        assertThat(run("sync", "--once", "-c", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("down: right: paused: paused by an admin");
        assertThat(InMemorySystem.named("pause-right").list()).isEmpty();
        assertThat(run("resume", "right", "-c", f.toString())).isZero();
        assertThat(run("sync", "--once", "-c", f.toString())).isZero();
        assertThat(InMemorySystem.named("pause-right").list()).hasSize(1);
    }
}
