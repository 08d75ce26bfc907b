package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.concord.engine.ConflictSettings;
import org.concord.engine.UserMap;
import org.junit.jupiter.api.Test;

/** With a keystore configured the agent serves HTTPS only, and the session cookie is Secure and host-bound. */
class TlsTest {
    private static final String PASSWORD = "keystore-pass";

    /** A self-signed certificate for localhost and 127.0.0.1, made with the JDK's keytool. */
    static Path keystore(Path dir) throws Exception {
        Path ks = dir.resolve("agent.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "concord", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return ks;
    }

    @Test
    void theAgentServesHttpsWithASecureHostBoundCookieAndTheCliTrustsItsOwnCertificate() throws Exception {
        Path ks = keystore(Files.createTempDirectory("concord-tls"));
        ServerSettings.Tls tls = new ServerSettings.Tls(ks, PASSWORD);
        try (TestAgent agent = TestAgent.start(ConflictSettings.defaults(), UserMap.identity(), s -> s.withTls(tls), "a", "b")) {
            assertThat(agent.server.uri().getScheme()).isEqualTo("https");

            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new PinnedTrust(KeyStore.getInstance(ks.toFile(), PASSWORD.toCharArray()))}, null);
            HttpClient https = HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> login = https.send(HttpRequest.newBuilder(agent.uri("/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"admin\",\"password\":\"" + TestAgent.PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith("__Host-concord_session=").contains("Secure", "HttpOnly", "SameSite=Strict");
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();

            AgentClient client = AgentClient.of(ServerSettings.defaults().withListen("127.0.0.1", agent.server.port())
                    .withApiToken(TestAgent.TOKEN).withTls(tls)).orElseThrow();
            assertThat(client.status().systems()).extracting(s -> s.name()).containsExactly("a", "b");

            HttpClient trustsNothing = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> trustsNothing.send(HttpRequest.newBuilder(agent.uri("/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }
}
