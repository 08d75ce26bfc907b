package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of 20,000 files is read in batches of at most {@code limit}, with {@code more} set
 * until the end. The folder is made once (20,000 files take seconds on a shared disk); the test that
 * removes files runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VdirLargeFolderTest {

    private static final int FILES = 20_000;
    private static final int LIMIT = 1_000;

    @TempDir
    static Path root;

    private Connector connector;

    @BeforeAll
    static void manyFiles() throws Exception {
        // an hour old, as in a folder that has been there a while (recent files are compared by content)
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (int i = 0; i < FILES; i++) {
            Path file = file(i);
            if (i < 8) {
                Files.createDirectories(file.getParent());
            }
            String text = i % 2 == 0 ? Samples.vcard("u-" + i, "Person " + i) : Samples.event("e-" + i, "Meeting " + i);
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            Files.setLastModifiedTime(file, old);
        }
    }

    private static Path file(int i) {
        return root.resolve("user" + (i % 4)).resolve(i % 2 == 0 ? "contacts" : "calendar")
                .resolve(String.format("%06d", i) + (i % 2 == 0 ? ".vcf" : ".ics"));
    }

    @AfterEach
    void close() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    @Order(1)
    void aLargeFolderIsListedInBatchesOfTheLimitWithMoreSetUntilTheEnd() throws Exception {
        TestHub hub = new TestHub();
        connector = Samples.open(root);
        Set<String> seen = new HashSet<>();
        int batches = 0;
        long start = System.nanoTime();
        ChangeBatch batch;
        do {
            batch = hub.read(connector, LIMIT, Duration.ZERO, false);
            batches++;
            // a batch may hold fewer than the limit: a call spends a bounded time listing
            assertThat(batch.changes()).hasSizeLessThanOrEqualTo(LIMIT);
            if (!batch.more()) {
                assertThat(seen.size() + batch.changes().size()).as("'more' is clear only at the end").isEqualTo(FILES);
            }
            batch.changes().forEach(c -> assertThat(seen.add(c.nativeId())).as("reported once: " + c.nativeId()).isTrue());
        } while (batch.more());
        long firstListing = millisSince(start);

        assertThat(seen).hasSize(FILES);
        assertThat(batches).isGreaterThanOrEqualTo(FILES / LIMIT);

        start = System.nanoTime();
        ChangeBatch idle = hub.read(connector, LIMIT, Duration.ZERO, false);
        long idleMicros = (System.nanoTime() - start) / 1_000;
        assertThat(idle.changes()).isEmpty();

        connector.close();
        connector = Samples.open(root);
        start = System.nanoTime();
        List<Change> relisted = hub.readAll(connector, LIMIT);
        long unchangedListing = millisSince(start);
        assertThat(relisted).isEmpty();

        System.out.printf("vdir %d files: first listing (all read and parsed) %d ms in %d batches; "
                + "no-change getChanges %d us; full listing with nothing changed %d ms%n",
                FILES, firstListing, batches, idleMicros, unchangedListing);
    }

    @Test
    @Order(2)
    void manyFilesRemovedAtOnceBecomeDeletesInBatches() throws Exception {
        TestHub hub = new TestHub();
        connector = Samples.open(root);
        hub.readAll(connector, LIMIT);
        connector.close();
        int removed = 0;
        for (int i = 0; i < FILES; i += 3) {
            Files.delete(file(i));
            removed++;
        }
        connector = Samples.open(root);

        long start = System.nanoTime();
        List<Change> changes = hub.readAll(connector, LIMIT);

        assertThat(changes).hasSize(removed).allMatch(c -> c instanceof Change.Delete);
        assertThat(hub.links).hasSize(FILES - removed);
        System.out.printf("vdir %d files: listing that found %d deletes %d ms%n", FILES, removed, millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
