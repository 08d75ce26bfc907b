package org.concord.server;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.concord.engine.ConflictSettings;
import org.concord.engine.Engine;
import org.concord.engine.SystemSpec;
import org.concord.engine.Tuning;
import org.concord.engine.UserMap;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Scope;
import org.concord.store.Store;
import org.concord.store.jdbc.Stores;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;

/**
 * Test fixture: a running agent — in-memory systems, a SQLite store in a temporary folder, the
 * engine and the admin server on a free loopback port — and an HTTP client for it.
 */
final class TestAgent implements AutoCloseable {
    static final String TOKEN = "test-admin-token-0123456789";
    static final String METRICS_TOKEN = "test-metrics-token-0123456789";
    static final String USER = "admin";
    static final String PASSWORD = "correct horse battery staple";
    static final Scope ALICE_CONTACTS = new Scope("alice", ItemType.CONTACT);
    static final Tuning FAST = new Tuning(50, 20, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofHours(1));

    final Path dir;
    final Map<String, InMemorySystem> systems = new LinkedHashMap<>();
    final Store store;
    final Engine engine;
    final AdminServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestAgent(Path dir, ConflictSettings conflicts, UserMap users, UnaryOperator<ServerSettings> settings,
            List<String> names, java.util.Optional<ArchiveDesk> desk) throws IOException {
        this.dir = dir;
        for (String n : names) {
            systems.put(n, new InMemorySystem(n));
        }
        store = Stores.open("concord.db", dir);
        List<SystemSpec> specs = new ArrayList<>();
        systems.forEach((n, s) -> specs.add(new SystemSpec(n, new InMemoryConnector(s), Duration.ofMillis(20))));
        engine = new Engine(store, specs, users, conflicts, FAST, Clock.systemUTC());
        engine.setWatchdogInterval(Duration.ofMillis(100));
        ServerSettings base = ServerSettings.defaults().withListen("127.0.0.1", 0).withApiToken(TOKEN)
                .withMetricsToken(METRICS_TOKEN).withConsoleUsers(Map.of(USER, PasswordHash.hash(PASSWORD.toCharArray(), 10_000)));
        server = AdminServer.start(engine, store, settings.apply(base), desk, Duration.ofMillis(200));
        engine.start();
    }

    static TestAgent start(String... names) throws IOException {
        return start(ConflictSettings.defaults(), UserMap.identity(), UnaryOperator.identity(), names);
    }

    static TestAgent start(ConflictSettings conflicts, UserMap users, UnaryOperator<ServerSettings> settings,
            String... names) throws IOException {
        return new TestAgent(Files.createTempDirectory("concord-server-test"), conflicts, users, settings, List.of(names),
                java.util.Optional.empty());
    }

    /** An agent whose mailbox and archive routes are served by {@code desk}. */
    static TestAgent withDesk(ArchiveDesk desk, UserMap users, UnaryOperator<ServerSettings> settings, String... names)
            throws IOException {
        return new TestAgent(Files.createTempDirectory("concord-server-test"), ConflictSettings.defaults(), users, settings,
                List.of(names), java.util.Optional.of(desk));
    }

    InMemorySystem system(String name) {
        return systems.get(name);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    // ---- data

    static Payload contact(String uid, int n, int edit) {
        return Samples.of(ItemType.CONTACT, uid, n, edit);
    }

    /** Creates a contact in {@code system} and waits until every other system has it. */
    String createSynced(String system, String uid, int n) {
        String nativeId = system(system).userCreate(ALICE_CONTACTS, contact(uid, n, 0));
        await("contact " + uid + " in every system", () -> systems.values().stream()
                .allMatch(s -> s.list().stream().anyMatch(o -> o.payload().uid().map(uid::equals).orElse(false))));
        await("contact " + uid + " linked everywhere", () -> engine.itemOf(system, nativeId)
                .map(v -> v.links().size() == systems.size() && v.pending().isEmpty()).orElse(false));
        return engine.itemOf(system, nativeId).orElseThrow().item().globalId();
    }

    String nativeIdIn(String system, String uid) {
        return system(system).list().stream().filter(o -> o.payload().uid().map(uid::equals).orElse(false))
                .findFirst().orElseThrow().nativeId();
    }

    /**
     * Makes a conflict: while {@code quiet} is down, {@code busy} and {@code quiet} both edit the
     * contact; when {@code quiet} comes back its edit races with the one pending for it.
     */
    void makeConflict(String uid, String busy, String quiet) {
        system(quiet).setDown(true);
        await(quiet + " seen down", () -> !systemUp(quiet));
        system(busy).userUpdate(nativeIdIn(busy, uid), contact(uid, 1, 1));
        await("edit from " + busy + " pending for " + quiet, () -> engine.status().systems().stream()
                .anyMatch(s -> s.name().equals(quiet) && s.pending() > 0));
        Payload theirs = contact(uid, 1, 2).withUid(uid);
        var json = theirs.json();
        json.putObject("emails").putObject("e1").put("address", "changed-in-" + quiet + "@example.org");
        system(quiet).userUpdate(nativeIdIn(quiet, uid), Payload.of(ItemType.CONTACT, json));
        system(quiet).setDown(false);
    }

    /** Makes a write error: {@code target} refuses the next contact created in {@code source}. */
    String makeWriteError(String source, String target, String uid) {
        engine.pause(target);
        String nativeId = system(source).userCreate(ALICE_CONTACTS, contact(uid, 7, 0));
        await("item of " + uid, () -> engine.itemOf(source, nativeId).isPresent());
        String g = engine.itemOf(source, nativeId).orElseThrow().item().globalId();
        system(target).rejectWritesOf(g);
        engine.resume(target);
        await("a sync error for " + uid, () -> !engine.errors(java.util.Optional.of(target), 10).isEmpty());
        return g;
    }

    boolean systemUp(String name) {
        return engine.status().systems().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().up();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        fail("timed out waiting for " + what);
    }

    // ---- HTTP

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** As the admin token. */
    HttpResponse<String> api(String method, String path, String body) {
        return send(method, path, body, "Authorization", "Bearer " + TOKEN);
    }

    JsonNode json(String method, String path, String body, int expectedStatus) {
        HttpResponse<String> r = api(method, path, body);
        if (r.statusCode() != expectedStatus) {
            fail(method + " " + path + ": expected HTTP " + expectedStatus + ", got " + r.statusCode() + ": " + r.body());
        }
        return parse(r);
    }

    JsonNode get(String path) {
        return json("GET", path, null, 200);
    }

    static JsonNode parse(HttpResponse<String> r) {
        try {
            return r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** A console login: the session cookie ("name=value") and the CSRF token. */
    record Login(String cookie, String csrf) {}

    Login login() {
        return login(USER);
    }

    /** Logs in a console user whose password is {@link #PASSWORD}. */
    Login login(String user) {
        HttpResponse<String> r = send("POST", "/api/session",
                "{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        if (r.statusCode() != 200) {
            fail("login: HTTP " + r.statusCode() + ": " + r.body());
        }
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Login(setCookie.substring(0, setCookie.indexOf(';')), parse(r).path("csrfToken").asText());
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        store.close();
    }
}
