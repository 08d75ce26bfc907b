package org.concord.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.concord.app.config.NotifyConfig;
import org.concord.app.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailNotifierTest {
    private static final String PASSWORD = "mail-pa55-never-printed";
    private static final Outbox.Policy QUICK = new Outbox.Policy(10, 2, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofSeconds(2));
    private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            patient(ServerSetupTest.SMTP.dynamicPort()), patient(ServerSetupTest.SMTPS.dynamicPort())})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("concord", PASSWORD));

    /** SMTPS loads its key on start, slowly on a busy machine: allow more than the default 2 s. */
    private static ServerSetup patient(ServerSetup s) {
        s.setServerStartupTimeout(20_000);
        return s;
    }

    private LogCapture logs;
    private EmailNotifier notifier;

    @BeforeEach
    void capture() {
        logs = new LogCapture();
    }

    @AfterEach
    void release() {
        if (notifier != null) {
            notifier.close();
        }
        logs.close();
    }

    private EmailNotifier start(NotifyConfig.Security security, int port, Optional<String> user, Optional<String> password) {
        NotifyConfig.Email config = new NotifyConfig.Email("127.0.0.1", port, security, user, password.map(Secret::new),
                "concord@example.org", List.of("admin@example.org"));
        notifier = EmailNotifier.start(config, "agent-1", QUICK, Duration.ofSeconds(5));
        return notifier;
    }

    private static void awaitSettled(Outbox o, long expected) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (o.delivered() + o.failed() < expected && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(o.delivered() + o.failed()).as("notifications settled").isEqualTo(expected);
    }

    @Test
    void aDownMailNamesTheSystemAndTheReasonInItsSubject() throws Exception {
        EmailNotifier n = start(NotifyConfig.Security.NONE, MAIL.getSmtp().getPort(), Optional.empty(), Optional.empty());
        n.systemDown("crm", "connection refused", T0);
        assertThat(Mailboxes.awaitMessages(MAIL, 1)).isTrue();
        MimeMessage m = MAIL.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[concord] system 'crm' is DOWN: connection refused");
        assertThat(m.getFrom()[0].toString()).isEqualTo("concord@example.org");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("admin@example.org");
        assertThat(GreenMailUtil.getBody(m))
                .contains("found system 'crm' DOWN")
                .contains("Down since:  2025-05-01 10:00:00 UTC")
                .contains("Reason:      connection refused")
                .contains("agent-1");
    }

    @Test
    void anUpMailSaysHowLongTheSystemWasDown() throws Exception {
        EmailNotifier n = start(NotifyConfig.Security.NONE, MAIL.getSmtp().getPort(), Optional.empty(), Optional.empty());
        n.systemDown("crm", "connection refused", T0);
        n.systemUp("crm", Duration.ofSeconds(192), T0.plusSeconds(192));
        assertThat(Mailboxes.awaitMessages(MAIL, 2)).isTrue();
        MimeMessage m = MAIL.getReceivedMessages()[1];
        assertThat(m.getSubject()).isEqualTo("[concord] system 'crm' is up again after 3m 12s");
        assertThat(GreenMailUtil.getBody(m))
                .contains("Up since:    2025-05-01 10:03:12 UTC")
                .contains("Down for:    3m 12s (since 2025-05-01 10:00:00 UTC)");
    }

    @Test
    void authenticatesAsTheConfiguredUser() throws Exception {
        EmailNotifier n = start(NotifyConfig.Security.NONE, MAIL.getSmtp().getPort(), Optional.of("concord"), Optional.of(PASSWORD));
        n.systemDown("crm", "connection refused", T0);
        n.systemUp("crm", Duration.ofSeconds(192), T0.plusSeconds(192));
        awaitSettled(n.outbox(), 2);
        assertThat(n.outbox().delivered()).isEqualTo(2);
        assertThat(Mailboxes.awaitMessages(MAIL, 2)).isTrue();
        assertThat(logs.all()).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordIsRefusedAndNeverPrinted() throws Exception {
        EmailNotifier n = start(NotifyConfig.Security.NONE, MAIL.getSmtp().getPort(), Optional.of("concord"), Optional.of("not-" + PASSWORD));
        n.systemDown("crm", "connection refused", T0);
        awaitSettled(n.outbox(), 1);
        assertThat(n.outbox().failed()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(logs.all()).contains("e-mail via 127.0.0.1:" + MAIL.getSmtp().getPort())
                .contains("authentication as 'concord' failed")
                .contains("refused, not retried")
                .doesNotContain(PASSWORD);
    }

    @Test
    void starttlsIsRequiredNotMerelyTriedSoNothingGoesOutInPlainText() throws Exception {
        // GreenMail's SMTP port does not offer STARTTLS: the mail must not be sent without it.
        EmailNotifier n = start(NotifyConfig.Security.STARTTLS, MAIL.getSmtp().getPort(), Optional.of("concord"), Optional.of(PASSWORD));
        n.systemDown("crm", "connection refused", T0);
        awaitSettled(n.outbox(), 1);
        assertThat(n.outbox().failed()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(logs.all()).containsIgnoringCase("STARTTLS").contains("not delivered after 2 attempt(s)").doesNotContain(PASSWORD);
    }

    @Test
    void smtpsChecksTheServerCertificate() throws Exception {
        // GreenMail's SMTPS certificate is self-signed, so the JDK's trust store does not vouch for it.
        EmailNotifier n = start(NotifyConfig.Security.SSL, MAIL.getSmtps().getPort(), Optional.of("concord"), Optional.of(PASSWORD));
        n.systemDown("crm", "connection refused", T0);
        awaitSettled(n.outbox(), 1);
        assertThat(n.outbox().failed()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(logs.all()).contains("TLS failed").doesNotContain(PASSWORD);
    }

    @Test
    void aMultiLineReasonBecomesOneSubjectLineAndALongOneIsCut() {
        String subject = MailText.subject(new Notification.Down("crm", "I/O error:\r\n  connection reset " + "x".repeat(300), T0, "h"));
        assertThat(subject).startsWith("[concord] system 'crm' is DOWN: I/O error: connection reset x").doesNotContain("\n").endsWith("…");
        assertThat(subject.length()).isLessThan(170);
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(Notification.humanDuration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Notification.humanDuration(Duration.ofSeconds(192))).isEqualTo("3m 12s");
        assertThat(Notification.humanDuration(Duration.ofMinutes(125).plusSeconds(9))).isEqualTo("2h 5m");
        assertThat(Notification.humanDuration(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Notification.humanDuration(Duration.ofDays(1).plusHours(3).plusMinutes(4))).isEqualTo("1d 3h");
        assertThat(Notification.humanDuration(Duration.ofMillis(300))).isEqualTo("under a second");
    }
}
