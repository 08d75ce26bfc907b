package org.concord.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.app.archive.ArchiveOrderText;
import org.concord.app.archive.ArchiveReport;
import org.concord.app.archive.Archiver;
import org.concord.app.archive.Requester;
import org.concord.app.archive.SpooledMessage;
import org.concord.app.archive.Suggestion;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigLoader;
import org.concord.spi.ArchiveOutcome;
import org.concord.testkit.servers.Dovecot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archiving to the example connector over MariaDB through the remote protocol's search and
 * archive endpoints: from a message file and from a Dovecot mailbox, once per Message-ID and contact.
 */
class ArchiveToExampleIT {
    @TempDir
    Path dir;

    private TestDatabase db;
    private ExampleConnector example;
    private long ada;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.createOrSkip();
        example = ExampleConnector.start(db.url(), new InetSocketAddress("127.0.0.1", 0), Optional.of("archive-token"),
                Duration.ofMillis(100));
        db.execute("INSERT INTO contacts (owner, first_name, last_name, company, email) "
                + "VALUES ('alice', 'Ada', 'Lovelace', 'Analytical Engines Ltd', 'ada@example.org')");
        ada = Long.parseLong(query("SELECT id FROM contacts WHERE last_name = 'Lovelace'"));
    }

    @AfterEach
    void stop() throws Exception {
        if (example != null) {
            example.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private String query(String select) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(select)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private Config config(String mailSystem) throws Exception {
        Path file = dir.resolve("concord.yaml");
        Files.writeString(file, """
                store: state/concord.db
                systems:
                  crm:
                    connector: remote
                    url: %s
                    token: ${EXAMPLE_TOKEN}
                    mapping:
                      contact:
                        first_name: name.given
                        last_name: name.surname
                        email: email
                %s""".formatted(example.server().baseUri(), mailSystem));
        return new ConfigLoader(name -> name.equals("EXAMPLE_TOKEN") ? "archive-token" : null).load(file);
    }

    private static String message(String messageId) {
        return """
                Message-ID: %s\r
                From: Ada Lovelace <ada@example.org>\r
                To: alice@example.org\r
                Subject: Engine plans\r
                Date: Mon, 5 Jan 2026 10:00:00 +0000\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                The plans are attached.\r
                --b1\r
                Content-Type: application/pdf; name="plan.pdf"\r
                Content-Disposition: attachment; filename="plan.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                %s\r
                --b1--\r
                """.formatted(messageId, Base64.getEncoder().encodeToString("%PDF-1.7 plan".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMessageFileIsFiledToTheContactOnceWithItsAttachment() throws Exception {
        Path eml = dir.resolve("plans.eml");
        Files.writeString(eml, message("<plans@example.org>"));
        try (Archiver archiver = new Archiver(config(""))) {
            var source = ArchiveOrderText.source(eml.toString());
            var to = List.of(ArchiveOrderText.target("crm:contact/" + ada));
            ArchiveReport first = archiver.archive(source, to, ArchiveOrderText.attachments("all"), Optional.of("alice"),
                    Requester.operator());
            ArchiveReport again = archiver.archive(source, to, ArchiveOrderText.attachments("all"), Optional.of("alice"),
                    Requester.operator());

            assertThat(first.filings()).singleElement().extracting(ArchiveReport.Filing::outcome)
                    .isInstanceOf(ArchiveOutcome.Filed.class);
            assertThat(again.complete()).isTrue();
            assertThat(query("SELECT COUNT(*) FROM contact_archive")).isEqualTo("1");
            assertThat(query("SELECT CONCAT(contact_id, '|', message_id, '|', subject, '|', sender, '|', body) FROM contact_archive"))
                    .isEqualTo(ada + "|<plans@example.org>|Engine plans|ada@example.org|The plans are attached.");
            assertThat(query("SELECT CONCAT(name, '|', media_type, '|', CAST(content AS CHAR)) FROM contact_archive_files"))
                    .isEqualTo("plan.pdf|application/pdf|%PDF-1.7 plan");

            try (SpooledMessage read = archiver.read(source, Requester.operator())) {
                List<Suggestion> suggestions = archiver.suggest(read.message(), List.of(), Optional.of("alice"), 10);
                assertThat(suggestions).singleElement().satisfies(s -> {
                    assertThat(s.system()).isEqualTo("crm");
                    assertThat(s.record().key().id()).isEqualTo(Long.toString(ada));
                    assertThat(s.record().label()).isEqualTo("Ada Lovelace");
                });
            }
        }
    }

    @Test
    void aDovecotMessageIsFiledToTheContactThroughTheMasterLogin() throws Exception {
        try (Dovecot dovecot = Dovecot.startOrSkip(Map.of("alice", "alice-secret"), Optional.of(Map.entry("concord", "master-secret")))) {
            long uid = dovecot.save("alice", "INBOX", message("<imap@example.org>"));
            Config cfg = config("""
                      mail:
                        connector: imap
                        host: %s
                        port: %d
                        security: none
                        master-user: concord
                        master-password: master-secret
                    """.formatted(dovecot.host(), dovecot.port()));
            try (Archiver archiver = new Archiver(cfg)) {
                ArchiveReport report = archiver.archive(ArchiveOrderText.source("imap:mail/alice/INBOX/" + uid),
                        List.of(ArchiveOrderText.target("crm:contact/" + ada)), ArchiveOrderText.attachments("none"),
                        Optional.empty(), Requester.operator());
                assertThat(report.complete()).isTrue();
            }
            assertThat(query("SELECT message_id FROM contact_archive")).isEqualTo("<imap@example.org>");
            assertThat(query("SELECT COUNT(*) FROM contact_archive_files")).isEqualTo("0");
        }
    }
}
