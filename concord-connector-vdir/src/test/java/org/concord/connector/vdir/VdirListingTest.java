package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.connector.vdir.Samples.put;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.concord.model.ItemType;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made by a user directly on disk, found by listing (a fresh connector lists everything on its first call). */
class VdirListingTest {

    @TempDir
    Path root;

    private Connector connector;
    private final TestHub hub = new TestHub();

    @BeforeEach
    void files() {
        put(root, "alice/contacts/ann.vcf", Samples.vcard("u-ann", "Ann"));
        put(root, "alice/contacts/bo.vcf", Samples.vcard("u-bo", "Bo"));
        put(root, "alice/calendar/standup.ics", Samples.event("e-1", "Standup"));
        put(root, "bob/tasks/report.ics", Samples.todo("t-1", "Report"));
    }

    @AfterEach
    void close() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void theFirstReadReportsEveryFileWithItsScope() throws Exception {
        connector = Samples.open(root);

        List<Change> changes = hub.readAll(connector, 100);

        assertThat(changes).allMatch(c -> c instanceof Change.Upsert);
        assertThat(changes).extracting(Change::nativeId).containsExactlyInAnyOrder(
                "alice/contacts/ann.vcf", "alice/contacts/bo.vcf", "alice/calendar/standup.ics", "bob/tasks/report.ics");
        assertThat(changes).filteredOn(c -> c.nativeId().equals("bob/tasks/report.ics"))
                .extracting(Change::scope).containsExactly(new Scope("bob", ItemType.TASK));
        assertThat(hub.readAll(connector, 100)).as("nothing changed since").isEmpty();
    }

    @Test
    void aListingFindsFilesAUserAddedChangedAndRemoved() throws Exception {
        connector = Samples.open(root);
        hub.readAll(connector, 100);
        connector.close();

        put(root, "alice/contacts/cy.vcf", Samples.vcard("u-cy", "Cy"));
        put(root, "alice/contacts/ann.vcf", Samples.vcard("u-ann", "Ann Lee-Park"));
        Files.delete(root.resolve("alice/contacts/bo.vcf"));
        connector = Samples.open(root);
        List<Change> changes = hub.readAll(connector, 100);

        assertThat(changes).filteredOn(c -> c instanceof Change.Upsert).extracting(Change::nativeId)
                .containsExactlyInAnyOrder("alice/contacts/cy.vcf", "alice/contacts/ann.vcf");
        assertThat(changes).filteredOn(c -> c instanceof Change.Delete).extracting(Change::nativeId)
                .containsExactly("alice/contacts/bo.vcf");
        Change.Upsert ann = (Change.Upsert) changes.stream()
                .filter(c -> c.nativeId().equals("alice/contacts/ann.vcf")).findFirst().orElseThrow();
        assertThat(ann.payload().label()).isEqualTo("Ann Lee-Park");
    }

    @Test
    void theFirstListingOfAFolderTheHubKnowsNothingOfDoesNotVisitTheLinksItMadeMeanwhile() throws Exception {
        for (int i = 0; i < 40; i++) {
            put(root, "alice/contacts/c" + i + ".vcf", Samples.vcard("u-c" + i, "Contact " + i));
        }
        connector = Samples.open(root);

        // small batches: the hub knows most files before the listing ends, as in a big initial sync
        List<Change> changes = hub.readAll(connector, 5);

        assertThat(changes).hasSize(44).allMatch(c -> c instanceof Change.Upsert);
        assertThat(hub.visited).as("no search for deleted files among links this listing made").hasValue(0);
    }

    @Test
    void aFileRemovedDuringTheFirstListingIsReportedDeleted() throws Exception {
        connector = Samples.open(root);
        ChangeBatch first = hub.read(connector, 2, Duration.ZERO, false);
        String removed = first.changes().getFirst().nativeId();
        assertThat(hub.links).containsKey(removed);

        Files.delete(root.resolve(removed));
        List<Change> rest = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rest.stream().noneMatch(c -> c instanceof Change.Delete) && System.nanoTime() < deadline) {
            rest.addAll(hub.read(connector, 100, Duration.ofMillis(200), false).changes());
        }

