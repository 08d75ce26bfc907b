package org.concord.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigLoader;
import org.concord.app.wiring.Agent;
import org.concord.model.ItemType;
import org.concord.spi.Scope;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as configured by a user: a system that is stopped and restarted while the engine runs
 * is reported down, then up, to a webhook receiver and a mailbox.
 */
class WatchdogNotificationsTest {
    private static final String TOKEN = "hook-t0ken-never-printed";
    private static final String SMTP_PASSWORD = "smtp-pa55-never-printed";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("concord", SMTP_PASSWORD));

    @TempDir
    Path dir;

    private WebhookReceiver hook;
    private LogCapture logs;

    @BeforeEach
    void setUp() throws Exception {
        InMemorySystem.forgetAll();
        hook = new WebhookReceiver();
        logs = new LogCapture();
    }

    @AfterEach
    void tearDown() {
        logs.close();
        hook.close();
        InMemorySystem.forgetAll();
    }

    private Agent agent(String prefix, URI webhook) throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, """
                store: state/concord.db
                systems:
                  left:
                    connector: memory
                    name: %1$s-left
                  right:
                    connector: memory
                    name: %1$s-right
                watchdog:
                  interval: 100ms
                notify:
                  webhook:
                    url: %2$s
                    token: ${HOOK_TOKEN}
                  email:
                    host: 127.0.0.1
                    port: %3$d
                    security: none
                    username: concord
                    password: ${SMTP_PASSWORD}
                    from: concord@example.org
                    to: [admin@example.org, oncall@example.org]
                """.formatted(prefix, webhook, MAIL.getSmtp().getPort()));
        Config config = new ConfigLoader(Map.of("HOOK_TOKEN", TOKEN, "SMTP_PASSWORD", SMTP_PASSWORD)::get).load(f);
        return Agent.build(config);
    }

    @Test
    void aSystemStoppedAndRestartedIsReportedDownThenUpByWebhookAndMail() throws Exception {
        try (Agent agent = agent("cycle", hook.url())) {
            agent.engine().start();
            InMemorySystem right = InMemorySystem.named("cycle-right");

            right.setDown(true);
            WebhookReceiver.Received down = hook.await(r -> "down".equals(r.body().get("event")), WAIT);
            assertThat(down.method()).isEqualTo("POST");
            assertThat(down.path()).isEqualTo("/hooks/concord");
            assertThat(down.contentType()).isEqualTo("application/json");
            assertThat(down.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(down.body())
                    .containsEntry("system", "right")
                    .containsEntry("reason", "memory 'cycle-right': system is down")
                    .containsEntry("host", Notifiers.localHostName())
                    .containsEntry("downForSeconds", null);
            Instant since = Instant.parse((String) down.body().get("since"));
            assertThat(Mailboxes.awaitMessages(MAIL, 2)).as("one mail per recipient").isTrue();
            MimeMessage downMail = MAIL.getReceivedMessages()[0];
            assertThat(downMail.getSubject()).isEqualTo("[concord] system 'right' is DOWN: memory 'cycle-right': system is down");
            assertThat(GreenMailUtil.getBody(downMail)).contains("Down since:  " + MailText.time(since));
            assertThat(Arrays.stream(MAIL.getReceivedMessages()).flatMap(m -> Arrays.stream(recipients(m))))
                    .containsExactlyInAnyOrder("admin@example.org", "oncall@example.org", "admin@example.org", "oncall@example.org");

            Thread.sleep(1_100);
            right.setDown(false);
            WebhookReceiver.Received up = hook.await(r -> "up".equals(r.body().get("event")), WAIT);
            assertThat(up.body())
                    .containsEntry("system", "right")
                    .containsEntry("reason", null)
                    .containsEntry("since", since.toString());
            assertThat(((Number) up.body().get("downForSeconds")).longValue()).isGreaterThanOrEqualTo(1);
            assertThat(Instant.parse((String) up.body().get("at"))).isAfter(since);
            assertThat(Mailboxes.awaitMessages(MAIL, 4)).isTrue();
            MimeMessage upMail = MAIL.getReceivedMessages()[3];
            assertThat(upMail.getSubject()).startsWith("[concord] system 'right' is up again after ").endsWith("s");
            assertThat(GreenMailUtil.getBody(upMail)).contains("Down for:").contains("since " + MailText.time(since));

            assertThat(WebhookReceiver.events(hook.received())).as("one notification per transition, none for 'left'")
                    .containsExactly("right:down", "right:up");
        }
        assertThat(logs.all()).contains("system 'right' is down").doesNotContain(TOKEN).doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void aWebhookReceiverThatIsDownNeitherBlocksNorStopsTheEngine() throws Exception {
        URI dead;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/hooks/concord");
        }
        Agent agent = agent("dead", dead);
        long closedIn;
        try {
            agent.engine().start();
            InMemorySystem left = InMemorySystem.named("dead-left");
            InMemorySystem right = InMemorySystem.named("dead-right");

            right.setDown(true);
            assertThat(Mailboxes.awaitMessages(MAIL, 2)).as("the mail channel goes on").isTrue();
            left.userCreate(new Scope("alice", ItemType.CONTACT), Samples.of(ItemType.CONTACT, 1));
            right.setDown(false);
            assertThat(Mailboxes.awaitMessages(MAIL, 4)).isTrue();
            awaitTrue(() -> right.list().size() == 1, "the contact made while 'right' was down reaches it when it is back");
            assertThat(logs.all()).contains("webhook " + dead).contains("failed");
        } finally {
            long start = System.nanoTime();
            agent.close();
            closedIn = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
        assertThat(closedIn).as("stopping does not wait out the retries of a dead receiver (ms)").isLessThan(3_000);
        assertThat(logs.all()).doesNotContain(TOKEN).doesNotContain(SMTP_PASSWORD);
    }

    private static String[] recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toArray(String[]::new);
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within " + WAIT + ": " + what);
    }
}
