package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.concord.engine.ConflictPolicy;
import org.concord.engine.ConflictSettings;
import org.concord.engine.UserMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint of the API, over a running engine with three in-memory systems and held conflicts. */
class AdminApiTest {
    private static TestAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start(ConflictSettings.of(new ConflictPolicy.Manual()),
                new UserMap(Map.of("alice", Map.of("b", "asmith"))), UnaryOperator.identity(), "a", "b", "c");
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void statusShowsEverySystemWithItsStateQueueAndErrors() {
        agent.createSynced("a", "status-1", 1);
        JsonNode status = agent.get("/api/status");
        assertThat(status.path("allUp").asBoolean()).isTrue();
        assertThat(status.path("store").asText()).contains("concord.db");
        List<String> names = new ArrayList<>();
        status.path("systems").forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).containsExactly("a", "b", "c");
        JsonNode a = status.path("systems").get(0);
        assertThat(a.path("state").asText()).isEqualTo("up");
        assertThat(a.path("kind").asText()).isEqualTo("memory");
        assertThat(a.path("items").asLong()).isPositive();
        assertThat(a.has("pending")).isTrue();
        assertThat(a.has("lagSeconds")).isTrue();
        assertThat(a.has("errors")).isTrue();
        assertThat(a.has("cursor")).isTrue();
        assertThat(a.path("types").toString()).contains("contact", "event");
    }

    @Test
    void oneSystemIsShownAndAnUnknownOneIsNotFound() {
        JsonNode b = agent.get("/api/systems/b");
        assertThat(b.path("name").asText()).isEqualTo("b");
        assertThat(b.path("since").asText()).isNotEmpty();
        var missing = agent.api("GET", "/api/systems/nope", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestAgent.parse(missing).path("error").asText()).contains("no system named 'nope'", "a, b, c");
    }

    @Test
    void aPausedSystemMissesNothingAndCatchesUpWhenResumed() {
        JsonNode paused = agent.json("POST", "/api/systems/c/pause", null, 200);
        assertThat(paused.path("state").asText()).isEqualTo("paused");
        assertThat(paused.path("paused").asBoolean()).isTrue();
        String inA = agent.system("a").userCreate(TestAgent.ALICE_CONTACTS, TestAgent.contact("paused-1", 3, 0));
        TestAgent.await("queued for c", () -> agent.get("/api/systems/c").path("pending").asLong() > 0);
        assertThat(agent.system("c").list()).noneMatch(o -> o.payload().uid().equals(Optional.of("paused-1")));
        JsonNode resumed = agent.json("POST", "/api/systems/c/resume", null, 200);
        assertThat(resumed.path("paused").asBoolean()).isFalse();
        TestAgent.await("delivered to c", () -> agent.system("c").list().stream()
                .anyMatch(o -> o.payload().uid().equals(Optional.of("paused-1"))));
        assertThat(inA).isNotEmpty();
    }

    @Test
    void resyncAndRetryAreAcceptedForAKnownSystemOnly() {
        assertThat(agent.json("POST", "/api/systems/b/resync", null, 202).path("message").asText())
                .contains("'b'", "read again");
        assertThat(agent.json("POST", "/api/systems/b/retry", null, 202).path("message").asText()).contains("due now");
        assertThat(agent.api("POST", "/api/systems/zz/resync", null).statusCode()).isEqualTo(404);
        assertThat(agent.api("POST", "/api/systems/zz/retry", null).statusCode()).isEqualTo(404);
        assertThat(agent.api("POST", "/api/systems/zz/pause", null).statusCode()).isEqualTo(404);
        assertThat(agent.api("POST", "/api/systems/zz/resume", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSyncErrorIsListedFilteredShownAndGoesAwayWhenRetriedAfterTheCauseIsFixed() {
        String g = agent.makeWriteError("a", "b", "refused-1");
        JsonNode list = agent.get("/api/errors?system=b");
        JsonNode error = find(list, "item", g);
        long id = error.path("id").asLong();
        assertThat(error.path("phase").asText()).isEqualTo("write");
        assertThat(error.path("message").asText()).contains("refused");
        assertThat(agent.get("/api/errors?phase=read").findValuesAsText("item")).doesNotContain(g);
        assertThat(agent.get("/api/errors?q=REFUSED-1&phase=write").findValuesAsText("item")).isEmpty();
        assertThat(agent.get("/api/errors?q=refused&limit=1").size()).isEqualTo(1);
        assertThat(agent.get("/api/errors?system=c").findValuesAsText("item")).doesNotContain(g);
        assertThat(agent.api("GET", "/api/errors?phase=sideways", null).statusCode()).isEqualTo(400);
        assertThat(agent.api("GET", "/api/errors?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(agent.api("GET", "/api/errors?system=zz", null).statusCode()).isEqualTo(404);

        JsonNode detail = agent.get("/api/errors/" + id);
        assertThat(detail.path("error").path("id").asLong()).isEqualTo(id);
        assertThat(detail.path("item").path("id").asText()).isEqualTo(g);
        assertThat(agent.api("GET", "/api/errors/999999", null).statusCode()).isEqualTo(404);
        assertThat(agent.api("GET", "/api/errors/abc", null).statusCode()).isEqualTo(400);

        agent.system("b").acceptWritesOf(g);
        assertThat(agent.json("POST", "/api/errors/" + id + "/retry", null, 202).path("message").asText())
                .contains("tried again");
        TestAgent.await("the refused contact delivered and its error gone", () -> agent.system("b").list().stream()
                .anyMatch(o -> o.payload().uid().equals(Optional.of("refused-1")))
                && agent.api("GET", "/api/errors/" + id, null).statusCode() == 404);
        assertThat(agent.api("POST", "/api/errors/999999/retry", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aDismissedSyncErrorIsGone() {
        String g = agent.makeWriteError("a", "c", "dismissed-1");
        long id = agent.get("/api/errors?system=c&q=" + g).get(0).path("id").asLong();
        var r = agent.api("DELETE", "/api/errors/" + id, null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(agent.api("GET", "/api/errors/" + id, null).statusCode()).isEqualTo(404);
        assertThat(agent.api("DELETE", "/api/errors/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aHeldConflictShowsBothVersionsFieldByFieldAndIsResolvedByKeepingOneSide() {
        String g = agent.createSynced("a", "conflict-keep", 1);
        agent.makeConflict("conflict-keep", "a", "b");
        long id = awaitOpenConflict(g);

        JsonNode open = agent.get("/api/conflicts?open=true");
        assertThat(open.findValuesAsText("item")).contains(g);
        assertThat(agent.get("/api/conflicts?system=b").findValuesAsText("item")).contains(g);
        assertThat(agent.get("/api/conflicts?system=c&open=true").findValuesAsText("item")).doesNotContain(g);

        JsonNode d = agent.get("/api/conflicts/" + id);
        assertThat(d.path("resolvable").asBoolean()).isTrue();
        assertThat(d.path("type").asText()).isEqualTo("contact");
        assertThat(d.path("systems").toString()).isEqualTo("[\"b\",\"a\"]");
        assertThat(d.path("versions").path("b").path("emails").toString()).contains("changed-in-b@example.org");
        JsonNode emails = field(d, "emails");
        assertThat(emails.path("same").asBoolean()).isFalse();
        assertThat(emails.path("values").path("b").toString()).contains("changed-in-b");
        assertThat(emails.path("values").path("a").toString()).contains("person1@example.org");
        assertThat(field(d, "uid").path("same").asBoolean()).isTrue();

        JsonNode resolved = agent.json("POST", "/api/conflicts/" + id + "/resolve", "{\"keep\":\"b\"}", 200);
        assertThat(resolved.path("conflict").path("open").asBoolean()).isFalse();
        assertThat(resolved.path("resolvable").asBoolean()).isFalse();
        TestAgent.await("b's version everywhere", () -> agent.systems.values().stream().allMatch(s -> s.list().stream()
                .anyMatch(o -> o.payload().json().path("emails").toString().contains("changed-in-b"))));
        var again = agent.api("POST", "/api/conflicts/" + id + "/resolve", "{\"keep\":\"a\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestAgent.parse(again).path("error").asText()).contains("already resolved");
    }

    @Test
    void aHeldConflictIsResolvedByAnEditedVersion() {
        String g = agent.createSynced("a", "conflict-edit", 2);
        agent.makeConflict("conflict-edit", "a", "c");
        long id = awaitOpenConflict(g);
        JsonNode d = agent.get("/api/conflicts/" + id);
        ObjectNode edited = (ObjectNode) d.path("versions").path("a").deepCopy();
        edited.put("note", "merged by hand");
        String body = "{\"edited\":" + edited + "}";

        assertThat(agent.api("POST", "/api/conflicts/" + id + "/resolve", "{}").statusCode()).isEqualTo(400);
        assertThat(agent.api("POST", "/api/conflicts/" + id + "/resolve", "{\"keep\":\"a\",\"edited\":{}}").statusCode()).isEqualTo(400);
        assertThat(agent.api("POST", "/api/conflicts/" + id + "/resolve", "{\"keep\":\"nope\"}").statusCode()).isEqualTo(400);
        assertThat(agent.api("POST", "/api/conflicts/" + id + "/resolve", "{\"edited\":{\"@type\":\"Event\"}}").statusCode()).isEqualTo(400);
        assertThat(agent.api("POST", "/api/conflicts/" + id + "/resolve", "not json").statusCode()).isEqualTo(400);
        assertThat(agent.send("POST", "/api/conflicts/" + id + "/resolve", null,
                "Authorization", "Bearer " + TestAgent.TOKEN).statusCode()).isEqualTo(415);

        agent.json("POST", "/api/conflicts/" + id + "/resolve", body, 200);
        TestAgent.await("the edited version everywhere", () -> agent.systems.values().stream().allMatch(s -> s.list().stream()
                .anyMatch(o -> o.payload().json().path("note").asText().equals("merged by hand"))));
        assertThat(agent.api("GET", "/api/conflicts/999999", null).statusCode()).isEqualTo(404);
        assertThat(agent.api("POST", "/api/conflicts/999999/resolve", "{\"keep\":\"a\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anItemIsFoundByGlobalIdOrByNativeIdWithWhereItLivesAndItsHistory() {
        String g = agent.createSynced("a", "lookup-1", 5);
        JsonNode item = agent.get("/api/items/" + g);
        assertThat(item.path("id").asText()).isEqualTo(g);
        assertThat(item.path("type").asText()).isEqualTo("contact");
        assertThat(item.path("uid").asText()).isEqualTo("lookup-1");
        assertThat(item.path("links").findValuesAsText("system")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(item.path("links").get(0).path("version").asText()).isNotEmpty();
        assertThat(item.path("history").findValuesAsText("action")).contains("read", "write");
        assertThat(item.path("links").findValuesAsText("user")).contains("asmith");

        String inB = agent.nativeIdIn("b", "lookup-1");
        JsonNode same = agent.get("/api/items?system=b&nativeId=" + URLEncoder.encode(inB, StandardCharsets.UTF_8));
        assertThat(same.path("id").asText()).isEqualTo(g);

        assertThat(agent.api("GET", "/api/items/no-such-item", null).statusCode()).isEqualTo(404);
        assertThat(agent.api("GET", "/api/items?system=b&nativeId=nothing", null).statusCode()).isEqualTo(404);
        assertThat(agent.api("GET", "/api/items?system=b", null).statusCode()).isEqualTo(400);
        assertThat(agent.api("GET", "/api/items", null).statusCode()).isEqualTo(400);
        assertThat(agent.api("GET", "/api/items?system=zz&nativeId=x", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theUserMapShowsEveryUsersNameInEverySystem() {
        JsonNode users = agent.get("/api/users");
        assertThat(users.path("systems").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        JsonNode alice = users.path("users").get(0);
        assertThat(alice.path("user").asText()).isEqualTo("alice");
        assertThat(alice.path("names").path("a").asText()).isEqualTo("alice");
        assertThat(alice.path("names").path("b").asText()).isEqualTo("asmith");
        assertThat(users.path("rule").asText()).contains("same name");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        JsonNode doc = agent.get("/api/openapi.json");
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(doc.path("paths").has("/api/status")).isTrue();
    }

    @Test
    void unknownPathsAndMethodsAreAnsweredAsSuch() {
        var r = agent.api("GET", "/api/nothing-here", null);
        assertThat(r.statusCode()).isEqualTo(404);
        var wrong = agent.api("PUT", "/api/status", null);
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void theEventStreamSendsTheStatusAtOnce() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(agent.uri("/api/events"))
                .header("Authorization", "Bearer " + TestAgent.TOKEN).build();
        var response = agent.http.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (var lines = response.body()) {
            String data = lines.filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
            assertThat(Json.MAPPER.readTree(data.substring(6)).path("systems").size()).isEqualTo(3);
        }
    }

    private static long awaitOpenConflict(String globalId) {
        TestAgent.await("a held conflict on " + globalId,
                () -> agent.get("/api/conflicts?open=true").findValuesAsText("item").contains(globalId));
        return find(agent.get("/api/conflicts?open=true"), "item", globalId).path("id").asLong();
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (n.path(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + key + "=" + value + " in " + array);
    }

    private static JsonNode field(JsonNode detail, String name) {
        return find(detail.path("fields"), "name", name);
    }
}
