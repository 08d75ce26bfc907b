package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the server has (console pages aside). */
class OpenApiDocumentTest {
    private static TestAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start("a", "b");
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static JsonNode document() throws Exception {
        return Json.MAPPER.readTree(Console.loadResource("/org/concord/server/openapi.json"));
    }

    private static boolean documented(Router.Route r) {
        return r.template().startsWith("/api/") || r.template().equals("/metrics");
    }

    @Test
    void everyRouteOfTheServerIsInTheDocumentAndNothingElse() throws Exception {
        Set<String> served = new TreeSet<>();
        agent.server.routes().stream().filter(OpenApiDocumentTest::documented)
                .forEach(r -> served.add(r.method() + " " + r.template()));
        Set<String> described = new TreeSet<>();
        JsonNode paths = document().path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (Iterator<String> m = paths.path(path).fieldNames(); m.hasNext(); ) {
                described.add(m.next().toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        assertThat(described).isEqualTo(served);
    }

    @Test
    void everyPathParameterAndSchemaReferenceResolves() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        JsonNode schemas = doc.path("components").path("schemas");
        doc.findValues("$ref").forEach(ref -> {
            String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
            String section = ref.asText().contains("/responses/") ? "responses" : "schemas";
            assertThat(doc.path("components").path(section).has(name)).as(ref.asText()).isTrue();
        });
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            doc.path("paths").path(path).forEach(op -> {
                assertThat(op.path("operationId").asText()).as(path).isNotEmpty();
                assertThat(op.path("responses").size()).as(path).isPositive();
                for (String param : path.split("/")) {
                    if (param.startsWith("{")) {
                        String name = param.substring(1, param.length() - 1);
                        assertThat(op.path("parameters").findValuesAsText("name")).as(path).contains(name);
                    }
                }
            });
        }
        assertThat(schemas.has("ConflictDetail")).isTrue();
    }

    @Test
    void theServedDocumentIsTheOneInTheRepository() throws Exception {
        assertThat(agent.get("/api/openapi.json")).isEqualTo(document());
    }
}
