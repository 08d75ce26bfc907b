package org.concord.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.concord.app.config.NotifyConfig;
import org.concord.app.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookNotifierTest {
    private static final String TOKEN = "wh-t0ken-never-printed";
    private static final Outbox.Policy QUICK = new Outbox.Policy(10, 3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2));
    private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private WebhookReceiver receiver;
    private LogCapture logs;
    private WebhookNotifier notifier;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        logs = new LogCapture();
    }

    @AfterEach
    void tearDown() {
        if (notifier != null) {
            notifier.close();
        }
        logs.close();
        receiver.close();
    }

    private WebhookNotifier start(URI url, Outbox.Policy policy, Duration requestTimeout) {
        notifier = WebhookNotifier.start(new NotifyConfig.Webhook(url, Optional.of(new Secret(TOKEN))), "agent-1", policy, requestTimeout);
        return notifier;
    }

    private static void awaitSettled(Outbox o, long expected) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (o.delivered() + o.failed() < expected && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(o.delivered() + o.failed()).as("notifications settled").isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBodyCarriesEventSystemReasonSinceDownForAtAndHost() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> down = json.readValue(WebhookNotifier.body(new Notification.Down("crm", "connection refused", T0, "agent-1")), Map.class);
        assertThat(down).containsExactly(
                Map.entry("event", "down"), Map.entry("system", "crm"), Map.entry("reason", "connection refused"),
                Map.entry("since", "2025-05-01T10:00:00Z"), entry("downForSeconds", null),
                Map.entry("at", "2025-05-01T10:00:00Z"), Map.entry("host", "agent-1"));
        Map<String, Object> up = json.readValue(WebhookNotifier.body(new Notification.Up("crm", Duration.ofSeconds(192), T0.plusSeconds(192), "agent-1")), Map.class);
        assertThat(up).containsExactly(
                Map.entry("event", "up"), Map.entry("system", "crm"), entry("reason", null),
                Map.entry("since", "2025-05-01T10:00:00Z"), Map.entry("downForSeconds", 192),
                Map.entry("at", "2025-05-01T10:03:12Z"), Map.entry("host", "agent-1"));
    }

    private static Map.Entry<String, Object> entry(String k, Object v) {
        return new java.util.AbstractMap.SimpleEntry<>(k, v);
    }

    @Test
    void notificationsArriveInTheOrderOfTheTransitionsWithTheToken() throws Exception {
        WebhookNotifier n = start(receiver.url(), QUICK, Duration.ofSeconds(5));
        n.systemDown("crm", "connection refused", T0);
        n.systemDown("groupware", "HTTP 503", T0.plusSeconds(1));
        n.systemUp("crm", Duration.ofSeconds(60), T0.plusSeconds(60));
        n.systemUp("groupware", Duration.ofSeconds(60), T0.plusSeconds(61));
        awaitSettled(n.outbox(), 4);
        assertThat(WebhookReceiver.events(receiver.received())).containsExactly("crm:down", "groupware:down", "crm:up", "groupware:up");
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void aFailingReceiverIsTriedAgainUntilItTakesTheNotification() throws Exception {
        receiver.answer(503, 429);
        WebhookNotifier n = start(receiver.url(), QUICK, Duration.ofSeconds(5));
        n.systemDown("crm", "connection refused", T0);
        awaitSettled(n.outbox(), 1);
        assertThat(n.outbox().delivered()).isEqualTo(1);
        assertThat(WebhookReceiver.events(receiver.received())).containsExactly("crm:down", "crm:down", "crm:down");
        assertThat(logs.all()).contains("webhook " + receiver.url() + ": attempt 1 of 3").contains("HTTP 503").contains("HTTP 429")
                .doesNotContain(TOKEN);
    }

    @Test
    void aRefusingReceiverIsNotAskedAgainAndTheFailureNamesTheUrlButNotTheToken() throws Exception {
        receiver.answer(401);
        WebhookNotifier n = start(receiver.url(), QUICK, Duration.ofSeconds(5));
        n.systemDown("crm", "connection refused", T0);
        awaitSettled(n.outbox(), 1);
        assertThat(n.outbox().failed()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
        assertThat(logs.all()).contains("WARN webhook " + receiver.url() + ": system 'crm' down at 2025-05-01T10:00:00Z refused, not retried: HTTP 401")
                .doesNotContain(TOKEN);
    }

    @Test
    void aHangingReceiverNeverSlowsTheEngineAndOnlyTheOldestNotificationsAreDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hanging.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        hanging.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hanging.start();
        try {
            WebhookNotifier n = start(URI.create("http://127.0.0.1:" + hanging.getAddress().getPort() + "/hook"),
                    new Outbox.Policy(10, 2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(500)), Duration.ofSeconds(30));
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                n.systemDown("s" + i, "down", T0.plusSeconds(i));
            }
            long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(tookMillis).as("1000 transitions told to a hanging receiver (ms)").isLessThan(2_000);
            assertThat(n.outbox().waiting()).isEqualTo(10);
            assertThat(n.outbox().dropped()).isBetween(989L, 990L);
            assertThat(logs.lines()).filteredOn(l -> l.startsWith("WARN") && l.contains("dropped the oldest"))
                    .as("one warning, not one per dropped notification").hasSize(1);

            release.countDown();
            awaitSettled(n.outbox(), 1_000 - n.outbox().dropped());
            assertThat(n.outbox().delivered()).isEqualTo(1_000 - n.outbox().dropped());
            assertThat(requests.get()).isEqualTo(1_000 - n.outbox().dropped());
        } finally {
            release.countDown();
            hanging.stop(0);
        }
    }

    @Test
    void aReceiverWhoseCertificateIsNotTrustedGetsNothing() throws Exception {
        SSLContext tls = selfSigned();
        AtomicInteger requests = new AtomicInteger();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        https.start();
        try {
            WebhookNotifier n = start(URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/hook"), QUICK, Duration.ofSeconds(5));
            n.systemDown("crm", "connection refused", T0);
            awaitSettled(n.outbox(), 1);
            assertThat(n.outbox().failed()).isEqualTo(1);
            assertThat(requests.get()).isZero();
            assertThat(logs.all()).contains("refused, not retried: TLS failed").doesNotContain(TOKEN);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void messagesShowTheUrlWithoutUserInfoOrQuery() {
        assertThat(WebhookNotifier.printable(URI.create("https://bot:pw@hooks.example.org:8443/concord?key=abc")))
                .isEqualTo("https://hooks.example.org:8443/concord");
    }

    /** A key pair and certificate for 127.0.0.1 made now, that no trust store knows. */
    private SSLContext selfSigned() throws Exception {
        Path store = dir.resolve("hook.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as("keytool: " + output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
