package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ArchiveTarget;
import org.concord.spi.Connector;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailMessage;
import org.concord.spi.RecordKey;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VdirArchiveTest {
    private static final RecordKey ADA = new RecordKey("alice", "contact", "ada");

    @TempDir
    Path dir;

    private Path root;
    private Connector connector;
    private ArchiveTarget target;

    @BeforeEach
    void open() throws Exception {
        root = dir.resolve("folder");
        Samples.put(root, "alice/contacts/ada.vcf", """
                BEGIN:VCARD\r
                VERSION:3.0\r
                UID:ada-1\r
                FN:Ada Lovelace\r
                N:Lovelace;Ada;;;\r
                ORG:Analytical Engines Ltd\r
                EMAIL;TYPE=work:Ada@Example.org\r
                END:VCARD\r
                """);
        Samples.put(root, "alice/contacts/charles.vcf", """
                BEGIN:VCARD\r
                VERSION:3.0\r
                UID:charles-1\r
                FN:Charles Babbage\r
                N:Babbage;Charles;;;\r
                ORG:Difference Engines\r
                EMAIL:charles@example.org\r
                END:VCARD\r
                """);
        Samples.put(root, "bob/contacts/grace.vcf", Samples.vcard("grace-1", "Grace Hopper"));
        connector = Samples.open(root, Map.of("archive-size-cap", "1MB"));
        target = (ArchiveTarget) connector;
    }

    @AfterEach
    void close() {
        connector.close();
    }

    static MailMessage message(String messageId, Map<String, String> attachments, List<String> warnings) {
        byte[] source = ("Message-ID: " + messageId + "\r\nSubject: Plans\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
        List<MailAttachment> list = new ArrayList<>();
        attachments.forEach((name, content) -> {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            list.add(new MailAttachment(name, "application/octet-stream", bytes.length, () -> new ByteArrayInputStream(bytes)));
        });
        MailEnvelope envelope = new MailEnvelope(messageId, "Plans", "ada@example.org", "Ada <ada@example.org>",
                List.of("alice@example.org"), List.of(), Optional.of(Instant.parse("2026-01-05T10:00:00Z")), "body");
        return new MailMessage(envelope, source.length, () -> new ByteArrayInputStream(source), list, warnings);
    }

    private ArchiveResult archive(MailMessage m, List<String> attachments, RecordKey... records) throws Exception {
        List<MailAttachment> chosen = m.attachments().stream().filter(a -> attachments.contains(a.name())).toList();
        return target.archive(new ArchiveRequest(m, chosen, List.of(records), "operator"));
    }

    @Test
    void filesTheMessageAndTheChosenAttachmentsInAFolderPerRecord() throws Exception {
        MailMessage m = message("<plans@example.org>", Map.of("plan.pdf", "PDF", "logo.png", "PNG"), List.of());

        ArchiveResult result = archive(m, List.of("plan.pdf"), ADA);

        Path folder = root.resolve("alice/archive/contact/ada/plans@example.org");
        assertThat(result.outcomes()).containsExactly(
                new ArchiveOutcome.Filed(ADA, "alice/archive/contact/ada/plans@example.org", List.of("plan.pdf")));
        assertThat(Files.readString(folder.resolve("message.eml"))).startsWith("Message-ID: <plans@example.org>");
        assertThat(Files.readString(folder.resolve("attachments/plan.pdf"))).isEqualTo("PDF");
        assertThat(folder.resolve("attachments/logo.png")).doesNotExist();
        assertThat(Files.readString(folder.resolve("archive.json"))).contains("\"filedBy\" : \"operator\"")
                .contains("\"subject\" : \"Plans\"").contains("\"file\" : \"attachments/plan.pdf\"");
    }

    @Test
    void archivingTheSameMessageAgainChangesNothing() throws Exception {
        MailMessage m = message("<again@example.org>", Map.of("plan.pdf", "PDF"), List.of());
        archive(m, List.of("plan.pdf"), ADA);
        Path eml = root.resolve("alice/archive/contact/ada/again@example.org/message.eml");
        var before = Files.getLastModifiedTime(eml);

        ArchiveResult again = archive(message("<again@example.org>", Map.of("other.pdf", "X"), List.of()), List.of("other.pdf"), ADA);

        assertThat(again.outcomes()).containsExactly(new ArchiveOutcome.AlreadyFiled(ADA, "alice/archive/contact/ada/again@example.org"));
        assertThat(Files.getLastModifiedTime(eml)).isEqualTo(before);
        try (Stream<Path> files = Files.list(root.resolve("alice/archive/contact/ada"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void racingArchivesOfOneMessageFileItOnceAndLeaveNoTempFolder() throws Exception {
        MailMessage m = message("<race@example.org>", Map.of("plan.pdf", "PDF"), List.of());
        List<Future<ArchiveResult>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit((Callable<ArchiveResult>) () -> archive(m, List.of("plan.pdf"), ADA)));
            }
        }
        List<ArchiveOutcome> outcomes = new ArrayList<>();
        for (Future<ArchiveResult> f : runs) {
            outcomes.addAll(f.get().outcomes());
        }
        assertThat(outcomes).filteredOn(o -> o instanceof ArchiveOutcome.Filed).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ArchiveOutcome.AlreadyFiled).hasSize(7);
        try (Stream<Path> files = Files.list(root.resolve("alice/archive/contact/ada"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("race@example.org");
        }
    }

    @Test
    void aRecordThatIsNotThereOrAMessageOverTheCapIsRefusedAndNothingIsWritten() throws Exception {
        RecordKey nobody = new RecordKey("alice", "contact", "nobody");
        RecordKey account = new RecordKey("alice", "account", "ada");
        ArchiveResult result = archive(message("<x@example.org>", Map.of(), List.of()), List.of(), nobody, account, ADA);
        assertThat(result.outcomes().get(0)).isInstanceOf(ArchiveOutcome.Refused.class);
        assertThat(((ArchiveOutcome.Refused) result.outcomes().get(0)).reason()).contains("no contact 'nobody' of alice");
        assertThat(((ArchiveOutcome.Refused) result.outcomes().get(1)).reason()).contains("not 'account'");
        assertThat(result.outcomes().get(2)).isInstanceOf(ArchiveOutcome.Filed.class);

        String big = "x".repeat(1024 * 1024 + 1);
        MailMessage huge = message("<huge@example.org>", Map.of(), List.of());
        MailMessage over = new MailMessage(huge.envelope(), big.length(), () -> new ByteArrayInputStream(big.getBytes()), List.of(), List.of());
        ArchiveResult refused = archive(over, List.of(), ADA);
        assertThat(((ArchiveOutcome.Refused) refused.outcomes().getFirst()).reason()).contains("archive-size-cap of 1048576 bytes");
        assertThat(root.resolve("alice/archive/contact/ada/huge@example.org")).doesNotExist();
    }

    @Test
    void attachmentNamesCannotLeaveTheFolderAndStayDistinct() throws Exception {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        named.put("../../evil.sh", "E");
        named.put(".hidden", "H");
        named.put("A.pdf", "1");
        named.put("a.pdf", "2");
        MailMessage m = message("<names@example.org>", named, List.of());
        archive(m, List.of("../../evil.sh", ".hidden", "A.pdf", "a.pdf"), ADA);
        Path attachments = root.resolve("alice/archive/contact/ada/names@example.org/attachments");
        try (Stream<Path> files = Files.list(attachments)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("_._.._evil.sh", "_hidden", "A.pdf", "a (2).pdf");
        }
    }

    @Test
    void theArchiveIsNotSyncedAsObjectsOfTheFolder() throws Exception {
        TestHub hub = new TestHub();
        int before = hub.readAll(connector, 100).size();
        archive(message("<quiet@example.org>", Map.of("plan.pdf", "PDF"), List.of("part 2 is cut")), List.of("plan.pdf"), ADA);
        assertThat(before).isEqualTo(3);
        assertThat(hub.readAll(connector, 100)).isEmpty();
        assertThat(Files.readString(root.resolve("alice/archive/contact/ada/quiet@example.org/archive.json"))).contains("part 2 is cut");
    }

    @Test
    void searchFindsContactsByNameEmailAndCompanyBestFirst() throws Exception {
        assertThat(target.search(new RecordQuery("lovelace", Optional.empty(), Optional.empty(), 10)))
                .extracting(RecordRef::key).containsExactly(ADA);
        assertThat(target.search(new RecordQuery("engine", Optional.empty(), Optional.empty(), 10)))
                .extracting(r -> r.key().id()).containsExactly("ada", "charles");
        RecordRef ada = target.search(new RecordQuery("ADA@example.org", Optional.empty(), Optional.empty(), 10)).getFirst();
        assertThat(ada.label()).isEqualTo("Ada Lovelace");
        assertThat(ada.detail()).isEqualTo("Analytical Engines Ltd, ada@example.org");
        assertThat(ada.emails()).containsExactly("ada@example.org");
        assertThat(target.search(new RecordQuery("grace", Optional.of("alice"), Optional.empty(), 10))).isEmpty();
        assertThat(target.search(new RecordQuery("grace", Optional.empty(), Optional.of("event"), 10))).isEmpty();
        assertThat(target.search(new RecordQuery("grace", Optional.empty(), Optional.empty(), 10)))
                .extracting(RecordRef::key).containsExactly(new RecordKey("bob", "contact", "grace"));
    }

    @Test
    void suggestionsAreTheRecordsWithTheSendersOrARecipientsAddress() throws Exception {
        assertThat(target.suggest(List.of("ada@example.org", "someone@else.org", "charles@example.org"), Optional.of("alice"), 10))
                .extracting(r -> r.key().id()).containsExactly("ada", "charles");
    }
}
