package org.concord.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The protocol's OpenAPI document parses as OpenAPI 3.1, every reference resolves, and it names what the kit serves. */
class OpenApiDocumentTest {
    private static final Path DOCUMENT = Path.of("../docs/remote-protocol/openapi.yaml");

    private static SwaggerParseResult parse(boolean resolve) {
        ParseOptions options = new ParseOptions();
        options.setResolve(resolve);
        options.setResolveFully(resolve);
        return new OpenAPIV3Parser().readLocation(DOCUMENT.toAbsolutePath().toUri().toString(), null, options);
    }

    @Test
    void theDocumentIsValidOpenApi31WithoutWarnings() {
        assertThat(DOCUMENT).exists();
        SwaggerParseResult result = parse(false);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyReferenceResolves() throws Exception {
        SwaggerParseResult result = parse(true);
        assertThat(result.getMessages()).as("parser messages while resolving").isEmpty();
        String text = Files.readString(DOCUMENT);
        OpenAPI api = parse(false).getOpenAPI();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$ref: \"#/components/(schemas|responses)/([A-Za-z]+)\"").matcher(text);
        int refs = 0;
        while (m.find()) {
            refs++;
            Map<String, ?> section = m.group(1).equals("schemas") ? api.getComponents().getSchemas() : api.getComponents().getResponses();
            assertThat(section).as("target of %s", m.group()).containsKey(m.group(2));
        }
        assertThat(refs).isGreaterThan(20);
    }

    @Test
    void everyOperationHasAnIdAndDocumentsItsAnswers() {
        OpenAPI api = parse(false).getOpenAPI();
        Map<String, String> operations = new TreeMap<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                assertThat(op.getValue().getResponses()).as("responses of %s %s", op.getKey(), path.getKey()).isNotEmpty();
                assertThat(op.getValue().getResponses().keySet()).as("%s %s", op.getKey(), path.getKey())
                        .anyMatch(code -> code.startsWith("2")).contains("401");
                operations.put(op.getKey() + " " + path.getKey(), op.getValue().getOperationId());
            }
        }
        assertThat(operations).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "GET /ping", "ping", "GET /changes", "getChanges", "POST /changes", "setChanges",
                "GET /search", "search", "POST /archive", "archive")));
    }
}
