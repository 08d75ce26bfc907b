package org.concord.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.concord.spi.FolderListing;
import org.concord.spi.Health;
import org.concord.spi.ListRequest;
import org.concord.spi.MailFolder;
import org.concord.spi.MessageLocator;
import org.concord.spi.MessageSummary;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.SystemConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The imap connector against GreenMail's in-JVM IMAP server (no CONDSTORE: every listing is full). */
class GreenMailMailboxTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            patient(ServerSetupTest.IMAP.dynamicPort()), patient(ServerSetupTest.IMAPS.dynamicPort())})
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("alice@example.org", "alice", "alice-secret")
                    .withUser("bob@example.org", "bob", "bob-secret"));

    private static ServerSetup patient(ServerSetup s) {
        s.setServerStartupTimeout(20_000);
        return s;
    }

    static ImapConnector connector(int port, Object... extra) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connector", "imap");
        m.put("host", "127.0.0.1");
        m.put("port", port);
        m.put("security", "none");
        m.put("passwords", Map.of("alice", "alice-secret"));
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        ImapConnector c = new ImapConnector(ImapSettings.parse(new SystemConfig("mail", m, Path.of("."))), Optional.empty());
        c.open();
        return c;
    }

    private static void deliver(String login, String raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        MAIL.getUserManager().getUser(login).deliver(m);
    }

    @Test
    void anImapSystemSyncsNoItemTypesSoTheEngineOnlyPingsIt() throws Exception {
        try (ImapConnector c = connector(MAIL.getImap().getPort())) {
            assertThat(c.describe().kind()).isEqualTo("imap");
            assertThat(c.describe().types()).isEmpty();
            assertThat(c.ping()).isInstanceOf(Health.Up.class);
        }
    }

    @Test
    void listsTheUsersFoldersAndMessagesWithSenderSubjectDateSizeAndAttachmentNames() throws Exception {
        deliver("alice", TestMessages.withAttachments("<m1@example.org>", "Ada Lovelace <ada@example.org>",
                "alice@example.org", "Engine plans", "plan.pdf", "notes.txt"));
        deliver("alice", TestMessages.plain("<m2@example.org>", "grace@example.org", "alice@example.org", "Hello"));
        try (ImapConnector c = connector(MAIL.getImap().getPort())) {
            assertThat(c.folders("alice")).extracting(MailFolder::name).contains("INBOX");
            FolderListing listing = c.list(new ListRequest("alice", "INBOX", Optional.empty(), 50));
            assertThat(listing).isInstanceOf(FolderListing.Full.class);
            List<MessageSummary> messages = ((FolderListing.Full) listing).messages();
            assertThat(messages).extracting(MessageSummary::subject).containsExactly("Hello", "Engine plans");
            MessageSummary plans = messages.get(1);
            assertThat(plans.from()).isEqualTo("Ada Lovelace <ada@example.org>");
            assertThat(plans.to()).containsExactly("alice@example.org", "charles@example.org");
            assertThat(plans.date()).contains(Instant.parse("2026-01-05T10:00:00Z"));
            assertThat(plans.messageId()).isEqualTo("<m1@example.org>");
            assertThat(plans.size()).isGreaterThan(300);
            assertThat(plans.attachments()).containsExactly("plan.pdf", "notes.txt");
            assertThat(messages.get(0).attachments()).isEmpty();
        }
    }

    @Test
    void fetchStreamsTheWholeMessageSource() throws Exception {
        deliver("alice", TestMessages.withAttachments("<m1@example.org>", "ada@example.org", "alice@example.org",
                "Engine plans", "plan.pdf"));
        try (ImapConnector c = connector(MAIL.getImap().getPort())) {
            MessageSummary m = ((FolderListing.Full) c.list(new ListRequest("alice", "INBOX", Optional.empty(), 10)))
                    .messages().getFirst();
            String source;
            try (InputStream in = c.fetch(new MessageLocator("alice", "INBOX", m.uid()))) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(source).contains("Message-ID: <m1@example.org>").contains("filename=\"plan.pdf\"")
                    .contains("Y29udGVudCBvZiBwbGFuLnBkZg==");
        }
    }

    @Test
    void aMissingMessageNamesTheSystemUserFolderAndUid() throws Exception {
        try (ImapConnector c = connector(MAIL.getImap().getPort())) {
            assertThatThrownBy(() -> c.fetch(new MessageLocator("alice", "INBOX", 4711)))
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("imap 'mail': user 'alice', folder 'INBOX', UID 4711: no such message");
            assertThatThrownBy(() -> c.list(new ListRequest("alice", "Nowhere", Optional.empty(), 10)))
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("imap 'mail': user 'alice', folder 'Nowhere': no such folder");
        }
    }

    @Test
    void aRefusedLoginIsPermanentAndNeverShowsThePassword() throws Exception {
        try (ImapConnector c = connector(MAIL.getImap().getPort(), "passwords", Map.of("alice", "wrong-secret"))) {
            assertThatThrownBy(() -> c.folders("alice"))
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("imap 'mail': user 'alice'").hasMessageContaining("login refused")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret"));
        }
    }

    @Test
    void aUserWithoutCredentialsIsRefusedBeforeConnecting() throws Exception {
        try (ImapConnector c = connector(MAIL.getImap().getPort())) {
            assertThatThrownBy(() -> c.folders("bob"))
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("user 'bob': no credentials for this user");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedUnlessVerificationIsTurnedOff() throws Exception {
        int port = MAIL.getImaps().getPort();
        try (ImapConnector c = connector(port, "security", "tls")) {
            assertThatThrownBy(() -> c.folders("alice"))
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("TLS with 127.0.0.1:" + port + " (tls) failed");
            assertThat(c.ping()).isInstanceOf(Health.Down.class);
        }
        try (ImapConnector c = connector(port, "security", "tls", "tls-verify", false)) {
            assertThat(c.folders("alice")).extracting(MailFolder::name).contains("INBOX");
            assertThat(c.ping()).isInstanceOf(Health.Up.class);
        }
    }

    @Test
    void aServerThatIsNotThereIsDownForThePingAndRetryableForCalls() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ImapConnector c = connector(port)) {
            assertThat(c.ping()).isInstanceOf(Health.Down.class);
            assertThatThrownBy(() -> c.folders("alice")).isInstanceOf(org.concord.spi.RetryableConnectorException.class)
                    .hasMessageContaining("imap 'mail': user 'alice'");
        }
    }
}
