package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP side of the protocol: one {@link HttpClient} per system, HTTP/1.1 with persistent
 * connections (the JDK client keeps them alive and sets TCP_NODELAY on its sockets), so a long
 * poll and a write run side by side on two pooled connections.
 */
final class HttpTransport implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Optional<String> authorization;
    private final HttpClient client;

    HttpTransport(URI base, Optional<String> authorization, Duration connectTimeout) {
        this.base = base;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An answer: status, media type and body. */
    record Answer(int status, String contentType, byte[] body) {
        boolean isJson() {
            return contentType.startsWith("application/json") || contentType.startsWith("application/problem+json");
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** The {@code detail} (or {@code title}) of a problem answer, else a short excerpt of the body. */
        String problemDetail() {
            if (isJson()) {
                try {
                    JsonNode node = json();
                    String detail = node.path("detail").asText(node.path("title").asText(""));
                    if (!detail.isEmpty()) {
                        return detail;
                    }
                } catch (IOException e) {
                    // not JSON after all: fall through to the excerpt
                }
            }
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }

        String problemType() {
            try {
                return isJson() ? json().path("type").asText("") : "";
            } catch (IOException e) {
                return "";
            }
        }
    }

    Answer get(String endpoint, Duration timeout) throws IOException, InterruptedException {
        return send(request(endpoint, timeout).GET().build());
    }

    Answer post(String endpoint, JsonNode body, Duration timeout) throws IOException, InterruptedException {
        return send(request(endpoint, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    /**
     * Posts a JSON body produced while it is sent (chunked: its length is not known ahead), so a
     * body of any size costs a pipe buffer, not its size in memory.
     */
    Answer postStreaming(String endpoint, java.util.function.Supplier<java.io.InputStream> body, Duration timeout)
            throws IOException, InterruptedException {
        return send(request(endpoint, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .build());
    }

    URI resolve(String endpoint) {
        return base.resolve(endpoint);
    }

    private HttpRequest.Builder request(String endpoint, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(endpoint)).timeout(timeout).header("Accept", "application/json");
        authorization.ifPresent(a -> b.header("Authorization", a));
        return b;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
