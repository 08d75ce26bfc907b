package org.concord.bench.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client acting as a user's phone: PUT and DELETE of vCards, nothing else. */
public final class DavClient {
    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public DavClient(String url, String user, String password) {
        this.base = URI.create(url);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** PUTs a vCard; returns the HTTP status. */
    public int put(String path, String vcard) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "text/vcard; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(vcard, StandardCharsets.UTF_8)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closedByServer) {
            // Radicale closes every connection after its answer; the JDK may try a closed one once
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** A Depth: 1 PROPFIND of the etags of a collection (makes a server read, and cache, every item). */
    public int listEtags(String path) throws IOException, InterruptedException {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><propfind xmlns=\"DAV:\"><prop><getetag/></prop></propfind>";
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization).header("Depth", "1")
                .header("Content-Type", "application/xml; charset=utf-8")
                .method("PROPFIND", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
