package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.connector.vdir.Samples.contact;
import static org.concord.connector.vdir.Samples.eventPayload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.concord.codec.VCardCodec;
import org.concord.model.ItemType;
import org.concord.spi.Connector;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VdirWritesTest {

    private static final Scope ALICE_CONTACTS = new Scope("alice", ItemType.CONTACT);
    private static final Scope ALICE_EVENTS = new Scope("alice", ItemType.EVENT);

    @TempDir
    Path dir;

    private Path root;
    private Connector connector;
    private final TestHub hub = new TestHub();

    @BeforeEach
    void open() throws Exception {
        root = dir.resolve("folder");
        connector = Samples.open(root);
        hub.readAll(connector, 100);
    }

    @AfterEach
    void close() {
        connector.close();
    }

    @Test
    void createWritesOneFileNamedAfterTheGlobalIdInTheUsersCollection() throws Exception {
        WriteResult result = hub.write(connector, new Write.Create("g-1", ALICE_CONTACTS, contact("u-1", "Ann Lee")));

        assertThat(result).isInstanceOf(WriteResult.Written.class);
        WriteResult.Written written = (WriteResult.Written) result;
        assertThat(written.nativeId()).isEqualTo("alice/contacts/g-1.vcf");
        Path file = root.resolve("alice/contacts/g-1.vcf");
        assertThat(VCardCodec.decode(Files.readString(file)).uid()).contains("u-1");
        assertThat(written.version()).isEqualTo(FileVersion.of(Files.readAttributes(file,
                java.nio.file.attribute.BasicFileAttributes.class)));
        assertThat(hub.readAll(connector, 100)).as("our own write is not reported back").isEmpty();
    }

    @Test
    void eventsGoToTheCalendarCollectionAsIcsFiles() throws Exception {
        WriteResult.Written written = (WriteResult.Written) hub.write(connector,
                new Write.Create("g-2", ALICE_EVENTS, eventPayload("e-1", "Review")));

        assertThat(written.nativeId()).isEqualTo("alice/calendar/g-2.ics");
        assertThat(Files.readString(root.resolve(written.nativeId()))).contains("BEGIN:VEVENT", "UID:e-1");
    }

    @Test
    void aRepeatedCreateAfterALostReplyLeavesOneFile() throws Exception {
        Write.Create create = new Write.Create("g-3", ALICE_CONTACTS, contact("u-3", "Bo Chen"));
        connector.setChanges(List.of(create));
        WriteResult.Written again = (WriteResult.Written) connector.setChanges(List.of(create)).getFirst();

        assertThat(again.nativeId()).isEqualTo("alice/contacts/g-3.vcf");
        try (Stream<Path> files = Files.list(root.resolve("alice/contacts"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("g-3.vcf");
        }
    }

    @Test
    void updateReplacesTheFileAndAnswersItsNewVersion() throws Exception {
        WriteResult.Written created = (WriteResult.Written) hub.write(connector,
                new Write.Create("g-4", ALICE_CONTACTS, contact("u-4", "Cy Dahl")));

        WriteResult updated = hub.write(connector, new Write.Update("g-4", ALICE_CONTACTS, created.nativeId(),
                Optional.of(created.version()), contact("u-4", "Cy Dahl-Berg")));

        assertThat(updated).isInstanceOf(WriteResult.Written.class);
        assertThat(((WriteResult.Written) updated).version()).isNotEqualTo(created.version());
        assertThat(Files.readString(root.resolve(created.nativeId()))).contains("Cy Dahl-Berg");
        assertThat(hub.readAll(connector, 100)).isEmpty();
    }

    @Test
    void anUpdateRacingAUsersEditFailsItsPreconditionAndKeepsTheEdit() throws Exception {
        WriteResult.Written created = (WriteResult.Written) hub.write(connector,
                new Write.Create("g-5", ALICE_CONTACTS, contact("u-5", "Di Eng")));
        Samples.put(root, created.nativeId(), Samples.vcard("u-5", "Di Eng (edited by hand)"));

        WriteResult result = hub.write(connector, new Write.Update("g-5", ALICE_CONTACTS, created.nativeId(),
                Optional.of(created.version()), contact("u-5", "Di Eng from the hub")));

        assertThat(result).isInstanceOf(WriteResult.PreconditionFailed.class);
        assertThat(((WriteResult.PreconditionFailed) result).message()).contains("files", "changed meanwhile");
        assertThat(Files.readString(root.resolve(created.nativeId()))).contains("edited by hand");
    }

    @Test
    void anUpdateOfAFileDeletedMeanwhileIsGone() throws Exception {
        WriteResult.Written created = (WriteResult.Written) hub.write(connector,
                new Write.Create("g-6", ALICE_CONTACTS, contact("u-6", "Ed Fox")));
        Files.delete(root.resolve(created.nativeId()));

        WriteResult result = connector.setChanges(List.of(new Write.Update("g-6", ALICE_CONTACTS, created.nativeId(),
                Optional.of(created.version()), contact("u-6", "Ed Fox")))).getFirst();

        assertThat(result).isInstanceOf(WriteResult.Gone.class);
        assertThat(Files.exists(root.resolve(created.nativeId()))).isFalse();
    }

    @Test
    void deleteRemovesTheFileAndADeleteOfAMissingFileIsDone() throws Exception {
        WriteResult.Written created = (WriteResult.Written) hub.write(connector,
                new Write.Create("g-7", ALICE_CONTACTS, contact("u-7", "Flo Gray")));
        Write.Delete delete = new Write.Delete("g-7", ALICE_CONTACTS, created.nativeId(), Optional.of(created.version()));

        assertThat(hub.write(connector, delete)).isInstanceOf(WriteResult.Deleted.class);
        assertThat(Files.exists(root.resolve(created.nativeId()))).isFalse();
        assertThat(connector.setChanges(List.of(delete)).getFirst()).isInstanceOf(WriteResult.Deleted.class);
        assertThat(hub.readAll(connector, 100)).isEmpty();
    }

    @Test
    void aDeleteRacingAUsersEditFailsItsPreconditionAndKeepsTheFile() throws Exception {
        WriteResult.Written created = (WriteResult.Written) hub.write(connector,
                new Write.Create("g-8", ALICE_CONTACTS, contact("u-8", "Gus Hale")));
        Samples.put(root, created.nativeId(), Samples.vcard("u-8", "Gus Hale, edited"));

        WriteResult result = connector.setChanges(List.of(
                new Write.Delete("g-8", ALICE_CONTACTS, created.nativeId(), Optional.of(created.version())))).getFirst();

        assertThat(result).isInstanceOf(WriteResult.PreconditionFailed.class);
        assertThat(Files.readString(root.resolve(created.nativeId()))).contains("edited");
    }

    @Test
    void aHostileGlobalIdCannotLeaveItsCollectionFolder() throws Exception {
        WriteResult result = connector.setChanges(List.of(
                new Write.Create("../../../escaped", ALICE_CONTACTS, contact("u-9", "Ivy")))).getFirst();

        WriteResult.Written written = (WriteResult.Written) result;
        assertThat(written.nativeId()).startsWith("alice/contacts/");
        assertThat(written.nativeId().split("/")).hasSize(3).doesNotContain("..", ".");
        assertThat(Files.exists(root.resolve(written.nativeId()))).isTrue();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(dir::relativize).map(Path::toString))
                    .allMatch(p -> p.startsWith("folder/alice/contacts/"));
        }
    }

    @Test
    void aUserNameThatIsNotAFolderNameIsRefusedAndNothingIsWritten() throws Exception {
        for (String user : List.of("..", "../bob", "a/b", ".hidden")) {
            WriteResult result = connector.setChanges(List.of(new Write.Create("g-10",
                    new Scope(user, ItemType.CONTACT), contact("u-10", "Jo")))).getFirst();
            assertThat(result).as(user).isInstanceOf(WriteResult.Rejected.class);
            assertThat(((WriteResult.Rejected) result).message()).contains("cannot be a folder name");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anUpdateNamingAFileOutsideTheFolderIsRefused() throws Exception {
        Files.writeString(dir.resolve("outside.vcf"), Samples.vcard("x", "X"));

        WriteResult result = connector.setChanges(List.of(new Write.Update("g-11", ALICE_CONTACTS,
                "alice/../../outside.vcf", Optional.empty(), contact("x", "Y")))).getFirst();

        assertThat(result).isInstanceOf(WriteResult.Rejected.class);
        assertThat(Files.readString(dir.resolve("outside.vcf"))).contains("FN:X");
    }

    @Test
    void writesForAUserOutsideTheUsersSettingAreRefused() throws Exception {
        connector.close();
        connector = Samples.open(root, Map.of("users", List.of("alice")));

        WriteResult forBob = connector.setChanges(List.of(new Write.Create("g-12",
                new Scope("bob", ItemType.CONTACT), contact("u-12", "Kit")))).getFirst();
        WriteResult forAlice = connector.setChanges(List.of(new Write.Create("g-13",
                ALICE_CONTACTS, contact("u-13", "Lu")))).getFirst();

        assertThat(forBob).isInstanceOf(WriteResult.Rejected.class);
        assertThat(forAlice).isInstanceOf(WriteResult.Written.class);
        assertThat(Files.exists(root.resolve("bob"))).isFalse();
    }

    @Test
    void theWrittenFilesKeepNoTempFilesBehind() throws Exception {
        for (int i = 0; i < 5; i++) {
            connector.setChanges(List.of(new Write.Create("g-" + i, ALICE_CONTACTS, contact("u-" + i, "N" + i))));
        }
        try (Stream<Path> files = Files.list(root.resolve("alice/contacts"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void newContactsAreWrittenInTheConfiguredVersionAndUpdatesKeepTheFilesOwn() throws Exception {
        WriteResult.Written created = (WriteResult.Written) hub.write(connector,
                new Write.Create("g-20", ALICE_CONTACTS, contact("u-20", "Mo")));
        assertThat(Files.readString(root.resolve(created.nativeId()))).contains("VERSION:3.0");

        Samples.put(root, "alice/contacts/own.vcf",
                "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u-21\r\nFN:Nia\r\nEND:VCARD\r\n");
        String version = FileVersion.of(Files.readAttributes(root.resolve("alice/contacts/own.vcf"),
                java.nio.file.attribute.BasicFileAttributes.class));
        WriteResult updated = hub.write(connector, new Write.Update("g-21", ALICE_CONTACTS, "alice/contacts/own.vcf",
                Optional.of(version), contact("u-21", "Nia Obi")));

        assertThat(updated).isInstanceOf(WriteResult.Written.class);
        assertThat(Files.readString(root.resolve("alice/contacts/own.vcf"))).contains("VERSION:4.0", "Nia Obi");
    }

    @Test
    void aBatchOfCreatesAnswersOneWrittenPerWriteAndEveryFileReadsBack() throws Exception {
        List<Write> creates = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            creates.add(new Write.Create("batch-" + i, i % 2 == 0 ? ALICE_CONTACTS : ALICE_EVENTS,
                    i % 2 == 0 ? contact("u-b" + i, "Person " + i) : eventPayload("e-b" + i, "Meeting " + i)));
        }

        long start = System.nanoTime();
        List<WriteResult> results = hub.write(connector, creates);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(results).hasSize(500).allMatch(r -> r instanceof WriteResult.Written);
        assertThat(((WriteResult.Written) results.get(7)).nativeId()).isEqualTo("alice/calendar/batch-7.ics");
        assertThat(hub.readAll(connector, 1000)).as("every file reads back as what the hub wrote").isEmpty();
        System.out.printf("vdir: 500 creates in one batch (each file synced, each folder once) %d ms%n", millis);
    }
}
