package org.concord.app.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.concord.app.Main;
import org.concord.app.config.ConfigLoader;
import org.concord.spi.MessageLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code concord archive} end to end: a GreenMail mailbox (imap system) and a folder (vdir system) as the target. */
class ArchiveCommandTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(patient(ServerSetupTest.IMAP.dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.org", "alice", "alice-secret"));

    private static ServerSetup patient(ServerSetup s) {
        s.setServerStartupTimeout(20_000);
        return s;
    }

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger("concord.archive");
    private PrintStream oldOut;
    private PrintStream oldErr;
    private Path config;
    private Path files;

    @BeforeEach
    void setUp() throws Exception {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        audit.start();
        auditLogger.addAppender(audit);
        files = dir.resolve("files");
        Files.createDirectories(files.resolve("alice/contacts"));
        Files.writeString(files.resolve("alice/contacts/ada.vcf"), Eml.crlf("""
                BEGIN:VCARD
                VERSION:3.0
                UID:ada-1
                FN:Ada Lovelace
                N:Lovelace;Ada;;;
                ORG:Analytical Engines Ltd
                EMAIL:ada@example.org
                END:VCARD
                """));
        config = dir.resolve("concord.yaml");
        Files.writeString(config, """
                store: state/concord.db
                systems:
                  mail:
                    connector: imap
                    host: 127.0.0.1
                    port: %d
                    security: none
                    passwords:
                      alice: ${ALICE_IMAP_PASSWORD}
                  files:
                    connector: vdir
                    path: files
                """.formatted(MAIL.getImap().getPort()));
    }

    @AfterEach
    void tearDown() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        auditLogger.detachAppender(audit);
    }

    /** The CLI as a user runs it; the password comes from the environment, as the config says. */
    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.execute(Stream.concat(Stream.of(args), Stream.of("-c", config.toString())).toArray(String[]::new));
    }

    private long deliver(String raw) throws Exception {
        MAIL.getUserManager().getUser("alice").deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        return MAIL.getReceivedMessages().length;
    }

    @Test
    void archivesAMailboxMessageWithItsAttachmentToAContactFolderOnce() throws Exception {
        long uid = deliver(Eml.withAttachment("<plans@example.org>", "plan.pdf", "%PDF plan"));

        assertThat(run("archive", "--message", "imap:mail/alice/INBOX/" + uid, "--to", "files:contact/ada")).isZero();
        Path filed = files.resolve("alice/archive/contact/ada/plans@example.org");
        assertThat(out.toString()).contains("message <plans@example.org> \"Engine plans\" from Ada Lovelace <ada@example.org>")
                .contains("filed").contains("files:contact/ada (alice)").contains("alice/archive/contact/ada/plans@example.org with plan.pdf");
        assertThat(Files.readString(filed.resolve("attachments/plan.pdf"))).isEqualTo("%PDF plan");
        assertThat(Files.readString(filed.resolve("message.eml"))).contains("Message-ID: <plans@example.org>");
        assertThat(audit.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("archive <plans@example.org> from imap:mail/alice/INBOX/" + uid + " to files:alice/contact/ada")
                .contains("filed at alice/archive/contact/ada/plans@example.org"));

        assertThat(run("archive", "--message", "imap:mail/alice/INBOX/" + uid, "--to", "files:contact/ada")).isZero();
        assertThat(out.toString()).contains("already filed");
        try (Stream<Path> entries = Files.list(files.resolve("alice/archive/contact/ada"))) {
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void anImapSystemBesideSyncedSystemsIsPingedButNeverSynced() throws Exception {
        deliver(Eml.withAttachment("<sync@example.org>", "plan.pdf", "x"));
        assertThat(run("sync", "--once")).isZero();
        assertThat(run("check")).isZero();
        assertThat(out.toString()).containsPattern("mail +imap +up: IMAP at 127.0.0.1:\\d+ \\(none\\)");
        assertThat(files.resolve("alice/archive")).doesNotExist();
    }

    @Test
    void suggestsTheRecordsWithTheSendersAddress() throws Exception {
        long uid = deliver(Eml.withAttachment("<s@example.org>", "plan.pdf", "x"));
        assertThat(run("archive", "--message", "imap:mail/alice/INBOX/" + uid, "--suggest")).isZero();
        assertThat(out.toString()).contains("--to files:contact/ada   Ada Lovelace — Analytical Engines Ltd, ada@example.org (alice)");
        assertThat(files.resolve("alice/archive")).doesNotExist();
    }

    @Test
    void archivesAFileForTheUserGivenWithOnlyTheChosenAttachments() throws Exception {
        Path eml = dir.resolve("plans.eml");
        Files.writeString(eml, Eml.withAttachment("<file@example.org>", "plan.pdf", "%PDF"));
        assertThat(run("archive", "--message", eml.toString(), "--to", "files:contact/ada", "--user", "alice",
                "--attachments", "none")).isZero();
        Path filed = files.resolve("alice/archive/contact/ada/file@example.org");
        assertThat(filed.resolve("message.eml")).exists();
        assertThat(filed.resolve("attachments")).doesNotExist();
    }

    @Test
    void brokenMimeIsArchivedWithWhatCanBeReadAndAClearWarning() throws Exception {
        Path eml = dir.resolve("broken.eml");
        String source = Eml.crlf("""
                Message-ID: <broken@example.org>
                From: Ada Lovelace <ada@example.org>
                Subject: Half a message
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                The readable part.
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename=bad.pdf
                Content-Transfer-Encoding: base64

                ****not base64****=
                --b
                Content-Type: text/csv
                Content-Disposition: attachment; filename=good.csv

                a,b
                """);
        Files.writeString(eml, source);

        assertThat(run("archive", "--message", eml.toString(), "--to", "files:contact/ada", "--user", "alice")).isZero();

        assertThat(out.toString()).contains("filed").contains("with good.csv")
                .contains("warning: attachment 'bad.pdf' (part 2) cannot be decoded")
                .contains("warning: the message has no closing boundary");
        Path filed = files.resolve("alice/archive/contact/ada/broken@example.org");
        assertThat(Files.readString(filed.resolve("message.eml"))).isEqualTo(source);
        assertThat(Files.readString(filed.resolve("attachments/good.csv"))).startsWith("a,b");
        assertThat(filed.resolve("attachments/bad.pdf")).doesNotExist();
        assertThat(Files.readString(filed.resolve("archive.json"))).contains("cannot be decoded").contains("no closing boundary");
    }

    @Test
    void aRecordThatIsNotThereExitsOneAndSaysWhy() throws Exception {
        Path eml = dir.resolve("plans.eml");
        Files.writeString(eml, Eml.withAttachment("<r@example.org>", "plan.pdf", "%PDF"));
        assertThat(run("archive", "--message", eml.toString(), "--to", "files:contact/nobody", "--user", "alice")).isEqualTo(1);
        assertThat(out.toString()).contains("REFUSED").contains("no contact 'nobody' of alice");
    }

    @Test
    void badUsageExitsTwoNamingTheProblem() throws Exception {
        Path eml = dir.resolve("plans.eml");
        Files.writeString(eml, Eml.withAttachment("<u@example.org>", "plan.pdf", "%PDF"));
        assertThat(run("archive", "--message", eml.toString(), "--to", "files:contact/ada")).isEqualTo(2);
        assertThat(err.toString()).contains("a message file has no mailbox owner: say whose records to file it to with --user USER");
        assertThat(run("archive", "--message", eml.toString(), "--to", "crm:contact/17", "--user", "alice")).isEqualTo(2);
        assertThat(err.toString()).contains("no system named 'crm'; systems: mail, files");
        assertThat(run("archive", "--message", eml.toString(), "--to", "mail:contact/17", "--user", "alice")).isEqualTo(2);
        assertThat(err.toString()).contains("system 'mail' (imap) cannot archive e-mail; systems that can: files");
        assertThat(run("archive", "--message", eml.toString(), "--to", "files:ada", "--user", "alice")).isEqualTo(2);
        assertThat(err.toString()).contains("--to files:ada: expected SYSTEM:TYPE/ID");
        assertThat(run("archive", "--message", eml.toString(), "--to", "files:contact/ada", "--user", "alice",
                "--attachments", "plan.pdf,other.doc")).isEqualTo(2);
        assertThat(err.toString()).contains("the message has no attachment 'other.doc'; it has plan.pdf");
        assertThat(run("archive", "--message", "imap:mail/alice/INBOX", "--to", "files:contact/ada")).isEqualTo(2);
        assertThat(err.toString()).contains("expected imap:SYSTEM/USER/FOLDER/UID");
        assertThat(run("archive", "--message", dir.resolve("missing.eml").toString(), "--to", "files:contact/ada", "--user", "alice"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing.eml: no such file");
    }

    @Test
    void onlyTheMailboxOwnerOrAnAdminMayArchiveAUsersMessage() throws Exception {
        long uid = deliver(Eml.withAttachment("<own@example.org>", "plan.pdf", "x"));
        var cfg = new ConfigLoader(name -> name.equals("ALICE_IMAP_PASSWORD") ? "alice-secret" : null).load(config);
        MessageSource source = new MessageSource.InMailbox("mail", new MessageLocator("alice", "INBOX", uid));
        List<TargetRef> to = List.of(new TargetRef("files", "contact", "ada"));
        try (Archiver archiver = new Archiver(cfg)) {
            assertThatThrownBy(() -> archiver.archive(source, to, new AttachmentChoice.All(), Optional.empty(), new Requester("bob", false)))
                    .isInstanceOf(NotPermittedException.class).hasMessage("bob may not archive alice's messages: only the mailbox owner or an admin may");
            assertThat(files.resolve("alice/archive")).doesNotExist();
            assertThat(archiver.archive(source, to, new AttachmentChoice.All(), Optional.empty(), new Requester("alice", false)).complete())
                    .isTrue();
            assertThatThrownBy(() -> archiver.archive(source, to, new AttachmentChoice.All(), Optional.of("carol"), new Requester("alice", false)))
                    .isInstanceOf(NotPermittedException.class);
        }
    }
}
