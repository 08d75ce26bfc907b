package org.concord.connector.dav.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A plain HTTP client acting on a DAV server as a user's phone would: raw PUT, GET and DELETE
 * of vCard / iCalendar text, with no knowledge of Concord. Tests use it to make changes behind
 * the connector's back and to look at what the connector stored.
 */
public final class PlainClient {
    private final URI base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public PlainClient(String url, String user, String password) {
        this.base = URI.create(url);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public record Reply(int status, String body, Optional<String> etag) {}

    /** PUT of {@code text} at {@code path}; the content type follows the extension. */
    public Reply put(String path, String text) {
        String type = path.endsWith(".vcf") ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8";
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    /** Any method with an XML body, e.g. PROPFIND or REPORT. */
    public Reply xml(String method, String path, String depth, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/xml; charset=utf-8")
                .header("Depth", depth).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> r;
            try {
                r = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException staleConnection) {
                // Radicale closes every connection after its answer; the JDK may reuse one once.
                r = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("ETag"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
