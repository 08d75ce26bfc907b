package org.concord.remote.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KitServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private KitServer server;

    /** A feed of numbered changes the test appends to; writes are answered ok with a new id. */
    private static final class Counting implements RemoteApplication {
        final List<FeedEntry> feed = new ArrayList<>();

        @Override
        public AppDescription describe() {
            return new AppDescription("counting", ModidComparison.INTEGER,
                    Map.of(ObjectType.CONTACT, TypeFormat.record(Map.of("name", FieldKind.STRING))), Set.of());
        }

        synchronized void add(int modid) {
            feed.add(FeedEntry.upsert(Integer.toString(modid), "alice", ObjectType.CONTACT, "c" + modid, Integer.toString(modid),
                    JSON.createObjectNode().put("name", "n" + modid)));
        }

        @Override
        public synchronized List<FeedEntry> changesSince(FeedQuery q) {
            long since = q.since().map(Long::parseLong).orElse(0L);
            return feed.stream().filter(e -> Long.parseLong(e.modid()) > since).limit(q.max()).toList();
        }

        @Override
        public List<ChangeResult> setChanges(List<IncomingChange> changes) {
            return changes.stream().map(c -> ChangeResult.written(c.id().orElse("new"), "1")).toList();
        }
    }

    private final Counting app = new Counting();

    private void start(KitServer.Builder b) throws Exception {
        server = b.listen(new InetSocketAddress("127.0.0.1", 0)).start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String endpoint, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(endpoint));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String endpoint, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(server.baseUri().resolve(endpoint)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesFollowLimitAndSayWhetherMoreIsReady() throws Exception {
        start(KitServer.builder(app));
        for (int i = 1; i <= 5; i++) {
            app.add(i);
        }
        JsonNode first = JSON.readTree(get("changes?limit=2", null).body());
        assertThat(first.get("changes")).hasSize(2);
        assertThat(first.get("next").asText()).isEqualTo("2");
        assertThat(first.get("more").asBoolean()).isTrue();
        JsonNode last = JSON.readTree(get("changes?limit=2&since=4", null).body());
        assertThat(last.get("changes")).hasSize(1);
        assertThat(last.get("more").asBoolean()).isFalse();
        JsonNode empty = JSON.readTree(get("changes?since=5", null).body());
        assertThat(empty.get("next").asText()).isEqualTo("5");
    }

    @Test
    void aSignalledChangeEndsAWaitingLongPollAtOnce() throws Exception {
        start(KitServer.builder(app).pollInterval(Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<String>> poll = client.sendAsync(
                HttpRequest.newBuilder(server.baseUri().resolve("changes?wait=20")).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(poll).isNotDone();
        long before = System.nanoTime();
        app.add(1);
        server.signalChange();
        JsonNode answer = JSON.readTree(poll.get().body());
        assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(500);
        assertThat(answer.get("changes")).hasSize(1);
    }

    @Test
    void anUnsignalledChangeIsFoundAtThePollInterval() throws Exception {
        start(KitServer.builder(app).pollInterval(Duration.ofMillis(100)));
        CompletableFuture<HttpResponse<String>> poll = client.sendAsync(
                HttpRequest.newBuilder(server.baseUri().resolve("changes?wait=20")).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        app.add(1);
        assertThat(JSON.readTree(poll.get().body()).get("changes")).hasSize(1);
    }

    @Test
    void basicAuthenticationAcceptsTheRightPairOnly() throws Exception {
        start(KitServer.builder(app).basicAuth("concord", "pa:ss"));
        String right = "Basic " + Base64.getEncoder().encodeToString("concord:pa:ss".getBytes(StandardCharsets.UTF_8));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("concord:nope".getBytes(StandardCharsets.UTF_8));
        assertThat(get("ping", right).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("ping", wrong);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"concord\", charset=\"UTF-8\"");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void malformedRequestsAreAnsweredWithProblemsNamingTheMember() throws Exception {
        start(KitServer.builder(app).maxBatch(1));
        JsonNode op = JSON.readTree(post("changes", "{\"changes\":[{\"ref\":\"r\",\"user\":\"u\",\"type\":\"contact\",\"op\":\"merge\"}]}").body());
        assertThat(op.get("status").asInt()).isEqualTo(400);
        assertThat(op.get("detail").asText()).isEqualTo("changes[0].op: expected 'upsert' or 'delete', found 'merge'");
        HttpResponse<String> tooMany = post("changes", "{\"changes\":[{},{}]}");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(get("changes?since=abc", null).body()).get("detail").asText())
                .isEqualTo("parameter 'since': 'abc' is not a modid of this application (modids compare as integer)");
        assertThat(get("nothing-here", null).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("search?q=x", null).body()).get("type").asText()).isEqualTo("urn:concord:remote:problem:not-offered");
    }

    @Test
    void dataThatDoesNotFitTheRecordFailsThatChangeOnly() throws Exception {
        start(KitServer.builder(app));
        JsonNode results = JSON.readTree(post("changes", """
                {"changes":[
                  {"ref":"a","user":"u","type":"contact","op":"upsert","data":{"nmae":"x"}},
                  {"ref":"b","user":"u","type":"event","op":"upsert","data":{}},
                  {"ref":"c","user":"u","type":"contact","id":"7","op":"upsert","data":{"name":"ok"}}]}""").body()).get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(results.get(0).get("message").asText()).isEqualTo("changes[0].data: unknown field 'nmae'; fields: name");
        assertThat(results.get(1).get("message").asText()).isEqualTo("changes[1]: this application does not serve type 'event'");
        assertThat(results.get(2).get("status").asText()).isEqualTo("ok");
        assertThat(results.get(2).get("id").asText()).isEqualTo("7");
    }

    @Test
    void wireCodesAreDistinct() {
        assertThat(Set.of(ObjectType.values()).stream().map(ObjectType::code).distinct()).hasSize(ObjectType.values().length);
        assertThat(Set.of(DataFormat.values()).stream().map(DataFormat::code).distinct()).hasSize(DataFormat.values().length);
        assertThat(Set.of(FieldKind.values()).stream().map(FieldKind::code).distinct()).hasSize(FieldKind.values().length);
        assertThat(URI.create("http://x/").resolve("ping").toString()).isEqualTo("http://x/ping");
    }
}
