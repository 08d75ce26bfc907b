package org.concord.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cron command line read without picocli: the forms it takes, and everything it leaves to picocli. */
class SyncCommandPlainTest {

    private static Optional<SyncCommand> plain(String... args) {
        return SyncCommand.plain(args);
    }

    @Test
    void everyCronFormIsReadWithItsFileAndTimeout() {
        for (String[] args : new String[][] {
                {"sync", "--once", "-c", "/etc/concord.yaml", "--timeout", "5m"},
                {"sync", "-c", "/etc/concord.yaml", "--once", "--timeout=5m"},
                {"sync", "--config=/etc/concord.yaml", "--timeout", "5m", "--once"},
                {"sync", "--timeout=5m", "--config", "/etc/concord.yaml", "--once"},
                {"sync", "-c=/etc/concord.yaml", "--once", "--timeout", "5m"}}) {
            SyncCommand c = plain(args).orElseThrow(() -> new AssertionError(String.join(" ", args)));
            assertThat(c.config.file).isEqualTo(Path.of("/etc/concord.yaml"));
            assertThat(c.timeout).isEqualTo("5m");
            assertThat(c.once).isTrue();
        }
    }

    @Test
    void leftOutOptionsTakeTheDefaultsPicocliWouldGive() {
        SyncCommand c = plain("sync", "--once").orElseThrow();
        assertThat(c.config.file).isEqualTo(Path.of("concord.yaml"));
        assertThat(c.timeout).isEqualTo("10m");
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        assertThat(plain("sync")).isEmpty();
        assertThat(plain("sync", "-c", "x.yaml")).isEmpty();
        assertThat(plain("status", "--once")).isEmpty();
        assertThat(plain("sync", "--once", "--help")).isEmpty();
        assertThat(plain("sync", "--once", "-h")).isEmpty();
        assertThat(plain("sync", "--once", "--once")).isEmpty();
        assertThat(plain("sync", "--once=true")).isEmpty();
        assertThat(plain("sync", "--once", "-c", "a.yaml", "--config", "b.yaml")).isEmpty();
        assertThat(plain("sync", "--once", "--timeout", "1m", "--timeout=2m")).isEmpty();
        assertThat(plain("sync", "--once", "-c")).isEmpty();
        assertThat(plain("sync", "--once", "-c", "--timeout", "1m")).isEmpty();
        assertThat(plain("sync", "--once", "-c=")).isEmpty();
        assertThat(plain("sync", "--once", "-cx.yaml")).isEmpty();
        assertThat(plain("sync", "--once", "--", "x")).isEmpty();
        assertThat(plain("sync", "--once", "extra")).isEmpty();
    }
}
