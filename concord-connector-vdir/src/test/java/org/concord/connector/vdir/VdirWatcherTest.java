package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.connector.vdir.Samples.put;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits made while the reader waits are reported when its blocking call returns, not at the next listing. */
class VdirWatcherTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private Connector connector;
    private final TestHub hub = new TestHub();
    private final ScheduledExecutorService user = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void synced() throws Exception {
        put(root, "alice/contacts/ann.vcf", Samples.vcard("u-ann", "Ann"));
        put(root, "alice/contacts/bo.vcf", Samples.vcard("u-bo", "Bo"));
        connector = Samples.open(root);
        assertThat(hub.readAll(connector, 100)).hasSize(2);
    }

    @AfterEach
    void close() {
        user.shutdownNow();
        connector.close();
    }

    @Test
    void anEditWhileTheReaderWaitsIsReportedWhenItsCallReturns() throws Exception {
        java.util.concurrent.atomic.AtomicLong editedAt = new java.util.concurrent.atomic.AtomicLong();
        user.schedule(() -> {
            put(root, "alice/contacts/ann.vcf", Samples.vcard("u-ann", "Ann, edited"));
            editedAt.set(System.nanoTime());
        }, 200, TimeUnit.MILLISECONDS);

        List<Change> changes = readUntilSomething();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - editedAt.get());

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c).isInstanceOf(Change.Upsert.class);
            assertThat(((Change.Upsert) c).payload().label()).isEqualTo("Ann, edited");
        });
        assertThat(millis).as("reported long before the wait ran out").isLessThan(LONG_WAIT.toMillis() / 2);
        System.out.printf("vdir watcher: edit reported %d ms after it was written%n", millis);
    }

    @Test
    void aFileAddedAndAFileRemovedWhileTheReaderWaitsAreReported() throws Exception {
        user.schedule(() -> {
            put(root, "alice/contacts/cy.vcf", Samples.vcard("u-cy", "Cy"));
            Files.delete(root.resolve("alice/contacts/bo.vcf"));
            return null;
        }, 100, TimeUnit.MILLISECONDS);

        List<Change> changes = readUntil(2);

        assertThat(changes).filteredOn(c -> c instanceof Change.Upsert).extracting(Change::nativeId)
                .containsExactly("alice/contacts/cy.vcf");
        assertThat(changes).filteredOn(c -> c instanceof Change.Delete).extracting(Change::nativeId)
                .containsExactly("alice/contacts/bo.vcf");
    }

    @Test
    void aUserAndCollectionFolderMadeByHandAreWatchedAndTheirFilesReported() throws Exception {
        user.schedule(() -> put(root, "carol/calendar/party.ics", Samples.event("e-9", "Party")), 100, TimeUnit.MILLISECONDS);
        assertThat(readUntilSomething()).extracting(Change::nativeId).containsExactly("carol/calendar/party.ics");

        user.schedule(() -> put(root, "carol/calendar/party.ics", Samples.event("e-9", "Party, moved")), 100,
                TimeUnit.MILLISECONDS);
        List<Change> edit = readUntilSomething();

        assertThat(edit).singleElement().satisfies(c -> assertThat(((Change.Upsert) c).payload().label())
                .isEqualTo("Party, moved"));
    }

    @Test
    void ourOwnWritesAreNotReportedAsChanges() throws Exception {
        var created = (org.concord.spi.WriteResult.Written) hub.write(connector, new org.concord.spi.Write.Create("g-1",
                new org.concord.spi.Scope("dave", org.concord.model.ItemType.CONTACT), Samples.contact("u-d", "Dave")));

        ChangeBatch batch = hub.read(connector, 100, Duration.ofMillis(500), false);

        assertThat(batch.changes()).isEmpty();
        assertThat(Files.exists(root.resolve(created.nativeId()))).isTrue();
    }

    @Test
    void ourOwnWritesAreNotReportedEvenBeforeTheHubRecordedTheirLinks() throws Exception {
        // the engine records links only after setChanges returns; the watcher may report the files first
        List<org.concord.spi.Write> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            creates.add(new org.concord.spi.Write.Create("g-" + i, new org.concord.spi.Scope("dave", org.concord.model.ItemType.CONTACT),
                    Samples.contact("u-" + i, "Dave " + i)));
        }
        List<org.concord.spi.WriteResult> results = connector.setChanges(creates);
        assertThat(results).allMatch(r -> r instanceof org.concord.spi.WriteResult.Written);

        List<Change> read = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            read.addAll(hub.read(connector, 100, Duration.ofMillis(300), false).changes());
        }

        assertThat(read).isEmpty();
    }

    @Test
    void aSameSizeRewriteOfOurOwnWriteWithinItsTimestampTickIsStillSeen() throws Exception {
        var written = (org.concord.spi.WriteResult.Written) hub.write(connector, new org.concord.spi.Write.Create("g-1",
                new org.concord.spi.Scope("dave", org.concord.model.ItemType.CONTACT), Samples.contact("u-d", "Dave")));
        Path file = root.resolve(written.nativeId());
        java.nio.file.attribute.FileTime tick = Files.getLastModifiedTime(file);

        // in place, same length, and the clock did not tick: only the content tells
        Files.writeString(file, Files.readString(file).replace("Dave", "Dove"));
        Files.setLastModifiedTime(file, tick);
        assertThat(FileVersion.of(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)))
                .isEqualTo(written.version());
        List<Change> changes = readUntilSomething();

        assertThat(changes).singleElement().satisfies(c -> assertThat(((Change.Upsert) c).payload().label())
                .isEqualTo("Dove"));
    }

    @Test
    void aBlockingCallWithNothingNewReturnsEmptyAfterItsWait() throws Exception {
        long start = System.nanoTime();
        ChangeBatch batch = hub.read(connector, 100, Duration.ofMillis(300), false);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(batch.changes()).isEmpty();
        assertThat(batch.more()).isFalse();
        assertThat(millis).isGreaterThanOrEqualTo(250);
    }

    @Test
    void aSameSizeRewriteWithinOneTimestampTickIsStillSeen() throws Exception {
        Path ann = root.resolve("alice/contacts/ann.vcf");
        java.nio.file.attribute.FileTime tick = Files.getLastModifiedTime(ann);
        String before = hub.links.get("alice/contacts/ann.vcf").version();

        // same length, same inode, and the clock did not tick: the stat-based version cannot tell
        Files.writeString(ann, Samples.vcard("u-ann", "Abe"));
        Files.setLastModifiedTime(ann, tick);
        assertThat(FileVersion.of(Files.readAttributes(ann, java.nio.file.attribute.BasicFileAttributes.class)))
                .isEqualTo(before);
        List<Change> changes = readUntilSomething();

        assertThat(changes).singleElement().satisfies(c -> assertThat(((Change.Upsert) c).payload().label())
                .isEqualTo("Abe"));
    }

    @Test
    void aFolderThatVanishesIsAnOutageAndOnceBackItIsWatchedAgain() throws Exception {
        Path aside = root.resolveSibling(root.getFileName() + "-unmounted");
        Files.move(root, aside);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.read(connector, 100, Duration.ofMillis(200), false))
                .isInstanceOf(org.concord.spi.RetryableConnectorException.class)
                .hasMessageContaining("vdir 'files'");

        Files.move(aside, root);
        assertThat(hub.readAll(connector, 100)).as("nothing changed while it was away").isEmpty();
        user.schedule(() -> put(root, "alice/contacts/ann.vcf", Samples.vcard("u-ann", "Ann, after the outage")),
                100, TimeUnit.MILLISECONDS);

        assertThat(readUntilSomething()).singleElement().satisfies(c -> assertThat(((Change.Upsert) c).payload().label())
                .isEqualTo("Ann, after the outage"));
    }

    @Test
    void aFolderReplacedByACopyIsListedAndWatchedAfresh() throws Exception {
        Path aside = root.resolveSibling(root.getFileName() + "-old");
        Files.move(root, aside);
        for (String id : List.of("alice/contacts/ann.vcf", "alice/contacts/bo.vcf")) {
            Files.createDirectories(root.resolve(id).getParent());
            Files.copy(aside.resolve(id), root.resolve(id));
        }

        List<Change> relisted = hub.readAll(connector, 100);

        assertThat(relisted).as("new files, same content: the engine drops them as echoes")
                .extracting(Change::nativeId).containsExactlyInAnyOrder("alice/contacts/ann.vcf", "alice/contacts/bo.vcf");
        user.schedule(() -> put(root, "alice/contacts/bo.vcf", Samples.vcard("u-bo", "Bo, in the copy")),
                100, TimeUnit.MILLISECONDS);
        assertThat(readUntilSomething()).singleElement().satisfies(c -> assertThat(((Change.Upsert) c).payload().label())
                .isEqualTo("Bo, in the copy"));
    }

    @Test
    void aUserFolderRenamedByHandIsReadAsTheOtherUsersObjects() throws Exception {
        user.schedule(() -> {
            Files.move(root.resolve("alice"), root.resolve("alicia"));
            return null;
        }, 100, TimeUnit.MILLISECONDS);

        List<Change> changes = readUntil(4);

        assertThat(changes).filteredOn(c -> c instanceof Change.Delete).extracting(Change::nativeId)
                .containsExactlyInAnyOrder("alice/contacts/ann.vcf", "alice/contacts/bo.vcf");
        assertThat(changes).filteredOn(c -> c instanceof Change.Upsert).extracting(Change::nativeId)
                .containsExactlyInAnyOrder("alicia/contacts/ann.vcf", "alicia/contacts/bo.vcf");

        user.schedule(() -> put(root, "alicia/contacts/bo.vcf", Samples.vcard("u-bo", "Bo, renamed folder")), 100,
                TimeUnit.MILLISECONDS);
        assertThat(readUntilSomething()).singleElement().satisfies(c -> {
            assertThat(c.nativeId()).isEqualTo("alicia/contacts/bo.vcf");
            assertThat(((Change.Upsert) c).payload().label()).isEqualTo("Bo, renamed folder");
        });
    }

    private List<Change> readUntilSomething() throws Exception {
        return readUntil(1);
    }

    /** Blocking reads, as the reader makes them, until {@code count} changes came (each call may return early). */
    private List<Change> readUntil(int count) throws Exception {
        List<Change> all = new ArrayList<>();
        long deadline = System.nanoTime() + LONG_WAIT.toNanos();
        while (all.size() < count && System.nanoTime() < deadline) {
            all.addAll(hub.read(connector, 100, LONG_WAIT, false).changes());
        }
        return all;
    }
}
