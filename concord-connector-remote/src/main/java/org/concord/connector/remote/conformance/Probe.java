package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Raw HTTP access to the endpoint under test, keeping status, media type and body for the checks to judge. */
final class Probe implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Optional<String> token;
    private final HttpClient client;

    Probe(URI base, Optional<String> token) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.token = token;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One answer; {@code json} is empty when the body is not JSON. */
    record Answer(int status, String contentType, String body, Optional<JsonNode> json, long millis) {
        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        String excerpt() {
            String b = body.strip();
            return b.length() > 160 ? b.substring(0, 160) + "…" : b;
        }
    }

    Answer get(String endpoint, Duration timeout) throws CheckFailed {
        return send(builder(endpoint, timeout, token).GET().build());
    }

    Answer getWith(String endpoint, Optional<String> authorization) throws CheckFailed {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(endpoint)).timeout(Duration.ofSeconds(10));
        authorization.ifPresent(a -> b.header("Authorization", a));
        return send(b.GET().build());
    }

    Answer post(String endpoint, String body) throws CheckFailed {
        return send(builder(endpoint, Duration.ofSeconds(30), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer post(String endpoint, JsonNode body) throws CheckFailed {
        return post(endpoint, body.toString());
    }

    private HttpRequest.Builder builder(String endpoint, Duration timeout, Optional<String> token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(endpoint)).timeout(timeout).header("Accept", "application/json");
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private Answer send(HttpRequest request) throws CheckFailed {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(r.body(), StandardCharsets.UTF_8);
            Optional<JsonNode> json;
            try {
                json = Optional.ofNullable(JSON.readTree(body)).filter(n -> !n.isMissingNode());
            } catch (IOException e) {
                json = Optional.empty();
            }
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body, json,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new CheckFailed(request.method() + " " + request.uri().getPath() + " failed: "
                    + (e instanceof java.net.http.HttpTimeoutException ? "no answer within " + request.timeout().orElseThrow().toSeconds() + " s"
                            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailed("interrupted");
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
