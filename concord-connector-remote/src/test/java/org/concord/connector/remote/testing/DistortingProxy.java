package org.concord.connector.remote.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/** Sits in front of a correct endpoint and breaks the protocol in one way, for flaws no kit-based application can have. */
public final class DistortingProxy implements AutoCloseable {

    public enum Distortion {
        /** Drops the {@code wait} parameter: the endpoint answers at once, never long-polls. */
        STRIPS_WAIT,
        /** Answers 200 with an empty JSON object where the endpoint answered 4xx. */
        HIDES_CLIENT_ERRORS
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    public DistortingProxy(URI target, Distortion distortion) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> forward(exchange, target, distortion));
        server.start();
    }

    public URI uri(String basePath) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    private void forward(HttpExchange exchange, URI target, Distortion distortion) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && distortion == Distortion.STRIPS_WAIT) {
                query = query.replaceAll("(^|&)wait=[0-9]+", "");
            }
            URI uri = target.resolve(exchange.getRequestURI().getRawPath() + (query == null || query.isEmpty() ? "" : "?" + query));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                b.header("Authorization", auth);
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                b.header("Content-Type", type);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            b.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = r.statusCode();
            byte[] out = r.body();
            String outType = r.headers().firstValue("Content-Type").orElse("application/json");
            if (distortion == Distortion.HIDES_CLIENT_ERRORS && status >= 400 && status < 500) {
                status = 200;
                out = "{}".getBytes();
                outType = "application/json";
            }
            exchange.getResponseHeaders().set("Content-Type", outType);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.shutdownNow();
    }
}
