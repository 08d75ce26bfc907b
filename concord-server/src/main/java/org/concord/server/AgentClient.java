package org.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.concord.engine.EngineStatus;
import org.concord.engine.SystemStatus;
import org.concord.model.ItemType;
import org.concord.store.ConflictRecord;
import org.concord.store.ErrorPhase;
import org.concord.store.SyncError;

/**
 * Asks a running agent, through its REST API, what the CLI would otherwise read from the store:
 * the status (with live up/down state), sync errors, conflicts. It reaches the agent at the
 * config's {@code listen} address with the config's admin token; with TLS it trusts exactly the
 * certificate in the config's keystore.
 */
public final class AgentClient {
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(30);

    /** Nothing answers at the agent's address: no agent runs there. */
    public static final class NotRunning extends Exception {
        NotRunning(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The agent answered, but not with what was asked (wrong token, an error). */
    public static final class AgentException extends IOException {
        AgentException(String message) {
            super(message);
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http;

    private AgentClient(URI base, String token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /** A client for the agent these settings describe; empty when they give no admin token. */
    public static Optional<AgentClient> of(ServerSettings settings) throws IOException {
        if (settings.apiToken().isEmpty()) {
            return Optional.empty();
        }
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER);
        if (settings.tls().isPresent()) {
            b.sslContext(pinned(settings.tls().get()));
        }
        String host = switch (settings.host()) {
            case "", "0.0.0.0", "*" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        };
        URI base = URI.create((settings.secure() ? "https" : "http") + "://" + host + ":" + settings.port());
        return Optional.of(new AgentClient(base, settings.apiToken().get(), b.build()));
    }

    public URI uri() {
        return base;
    }

    public EngineStatus status() throws NotRunning, IOException {
        JsonNode s = get("/api/status");
        List<SystemStatus> systems = new ArrayList<>();
        for (JsonNode n : s.path("systems")) {
            Set<ItemType> types = new LinkedHashSet<>();
            n.path("types").forEach(t -> ItemType.byCode(t.asText()).ifPresent(types::add));
            systems.add(new SystemStatus(n.path("name").asText(), n.path("kind").asText(), types,
                    n.path("up").asBoolean(), Instant.parse(n.path("since").asText()), text(n, "reason"),
                    n.path("paused").asBoolean(), n.path("caughtUp").asBoolean(), n.path("pending").asLong(),
                    time(n, "oldestPending"), n.path("errors").asLong(), n.path("items").asLong(), time(n, "lastReadAt"),
                    n.path("cursor").asText()));
        }
        return new EngineStatus(Instant.parse(s.path("at").asText()), s.path("store").asText(), systems,
                s.path("openConflicts").asLong(), s.path("conflicts").asLong());
    }

    public List<SyncError> errors(Optional<String> system, int limit) throws NotRunning, IOException {
        String query = "?limit=" + Math.max(1, Math.min(1000, limit)) + system.map(s -> "&system=" + encode(s)).orElse("");
        List<SyncError> out = new ArrayList<>();
        for (JsonNode e : get("/api/errors" + query)) {
            out.add(new SyncError(e.path("id").asLong(), e.path("system").asText(), ErrorPhase.byCode(e.path("phase").asText()),
                    e.path("object").asText(), text(e, "item"), e.path("message").asText(),
                    Instant.parse(e.path("first").asText()), Instant.parse(e.path("last").asText()), e.path("count").asInt()));
        }
        return out;
    }

    public List<ConflictRecord> conflicts(boolean openOnly, int limit) throws NotRunning, IOException {
        List<ConflictRecord> out = new ArrayList<>();
        for (JsonNode c : get("/api/conflicts?open=" + openOnly + "&limit=" + Math.max(1, Math.min(1000, limit)))) {
            out.add(new ConflictRecord(c.path("id").asLong(), c.path("item").asText(), c.path("system").asText(),
                    c.path("otherOrigin").asText(), c.path("policy").asText(), c.path("decision").asText(),
                    text(c, "duplicate"), Instant.parse(c.path("at").asText()), c.path("open").asBoolean()));
        }
        return out;
    }

    private JsonNode get(String path) throws NotRunning, IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NotRunning("no agent answers at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("agent at " + base + ": interrupted while waiting for " + path, e);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AgentException("agent at " + base + ": " + path + " answered HTTP " + response.statusCode()
                    + " with something that is not JSON (is another program listening there?)");
        }
        if (response.statusCode() != 200) {
            String why = body == null ? "" : body.path("error").asText("");
            throw new AgentException("agent at " + base + ": " + path + " answered HTTP " + response.statusCode()
                    + (why.isEmpty() ? "" : ": " + why));
        }
        return body;
    }

    /** Trusts exactly the certificates of the agent's own keystore: no CA, no host name to match. */
    private static SSLContext pinned(ServerSettings.Tls tls) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance(tls.keystore().toFile(), tls.password().toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new PinnedTrust(ks)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("tls.keystore " + tls.keystore() + ": cannot be used to trust the agent: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<Instant> time(JsonNode n, String field) {
        return text(n, field).map(Instant::parse);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
