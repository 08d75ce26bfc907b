package org.concord.connector.dav.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DavHttpTest {
    private static final Account ALICE = new Account("alice", "pa55-word");

    private HttpServer server;
    private DavHttp http;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            clientPorts.add(exchange.getRemoteAddress().getPort());
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            handler.handle(exchange);
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static void reply(HttpExchange e, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        e.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = e.getResponseBody()) {
                out.write(b);
            }
        }
        e.close();
    }

    private DavHttp client(URI base, Duration readTimeout, long cap, boolean tlsVerify) throws PermanentConnectorException {
        http = new DavHttp(new HttpSettings("groupware", base, Duration.ofSeconds(2), readTimeout, tlsVerify, cap));
        return http;
    }

    @Test
    void basicAuthIsSentAndA401NamesTheUserButNeverThePassword() throws Exception {
        URI base = serve(e -> reply(e, 401, "no"));
        DavHttp h = client(base, Duration.ofSeconds(5), 1 << 20, true);
        DavRequest request = DavRequest.propfind(base.resolve("/alice/"), ALICE, 0, "<propfind xmlns=\"DAV:\"/>");
        DavResponse r = h.send(request);
        assertThat(authorizations).containsExactly("Basic YWxpY2U6cGE1NS13b3Jk");
        ConnectorException failure = h.failure(r, request);
        assertThat(failure).isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("dav 'groupware': authentication failed for user alice")
                .hasMessageNotContaining("pa55-word");
    }

    @Test
    void serverErrorsAndRefusedConnectionsAreRetryable() throws Exception {
        URI base = serve(e -> reply(e, 503, "maintenance"));
        DavHttp h = client(base, Duration.ofSeconds(5), 1 << 20, true);
        DavRequest request = DavRequest.get(base.resolve("/x.vcf"), ALICE);
        assertThat(h.failure(h.send(request), request)).isInstanceOf(RetryableConnectorException.class)
                .hasMessageContaining("GET /x.vcf failed: HTTP 503: maintenance");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> h.send(DavRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/"), ALICE)))
                .isInstanceOf(RetryableConnectorException.class)
                .hasMessageContaining("dav 'groupware'").hasMessageContaining("cannot connect");
    }

    @Test
    void aResponseLargerThanTheCapIsRefused() throws Exception {
        URI base = serve(e -> reply(e, 200, "x".repeat(10_000)));
        DavHttp h = client(base, Duration.ofSeconds(5), 4_096, true);
        assertThatThrownBy(() -> h.send(DavRequest.get(base.resolve("/big.ics"), ALICE)))
                .isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("GET /big.ics").hasMessageContaining("max-response-size");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutAsRetryable() throws Exception {
        URI base = serve(e -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            reply(e, 200, "late");
        });
        DavHttp h = client(base, Duration.ofMillis(300), 1 << 20, true);
        long started = System.nanoTime();
        assertThatThrownBy(() -> h.send(DavRequest.get(base.resolve("/slow"), ALICE)))
                .isInstanceOf(RetryableConnectorException.class).hasMessageContaining("read-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void consecutiveRequestsReuseOneKeptAliveConnection() throws Exception {
        URI base = serve(e -> reply(e, 200, "ok"));
        DavHttp h = client(base, Duration.ofSeconds(5), 1 << 20, true);
        for (int i = 0; i < 5; i++) {
            assertThat(h.send(DavRequest.get(base.resolve("/ping"), ALICE)).status()).isEqualTo(200);
        }
        assertThat(clientPorts).as("client ports seen by the server").hasSize(1);
        assertThat(h.requestCount()).isEqualTo(5);
    }

    @Test
    void aRedirectToAnotherOriginDoesNotCarryTheCredentials() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        List<String> otherAuth = new CopyOnWriteArrayList<>();
        other.createContext("/", e -> {
            otherAuth.add(String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
            reply(e, 207, "");
        });
        other.start();
        try {
            String elsewhere = "http://localhost:" + other.getAddress().getPort() + "/dav/";
            URI base = serve(e -> {
                e.getResponseHeaders().add("Location", elsewhere);
                reply(e, 301, "");
            });
            DavHttp h = client(base, Duration.ofSeconds(5), 1 << 20, true);
            DavResponse r = h.send(DavRequest.propfind(base.resolve("/.well-known/carddav"), ALICE, 0, "<x/>").following());
            assertThat(r.status()).isEqualTo(207);
            assertThat(r.uri()).hasToString(elsewhere);
            assertThat(otherAuth).containsExactly("null");
        } finally {
            other.stop(0);
        }
    }

    /** An https server on loopback with a fresh self-signed certificate, answering "secure". */
    private static HttpsServer selfSignedHttps(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).as("keytool exit code").isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", e -> reply(e, 200, "secure"));
        https.start();
        return https;
    }

    @Test
    void aPlainHttpServerThatRedirectsToHttpsIsFollowedOverTls(@TempDir Path dir) throws Exception {
        HttpsServer https = selfSignedHttps(dir);
        try {
            String secure = "https://127.0.0.1:" + https.getAddress().getPort() + "/dav/";
            URI base = serve(e -> {
                e.getResponseHeaders().add("Location", secure);
                reply(e, 301, "");
            });
            http = new DavHttp(new HttpSettings("groupware", base, Duration.ofSeconds(2), Duration.ofSeconds(5), false, 1 << 20));
            DavResponse r = http.send(DavRequest.get(base.resolve("/.well-known/carddav"), ALICE).following());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.uri()).hasToString(secure);
            assertThat(r.text()).isEqualTo("secure");
        } finally {
            https.stop(0);
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessTlsVerifyIsOff(@TempDir Path dir) throws Exception {
        HttpsServer https = selfSignedHttps(dir);
        try {
            URI base = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/");
            try (DavHttp verifying = new DavHttp(new HttpSettings("groupware", base, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), true, 1 << 20))) {
                assertThatThrownBy(() -> verifying.send(DavRequest.get(base, ALICE)))
                        .isInstanceOf(PermanentConnectorException.class)
                        .hasMessageContaining("not trusted").hasMessageContaining("tls-verify");
            }
            try (DavHttp trusting = new DavHttp(new HttpSettings("groupware", base, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), false, 1 << 20))) {
                DavResponse r = trusting.send(DavRequest.get(base, ALICE));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("secure");
            }
        } finally {
            https.stop(0);
        }
    }
}
