package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.concord.model.ItemType;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.Capability;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.KnownObjects;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailMessage;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordKey;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The {@code crm} preset as an archive target and record search, on the shipped demo CRM. Subclassed per server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrmArchiveContract {
    static final RecordKey HANNA = new RecordKey("alice", "contact", "1");
    static final RecordKey LUKAS = new RecordKey("alice", "contact", "2");
    static final RecordKey NORTHWIND = new RecordKey("alice", "account", "1");

    abstract TestDatabase.Server server();

    Path dir;

    TestDatabase db;
    JdbcConnector crm;
    Path uploads;

    @BeforeAll
    void createDemo() throws Exception {
        dir = Files.createTempDirectory("concord-crm-archive-");
        db = TestDatabase.create(server());
        try (Connection c = db.connect()) {
            DemoCrm.create(c);
        }
        uploads = Files.createDirectories(dir.resolve("upload"));
        crm = connector(Map.of("upload-dir", uploads.toString(), "archive-size-cap", "40MB"));
        crm.install();
        crm.open();
    }

    JdbcConnector connector(Map<String, Object> extra) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("preset", "crm"));
        settings.putAll(extra);
        return (JdbcConnector) new JdbcConnectorFactory().create(db.config("crm", settings));
    }

    @AfterAll
    void dropDemo() throws Exception {
        if (crm != null) {
            crm.close();
        }
        if (db != null) {
            db.close();
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String newMessageId() {
        return "<" + UUID.randomUUID() + "@northwind.example>";
    }

    MailMessage message(TestMail.Spec spec, List<String> warnings) throws IOException {
        return TestMail.write(dir.resolve(UUID.randomUUID() + ".eml"), spec, warnings);
    }

    ArchiveResult archive(MailMessage m, RecordKey... records) throws Exception {
        return crm.archive(new ArchiveRequest(m, m.attachments(), List.of(records), "alice"));
    }

    List<Map<String, Object>> rows(String sql, Object... params) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    List<Map<String, Object>> emails(String messageId) throws Exception {
        return rows("SELECT * FROM emails WHERE message_id = ?", messageId);
    }

    List<Map<String, Object>> links(Object emailId) throws Exception {
        return rows("SELECT bean_module, bean_id FROM emails_beans WHERE deleted = 0 AND email_id = ? ORDER BY bean_module, bean_id",
                ((Number) emailId).intValue());
    }

    List<Map<String, Object>> notes(Object emailId) throws Exception {
        return rows("SELECT id, name, filename, file_mime_type, assigned_user_id FROM notes WHERE parent_type = 'Emails' AND parent_id = ?"
                + " ORDER BY id", ((Number) emailId).intValue());
    }

    List<String> uploadFiles() throws IOException {
        try (Stream<Path> files = Files.list(uploads)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<RecordKey> keys(List<RecordRef> refs) {
        return refs.stream().map(RecordRef::key).toList();
    }

    @Test
    void theCrmPresetIsAnArchiveTargetWithSearch() {
        assertThat(crm.describe().capabilities()).contains(Capability.ARCHIVE, Capability.SEARCH);
        assertThat(crm.sizeCap()).isEqualTo(40L * 1024 * 1024);
    }

    @Test
    void searchFindsContactsByNameEmailAddressAndCompany() throws Exception {
        List<RecordRef> schulz = crm.search(new RecordQuery("Schulz", Optional.empty(), Optional.empty(), 10));
        assertThat(keys(schulz)).containsExactly(HANNA);
        assertThat(schulz.getFirst().label()).isEqualTo("Hanna Schulz");
        assertThat(schulz.getFirst().detail()).isEqualTo("Purchasing Manager, Northwind Traders, hanna.schulz@northwind.example");
        assertThat(schulz.getFirst().emails()).containsExactly("hanna.schulz@northwind.example");

        assertThat(keys(crm.search(new RecordQuery("hanna schulz", Optional.empty(), Optional.empty(), 10)))).containsExactly(HANNA);
        // the second address of the e-mail table finds its contact, whose primary address comes first
        List<RecordRef> camille = crm.search(new RecordQuery("C.Durand@gmail.example", Optional.empty(), Optional.empty(), 10));
        assertThat(keys(camille)).containsExactly(new RecordKey("alice", "contact", "3"));
        assertThat(camille.getFirst().emails()).containsExactly("camille.durand@blueharbor.example", "c.durand@gmail.example");
        // by company: the account and the project named so first, then the contacts who work there
        assertThat(keys(crm.search(new RecordQuery("northwind", Optional.empty(), Optional.empty(), 10)))).containsExactly(
                NORTHWIND, new RecordKey("alice", "project", "1"), HANNA, LUKAS);
        assertThat(keys(crm.search(new RecordQuery("northwind", Optional.empty(), Optional.of("account"), 10)))).containsExactly(NORTHWIND);
        assertThat(keys(crm.search(new RecordQuery("northwind", Optional.empty(), Optional.empty(), 2)))).hasSize(2);
    }

    @Test
    void searchLeavesOutDeletedRecordsAndOtherUsersAndTakesWildcardsLiterally() throws Exception {
        assertThat(crm.search(new RecordQuery("Old Lead", Optional.empty(), Optional.empty(), 10))).isEmpty();
        List<RecordRef> bobs = crm.search(new RecordQuery("example", Optional.of("bob"), Optional.empty(), 50));
        assertThat(bobs).isNotEmpty().allMatch(r -> r.key().user().equals("bob"));
        assertThat(keys(bobs)).contains(new RecordKey("bob", "contact", "5")).doesNotContain(HANNA);
        assertThat(crm.search(new RecordQuery("example", Optional.of("nobody"), Optional.empty(), 10))).isEmpty();
        assertThat(crm.search(new RecordQuery("%", Optional.empty(), Optional.empty(), 10))).isEmpty();
        assertThat(crm.search(new RecordQuery("_", Optional.empty(), Optional.empty(), 10))).isEmpty();
        List<RecordRef> survey = crm.search(new RecordQuery("survey", Optional.empty(), Optional.empty(), 10));
        assertThat(keys(survey)).containsExactly(new RecordKey("bob", "project", "2"));
        assertThat(survey.getFirst().label()).isEqualTo("Fjord Energy site survey");
        assertThat(survey.getFirst().detail()).isEqualTo("Draft");
    }

    @Test
    void suggestionsAreTheRecordsOfTheSenderAndRecipientsSenderFirst() throws Exception {
        List<RecordRef> suggested = crm.suggest(List.of("hanna.schulz@northwind.example", "alice@crm.example",
                "INFO@northwind.example", "c.durand@gmail.example"), Optional.empty(), 10);
        assertThat(keys(suggested)).containsExactly(HANNA, NORTHWIND, new RecordKey("alice", "contact", "3"));
        assertThat(crm.suggest(List.of("nobody@nowhere.example"), Optional.empty(), 10)).isEmpty();
        assertThat(keys(crm.suggest(List.of("maya.patel@oakridge.example", "hanna.schulz@northwind.example"), Optional.of("bob"), 10)))
                .containsExactly(new RecordKey("bob", "contact", "5"));
    }

    @Test
    void archivingWritesTheEmailItsLinksAndOneNoteAndFilePerAttachment() throws Exception {
        String id = newMessageId();
        TestMail.Part plan = new TestMail.Part("plan.pdf", "application/pdf", 200_000, 7);
        TestMail.Part logo = new TestMail.Part("logo.png", "image/png", 3_000, 11);
        ArchiveResult result = archive(message(TestMail.spec(id, plan, logo), List.of()), HANNA, NORTHWIND);

        Map<String, Object> email = emails(id).getFirst();
        String location = "emails/" + email.get("id");
        assertThat(result.outcomes()).containsExactly(new ArchiveOutcome.Filed(HANNA, location, List.of("plan.pdf", "logo.png")),
                new ArchiveOutcome.Filed(NORTHWIND, location, List.of("plan.pdf", "logo.png")));
        assertThat(result.warnings()).isEmpty();
        assertThat(emails(id)).hasSize(1);
        assertThat(email.get("name")).isEqualTo("Proposal v2");
        assertThat(email.get("from_addr")).isEqualTo("Hanna Schulz <hanna.schulz@northwind.example>");
        assertThat(email.get("to_addrs")).isEqualTo("alice@crm.example");
        assertThat(email.get("cc_addrs")).isEqualTo("lukas.brandt@northwind.example");
        assertThat(String.valueOf(email.get("date_sent"))).startsWith("2025-03-27").contains("15:42");
        assertThat((String) email.get("description")).contains("the revised proposal is attached.");
        assertThat((String) email.get("description_html")).contains("the <b>revised</b> proposal");
        assertThat(email.get("type")).isEqualTo("archived");
        assertThat(email.get("status")).isEqualTo("archived");
        assertThat(email.get("parent_type")).isEqualTo("Contacts");
        assertThat(((Number) email.get("parent_id")).intValue()).isEqualTo(1);
        assertThat(((Number) email.get("assigned_user_id")).intValue()).isEqualTo(2); // alice, who archived it
        assertThat(String.valueOf(email.get("deleted"))).isIn("0", "false"); // TINYINT(1) reads as a boolean
        assertThat(links(email.get("id"))).extracting(r -> r.get("bean_module") + "/" + r.get("bean_id"))
                .containsExactly("Accounts/1", "Contacts/1");

        List<Map<String, Object>> notes = notes(email.get("id"));
        assertThat(notes).extracting(n -> n.get("name") + " " + n.get("filename") + " " + n.get("file_mime_type"))
                .containsExactly("plan.pdf plan.pdf application/pdf", "logo.png logo.png image/png");
        for (Map<String, Object> n : notes) {
            TestMail.Part part = n.get("name").equals("plan.pdf") ? plan : logo;
            Path file = uploads.resolve(String.valueOf(n.get("id")));
            assertThat(Files.size(file)).isEqualTo(part.size());
            assertThat(TestMail.sha256(Files.newInputStream(file))).isEqualTo(part.sha256());
        }
        assertThat(uploadFiles()).noneMatch(f -> f.startsWith("."));
    }

    @Test
    void archivingTheSameMessageAgainDuplicatesNothingAndASecondRecordIsLinkedToTheSameEmail() throws Exception {
        String id = newMessageId();
        TestMail.Part plan = new TestMail.Part("plan.pdf", "application/pdf", 50_000, 3);
        MailMessage m = message(TestMail.spec(id, plan), List.of());
        archive(m, HANNA);
        Object emailId = emails(id).getFirst().get("id");
        List<String> files = uploadFiles();

        ArchiveResult again = archive(m, HANNA);

        assertThat(again.outcomes()).containsExactly(new ArchiveOutcome.AlreadyFiled(HANNA, "emails/" + emailId));
        assertThat(emails(id)).hasSize(1);
        assertThat(links(emailId)).hasSize(1);
        assertThat(notes(emailId)).hasSize(1);
        assertThat(uploadFiles()).isEqualTo(files);

        ArchiveResult second = archive(m, LUKAS, HANNA);
        assertThat(second.outcomes()).containsExactly(new ArchiveOutcome.Filed(LUKAS, "emails/" + emailId, List.of("plan.pdf")),
                new ArchiveOutcome.AlreadyFiled(HANNA, "emails/" + emailId));
        assertThat(emails(id)).hasSize(1);
        assertThat(links(emailId)).extracting(r -> r.get("bean_id").toString()).containsExactly("1", "2");
        assertThat(notes(emailId)).hasSize(1);
        assertThat(uploadFiles()).isEqualTo(files);
    }

    @Test
    void withoutTheLinksTableEachRecordGetsAnEmailRowOfItsOwnOnce() throws Exception {
        String id = newMessageId();
        MailMessage m = message(TestMail.spec(id, new TestMail.Part("plan.pdf", "application/pdf", 2_000, 4)), List.of());
        try (JdbcConnector parentOnly = connector(Map.of("upload-dir", uploads.toString(), "archive", Map.of("links", false)))) {
            ArchiveResult first = parentOnly.archive(new ArchiveRequest(m, m.attachments(), List.of(HANNA, LUKAS), "alice"));
            List<Map<String, Object>> rows = emails(id);
            assertThat(rows).extracting(r -> r.get("parent_type") + "/" + r.get("parent_id")).containsExactlyInAnyOrder("Contacts/1", "Contacts/2");
            assertThat(first.outcomes()).allMatch(o -> o instanceof ArchiveOutcome.Filed);
            assertThat(first.outcomes()).extracting(o -> ((ArchiveOutcome.Filed) o).location()).doesNotHaveDuplicates();
            for (Map<String, Object> row : rows) {
                assertThat(links(row.get("id"))).isEmpty();
                assertThat(notes(row.get("id"))).hasSize(1);
            }

            ArchiveResult again = parentOnly.archive(new ArchiveRequest(m, m.attachments(), List.of(LUKAS), "alice"));
            assertThat(again.outcomes().getFirst()).isEqualTo(new ArchiveOutcome.AlreadyFiled(LUKAS,
                    ((ArchiveOutcome.Filed) first.outcomes().get(1)).location()));
            assertThat(emails(id)).hasSize(2);
        }
    }

    @Test
    void racingArchivesOfOneMessageFileItOnce() throws Exception {
        String id = newMessageId();
        MailMessage m = message(TestMail.spec(id, new TestMail.Part("a.txt", "text/plain", 10_000, 5)), List.of());
        List<Future<ArchiveResult>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit((Callable<ArchiveResult>) () -> archive(m, HANNA)));
            }
        }
        List<ArchiveOutcome> outcomes = new ArrayList<>();
        for (Future<ArchiveResult> f : runs) {
            outcomes.addAll(f.get().outcomes());
        }
        assertThat(outcomes).filteredOn(o -> o instanceof ArchiveOutcome.Filed).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ArchiveOutcome.AlreadyFiled).hasSize(5);
        assertThat(emails(id)).hasSize(1);
        assertThat(notes(emails(id).getFirst().get("id"))).hasSize(1);
    }

    @Test
    void brokenMimeIsArchivedWithWhatCanBeReadAndWarnings() throws Exception {
        String id = newMessageId();
        TestMail.Spec spec = TestMail.spec(id);
        String longSubject = "Re: " + "very long subject ".repeat(20);
        spec = new TestMail.Spec(spec.messageId(), longSubject, spec.fromName(), spec.from(), spec.to(), spec.cc(), spec.date(),
                spec.text(), spec.html(), List.of(), true);
        MailMessage m = message(spec, List.of("part 1 has no closing boundary: the message looks cut short"));

        ArchiveResult result = archive(m, HANNA);

        assertThat(result.outcomes().getFirst()).isInstanceOf(ArchiveOutcome.Filed.class);
        assertThat(result.warnings()).anyMatch(w -> w.contains("no closing boundary"))
                .anyMatch(w -> w.contains("HTML body cannot be fully decoded"))
                .anyMatch(w -> w.contains("the subject is longer than emails.name holds (255 characters)"));
        Map<String, Object> email = emails(id).getFirst();
        assertThat((String) email.get("name")).hasSize(255).startsWith("Re: very long subject");
        assertThat((String) email.get("description")).contains("the revised proposal is attached.");
        assertThat((String) email.get("description_html")).doesNotContain("revised proposal");
    }

    @Test
    void aMessageOverTheSizeCapIsRefusedForEveryRecordAndNothingIsWritten() throws Exception {
        String id = newMessageId();
        MailMessage m = message(TestMail.spec(id, new TestMail.Part("big.bin", "application/octet-stream", 100_000, 9)), List.of());
        try (JdbcConnector small = connector(Map.of("upload-dir", uploads.toString(), "archive-size-cap", "64KB"))) {
            List<String> files = uploadFiles();
            ArchiveResult result = small.archive(new ArchiveRequest(m, m.attachments(), List.of(HANNA, NORTHWIND), "alice"));
            assertThat(result.outcomes()).hasSize(2).allSatisfy(o -> assertThat(((ArchiveOutcome.Refused) o).reason())
                    .isEqualTo("the message has " + m.size() + " bytes, more than this system's archive-size-cap of 65536 bytes"));
            assertThat(emails(id)).isEmpty();
            assertThat(uploadFiles()).isEqualTo(files);
        }
    }

    @Test
    void recordsThatAreNotThereAreRefusedAndTheOthersFiled() throws Exception {
        String id = newMessageId();
        MailMessage m = message(TestMail.spec(id), List.of());
        RecordKey deleted = new RecordKey("alice", "contact", "10");
        RecordKey missing = new RecordKey("alice", "contact", "999");
        RecordKey notAnId = new RecordKey("alice", "contact", "abc");
        RecordKey meeting = new RecordKey("alice", "meeting", "1");
        ArchiveResult result = archive(m, deleted, missing, notAnId, meeting, HANNA);
        assertThat(result.outcomes()).extracting(o -> o instanceof ArchiveOutcome.Refused r ? r.reason() : "filed").containsExactly(
                "no contact 10 in table contacts (or it is deleted)", "no contact 999 in table contacts (or it is deleted)",
                "'abc' is not a contact id here ('abc' is not a whole number)",
                "records here are contact, account, project, not 'meeting'", "filed");
        assertThat(links(emails(id).getFirst().get("id"))).hasSize(1);
    }

    @Test
    void anAttachmentThatFailsMidwayRollsBackTheRowsAndRemovesTheFiles() throws Exception {
        String id = newMessageId();
        TestMail.Part good = new TestMail.Part("good.pdf", "application/pdf", 80_000, 21);
        MailMessage m = message(TestMail.spec(id, good), List.of());
        MailAttachment failing = new MailAttachment("bad.bin", "application/octet-stream", 500_000, () -> new InputStream() {
            private int left = 200_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("the spool file went away");
                }
                return 'x';
            }
        });
        MailMessage withBad = new MailMessage(m.envelope(), m.size(), m.source(), List.of(m.attachments().getFirst(), failing), List.of());
        List<String> files = uploadFiles();

        assertThatThrownBy(() -> crm.archive(new ArchiveRequest(withBad, withBad.attachments(), List.of(HANNA), "alice")))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("jdbc 'crm': archive of " + id + " to alice/contact/1: attachment 'bad.bin' cannot be read: "
                        + "the spool file went away");
        assertThat(emails(id)).isEmpty();
        assertThat(uploadFiles()).isEqualTo(files);
    }

    @Test
    void attachmentsWithoutAnUploadDirectoryAreRefusedWithTheKeyToSet() throws Exception {
        String id = newMessageId();
        MailMessage m = message(TestMail.spec(id, new TestMail.Part("a.pdf", "application/pdf", 1000, 1)), List.of());
        try (JdbcConnector noUploads = connector(Map.of())) {
            ArchiveResult result = noUploads.archive(new ArchiveRequest(m, m.attachments(), List.of(HANNA), "alice"));
            assertThat(((ArchiveOutcome.Refused) result.outcomes().getFirst()).reason())
                    .isEqualTo("attachments need the CRM's upload directory, and systems.crm.upload-dir is not set");
            // without the attachments it files
            assertThat(noUploads.archive(new ArchiveRequest(m, List.of(), List.of(HANNA), "bob")).outcomes().getFirst())
                    .isInstanceOf(ArchiveOutcome.Filed.class);
            assertThat(((Number) emails(id).getFirst().get("assigned_user_id")).intValue()).isEqualTo(3);
        }
    }

    @Test
    void theNotesOfArchivedAttachmentsAreNotSyncedAsNotes() throws Exception {
        archive(message(TestMail.spec(newMessageId(), new TestMail.Part("minutes.txt", "text/plain", 500, 2)), List.of()), HANNA);
        List<Change> changes = new ArrayList<>();
        Cursor at = Cursor.START;
        ChangeBatch b;
        do {
            b = crm.getChanges(new FeedRequest(at, 50, Duration.ZERO, false, KnownObjects.NONE));
            changes.addAll(b.changes());
            at = b.next();
        } while (b.more());
        assertThat(changes).filteredOn(c -> c.scope().type() == ItemType.NOTE).hasSize(3)
                .allSatisfy(c -> assertThat(((Change.Upsert) c).payload().json().path("title").asText()).isNotEqualTo("minutes.txt"));
    }

    @Test
    void aTwentyFiveMegabyteAttachmentArchivesInAFortyEightMegabyteHeap() throws Exception {
        String id = newMessageId();
        TestMail.Part big = new TestMail.Part("survey-photos.zip", "application/zip", 25L * 1024 * 1024, 25);
        Path eml = dir.resolve("big.eml");
        MailMessage m = TestMail.write(eml, TestMail.spec(id, big), List.of());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, Object> config = db.config("crm", Map.of()).settings();
        Process p = new ProcessBuilder(javaBin, "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ArchiveInSmallHeap.class.getName(), db.url(), String.valueOf(config.get("username")),
                String.valueOf(config.getOrDefault("password", "")), uploads.toString(), eml.toString(), id,
                Long.toString(big.size()), Long.toString(big.seed())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        Object emailId = emails(id).getFirst().get("id");
        assertThat(output).contains("OUTCOME Filed[record=alice/contact/1, location=emails/" + emailId);
        Map<String, Object> note = notes(emailId).getFirst();
        Path file = uploads.resolve(String.valueOf(note.get("id")));
        assertThat(Files.size(file)).isEqualTo(big.size());
        assertThat(TestMail.sha256(Files.newInputStream(file))).isEqualTo(big.sha256());
        long peak = Long.parseLong(output.lines().filter(l -> l.startsWith("PEAK_HEAP ")).findFirst().orElseThrow().substring(10));
        System.out.printf("%s: message of %d bytes with a %d-byte attachment archived; peak heap %.1f MB of 48 MB%n",
                server(), m.size(), big.size(), peak / 1048576.0);
        assertThat(peak).isLessThan(48L * 1024 * 1024);
    }
}