        assertThat(rest).filteredOn(c -> c instanceof Change.Delete).extracting(Change::nativeId).containsExactly(removed);
        assertThat(hub.links).doesNotContainKey(removed).hasSize(3);
    }

    @Test
    void aListingOfAFolderTheHubAlreadySyncedStillFindsDeletedFiles() throws Exception {
        connector = Samples.open(root);
        hub.readAll(connector, 100);
        connector.close();
        Files.delete(root.resolve("bob/tasks/report.ics"));
        connector = Samples.open(root);

        assertThat(hub.readAll(connector, 100)).extracting(Change::nativeId).containsExactly("bob/tasks/report.ics");
        assertThat(hub.visited.get()).as("the links were searched for deleted files").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aMalformedFileBecomesUnreadableNamingItsPathWhileTheOthersSync() throws Exception {
        put(root, "alice/contacts/broken.vcf", "BEGIN:VCARD\r\nthis is not a vcard\r\n");
        Files.write(root.resolve("alice/contacts/latin1.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:l\r\nFN:Jos\u00e9\r\nEND:VCARD\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        connector = Samples.open(root);

        List<Change> changes = hub.readAll(connector, 100);

        assertThat(changes).filteredOn(c -> c instanceof Change.Upsert).hasSize(4);
        List<Change.Unreadable> unreadable = changes.stream()
                .filter(c -> c instanceof Change.Unreadable).map(c -> (Change.Unreadable) c).toList();
        assertThat(unreadable).extracting(Change::nativeId)
                .containsExactlyInAnyOrder("alice/contacts/broken.vcf", "alice/contacts/latin1.vcf");
        assertThat(unreadable).allSatisfy(u -> {
            assertThat(u.reason()).contains("vdir 'files'", root.resolve(u.nativeId()).toString());
            assertThat(u.scope()).isEqualTo(new Scope("alice", ItemType.CONTACT));
        });
        assertThat(unreadable).filteredOn(u -> u.nativeId().endsWith("latin1.vcf"))
                .allSatisfy(u -> assertThat(u.reason()).contains("not UTF-8"));
    }

    @Test
    void aFileThatHoldsTheReplacementCharacterOrAByteOrderMarkIsReadAsWritten() throws Exception {
        put(root, "alice/contacts/odd.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:odd\r\nFN:Odd \uFFFD name\r\nEND:VCARD\r\n");
        put(root, "alice/contacts/bom.vcf", "\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nUID:bom\r\nFN:Zoë\r\nEND:VCARD\r\n");
        Files.write(root.resolve("alice/contacts/cut.vcf"), java.util.Arrays.copyOf(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:cut\r\nFN:Zo\u00eb".getBytes(java.nio.charset.StandardCharsets.UTF_8), 41)); // ends inside the two bytes of ë
        connector = Samples.open(root);

        List<Change> changes = hub.readAll(connector, 100);

        assertThat(changes).filteredOn(c -> c.nativeId().equals("alice/contacts/odd.vcf")).singleElement()
                .satisfies(c -> assertThat(((Change.Upsert) c).payload().label()).isEqualTo("Odd \uFFFD name"));
        assertThat(changes).filteredOn(c -> c.nativeId().equals("alice/contacts/bom.vcf")).singleElement()
                .satisfies(c -> assertThat(((Change.Upsert) c).payload().label()).isEqualTo("Zoë"));
        assertThat(changes).filteredOn(c -> c.nativeId().equals("alice/contacts/cut.vcf")).singleElement()
                .satisfies(c -> assertThat(((Change.Unreadable) c).reason()).contains("not UTF-8"));
    }

    @Test
    void aFullReReadReportsEveryFileAgainAndInfersNoDelete() throws Exception {
        connector = Samples.open(root);
        hub.readAll(connector, 100);
        connector.close();
        Files.delete(root.resolve("alice/contacts/bo.vcf"));
        connector = Samples.open(root);

        List<Change> reRead = hub.readAll(connector, 2, true);

        assertThat(reRead).allMatch(c -> c instanceof Change.Upsert);
        assertThat(reRead).extracting(Change::nativeId).containsExactlyInAnyOrder(
                "alice/contacts/ann.vcf", "alice/calendar/standup.ics", "bob/tasks/report.ics");
        assertThat(hub.links).containsKey("alice/contacts/bo.vcf");
        assertThat(hub.readAll(connector, 100)).as("the normal feed afterwards does infer it")
                .extracting(Change::nativeId).containsExactly("alice/contacts/bo.vcf");
    }

    @Test
    void theObjectsOwnTypeDecidesItsScopeWhateverItsFolder() throws Exception {
        put(root, "alice/calendar/todo-in-calendar.ics", Samples.todo("t-2", "Mixed in"));
        put(root, "alice/calendar/card-in-calendar.vcf", Samples.vcard("u-x", "Stray card"));
        connector = Samples.open(root);

        List<Change> changes = hub.readAll(connector, 100);

        assertThat(changes).filteredOn(c -> c.nativeId().equals("alice/calendar/todo-in-calendar.ics"))
                .extracting(Change::scope).containsExactly(new Scope("alice", ItemType.TASK));
        assertThat(changes).filteredOn(c -> c.nativeId().equals("alice/calendar/card-in-calendar.vcf"))
                .extracting(Change::scope).containsExactly(new Scope("alice", ItemType.CONTACT));
    }

    @Test
    void hiddenTempAndForeignFilesAndOtherFoldersAreIgnored() throws Exception {
        put(root, "alice/contacts/.hidden.vcf", Samples.vcard("h", "Hidden"));
        put(root, "alice/contacts/.concord-1234.tmp", Samples.vcard("t", "Temp"));
        put(root, "alice/contacts/notes.txt", "hello");
        put(root, "alice/contacts/ann.vcf~", Samples.vcard("b", "Backup"));
        put(root, "alice/other/x.vcf", Samples.vcard("o", "Other folder"));
        put(root, ".git/contacts/x.vcf", Samples.vcard("g", "Hidden user"));
        put(root, "top.vcf", Samples.vcard("top", "At the top"));
        connector = Samples.open(root);

        assertThat(hub.readAll(connector, 100)).hasSize(4);
    }

    @Test
    void onlyTheConfiguredUsersAreRead() throws Exception {
        connector = Samples.open(root, Map.of("users", List.of("bob")));

        assertThat(hub.readAll(connector, 100)).extracting(Change::nativeId).containsExactly("bob/tasks/report.ics");
    }

    @Test
    void aBatchTheEngineDidNotTakeIsReadAgain() throws Exception {
        connector = Samples.open(root);
        ChangeBatch first = connector.getChanges(new FeedRequest(Cursor.START, 2, Duration.ZERO, false, hub));
        assertThat(first.changes()).hasSize(2);
        assertThat(first.more()).isTrue();

        // the engine's transaction failed: it asks again from where it stood, with its links unchanged
        List<Change> again = hub.readAll(connector, 100);

        assertThat(again).hasSize(4);
        assertThat(again).extracting(Change::nativeId).containsAll(first.changes().stream().map(Change::nativeId).toList());
    }

    @Test
    void aFileTouchedWithoutChangeIsReportedWithTheSameContent() throws Exception {
        connector = Samples.open(root);
        hub.readAll(connector, 100);
        connector.close();
        Path ann = root.resolve("alice/contacts/ann.vcf");
        Files.setLastModifiedTime(ann, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        String before = hub.links.get("alice/contacts/ann.vcf").contentHash();
        connector = Samples.open(root);

        List<Change> changes = hub.readAll(connector, 100);

        // a new version with the same content: the engine drops it as an echo by its content hash
        assertThat(changes).hasSize(1);
        assertThat(((Change.Upsert) changes.getFirst()).payload().contentHash()).isEqualTo(before);
    }

    @Test
    void aTempFileLeftByACrashIsRemovedOnceOldAndAYoungOneIsLeftAlone() throws Exception {
        Path abandoned = put(root, "alice/contacts/.concord-abandoned.tmp", "half a vcard");
        Files.setLastModifiedTime(abandoned,
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000));
        Path young = put(root, "alice/contacts/.concord-in-progress.tmp", "being written");
        connector = Samples.open(root);

        hub.readAll(connector, 100);

        assertThat(abandoned).doesNotExist();
        assertThat(young).exists();
    }

    @Test
    void aReadFromTheStartOfAnEmptyFolderNeverHandsBackTheStart() throws Exception {
        Path empty = root.resolve("empty");
        connector = Samples.open(empty);

        ChangeBatch batch = connector.getChanges(new FeedRequest(Cursor.START, 10, Duration.ZERO, false, hub));

        assertThat(batch.changes()).isEmpty();
        assertThat(batch.next().isStart()).as("else every restart would re-read the whole folder").isFalse();
    }
}
