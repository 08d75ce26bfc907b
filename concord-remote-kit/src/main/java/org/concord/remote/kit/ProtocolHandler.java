package org.concord.remote.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes one request to the application and writes the answer; every failure becomes a problem document. */
final class ProtocolHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(KitServer.class.getName());
    private static final int MAX_BODY = 32 * 1024 * 1024;

    private final RemoteApplication app;
    private final Authentication auth;
    private final KitServer.Limits limits;
    private final ChangeSignal signal;
    private final String basePath;
    private final ArchiveReader archiveReader = new ArchiveReader();

    ProtocolHandler(RemoteApplication app, Authentication auth, KitServer.Limits limits, ChangeSignal signal, String basePath) {
        this.app = app;
        this.auth = auth;
        this.limits = limits;
        this.signal = signal;
        this.basePath = basePath;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            try {
                if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", auth.challenge());
                    throw new Problem(401, "unauthorized", "Unauthorized", "missing or wrong credentials");
                }
                route(exchange, path.substring(basePath.length()).replaceAll("^/+|/+$", ""));
            } catch (Problem p) {
                send(exchange, p.status(), "application/problem+json", WireFormat.problem(p, path));
            } catch (SinceExpiredException e) {
                send(exchange, 410, "application/problem+json", WireFormat.problem(
                        new Problem(410, "since-expired", "Since expired", e.getMessage()), path));
            } catch (RejectedException e) {
                send(exchange, 422, "application/problem+json", WireFormat.problem(
                        new Problem(422, "rejected", "Rejected", e.getMessage()), path));
            } catch (UnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "application unavailable for " + path, e);
                exchange.getResponseHeaders().set("Retry-After", "5");
                send(exchange, 503, "application/problem+json", WireFormat.problem(
                        new Problem(503, "unavailable", "Application unavailable", e.getMessage()), path));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 503, "application/problem+json", WireFormat.problem(
                        new Problem(503, "unavailable", "Server stopping", "the server is shutting down"), path));
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "application failed on " + exchange.getRequestMethod() + " " + path, e);
                send(exchange, 500, "application/problem+json", WireFormat.problem(new Problem(500, "internal",
                        "Application error", "the application failed: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage())), path));
            }
        }
    }

    private void route(HttpExchange exchange, String endpoint) throws Exception {
        String method = exchange.getRequestMethod();
        String allowed = switch (endpoint) {
            case "ping", "search" -> "GET";
            case "changes" -> "GET, POST";
            case "archive" -> "POST";
            default -> throw new Problem(404, "not-found", "Not found",
                    "no endpoint '" + endpoint + "'; endpoints: ping, changes, search, archive");
        };
        if (!List.of(allowed.split(", ")).contains(method)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new Problem(405, "method-not-allowed", "Method not allowed", method + " " + endpoint + "; allowed: " + allowed);
        }
        switch (endpoint + " " + method) {
            case "ping GET" -> ping(exchange);
            case "changes GET" -> getChanges(exchange);
            case "changes POST" -> setChanges(exchange);
            case "search GET" -> search(exchange);
            case "archive POST" -> archive(exchange);
            default -> throw new IllegalStateException("unrouted " + endpoint + " " + method);
        }
    }

    private void ping(HttpExchange exchange) throws Exception {
        AppHealth health;
        try {
            health = app.health();
        } catch (UnavailableException e) {
            health = new AppHealth.Down(e.getMessage());
        }
        int status = health instanceof AppHealth.Up ? 200 : 503;
        send(exchange, status, "application/json", WireFormat.ping(app.describe(), health, limits));
    }

    private void getChanges(HttpExchange exchange) throws Exception {
        Map<String, String> q = query(exchange);
        Optional<String> since = Optional.ofNullable(q.get("since")).filter(s -> !s.isEmpty());
        ModidComparison order = app.describe().modidComparison();
        if (since.isPresent() && !order.isValid(since.get())) {
            throw Problem.malformed("parameter 'since': '" + since.get() + "' is not a modid of this application (modids compare as "
                    + order.code() + ")");
        }
        int limit = Math.min(intParam(q, "limit", limits.defaultLimit(), 1), limits.maxLimit());
        boolean complete = boolParam(q, "complete");
        Duration wait = complete ? Duration.ZERO
                : Duration.ofSeconds(Math.min(intParam(q, "wait", 0, 0), limits.maxWait().toSeconds()));
        long deadline = System.nanoTime() + wait.toNanos();
        FeedQuery feedQuery = new FeedQuery(since, limit + 1, complete);
        List<FeedEntry> entries;
        while (true) {
            long seen = signal.generation();
            entries = app.changesSince(feedQuery);
            long left = deadline - System.nanoTime();
            if (!entries.isEmpty() || left <= 0 || signal.isClosed()) {
                break;
            }
            signal.awaitAfter(seen, Duration.ofNanos(Math.min(left, limits.pollInterval().toNanos())));
        }
        boolean more = entries.size() > limit;
        List<FeedEntry> page = more ? entries.subList(0, limit) : entries;
        Optional<String> next = page.isEmpty() ? since : Optional.of(page.getLast().modid());
        send(exchange, 200, "application/json", WireFormat.changes(page, next, more));
    }

    private void setChanges(HttpExchange exchange) throws Exception {
        AppDescription description = app.describe();
        List<WireFormat.Parsed> parsed = WireFormat.parseChanges(body(exchange), description, limits.maxBatch());
        List<IncomingChange> ready = new ArrayList<>();
        for (WireFormat.Parsed p : parsed) {
            if (p instanceof WireFormat.Ready r) {
                ready.add(r.change());
            }
        }
        List<ChangeResult> results = ready.isEmpty() ? List.of() : app.setChanges(List.copyOf(ready));
        if (results.size() != ready.size()) {
            throw new IllegalStateException("setChanges answered " + results.size() + " results for " + ready.size() + " changes");
        }
        ObjectNode out = WireFormat.JSON.createObjectNode();
        ArrayNode list = out.putArray("results");
        int next = 0;
        for (WireFormat.Parsed p : parsed) {
            ChangeResult result = switch (p) {
                case WireFormat.Ready r -> results.get(next++);
                case WireFormat.Refused r -> r.result();
            };
            list.add(WireFormat.result(p.ref(), result));
        }
        send(exchange, 200, "application/json", out);
        if (results.stream().anyMatch(r -> r instanceof ChangeResult.Ok)) {
            signal.signal();
        }
    }

    private void search(HttpExchange exchange) throws Exception {
        requireCapability(Capability.SEARCH);
        Map<String, String> q = query(exchange);
        String text = Optional.ofNullable(q.get("q")).filter(s -> !s.isBlank())
                .orElseThrow(() -> Problem.malformed("parameter 'q': missing; the text to search for"));
        Optional<ObjectType> type = Optional.empty();
        if (q.containsKey("type")) {
            type = Optional.of(ObjectType.byCode(q.get("type")).orElseThrow(
                    () -> Problem.malformed("parameter 'type': unknown type '" + q.get("type") + "'")));
        }
        int limit = Math.min(intParam(q, "limit", 20, 1), limits.maxLimit());
        List<SearchHit> hits = app.search(new SearchQuery(text, type, Optional.ofNullable(q.get("user")), limit));
        ObjectNode out = WireFormat.JSON.createObjectNode();
        ArrayNode list = out.putArray("results");
        for (SearchHit h : hits.subList(0, Math.min(limit, hits.size()))) {
            list.addObject().put("user", h.user()).put("type", h.type().code()).put("id", h.id())
                    .put("label", h.label()).put("detail", h.detail());
        }
        send(exchange, 200, "application/json", out);
    }

    private void archive(HttpExchange exchange) throws Exception {
        requireCapability(Capability.ARCHIVE);
        ArchiveRequest request = archiveReader.read(body(exchange));
        ArchiveResult result = app.archive(request);
        ObjectNode out = WireFormat.JSON.createObjectNode().put("status", "ok").put("id", result.id());
        send(exchange, 200, "application/json", out);
    }

    private void requireCapability(Capability capability) throws Problem {
        if (!app.describe().capabilities().contains(capability)) {
            throw new Problem(501, "not-offered", "Not offered",
                    "this application does not offer '" + capability.code() + "' (see capabilities in ping)");
        }
    }

    private static JsonNode body(HttpExchange exchange) throws IOException, Problem {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "the body must be application/json, not " + (type == null ? "unspecified" : "'" + type + "'"));
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new Problem(413, "body-too-large", "Body too large", "the body exceeds " + MAX_BODY + " bytes");
        }
        try {
            JsonNode node = WireFormat.JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw Problem.malformed("the body is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.malformed("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> query(HttpExchange exchange) throws Problem {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw Problem.malformed("query parameter '" + name + "' is not URL-encoded properly");
            }
        }
        return out;
    }

    private static int intParam(Map<String, String> q, String name, int fallback, int min) throws Problem {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw Problem.malformed("parameter '" + name + "': must be at least " + min + ", found " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.malformed("parameter '" + name + "': expected a whole number, found '" + v + "'");
        }
    }

    private static boolean boolParam(Map<String, String> q, String name) throws Problem {
        String v = q.get(name);
        if (v == null || v.isEmpty() || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw Problem.malformed("parameter '" + name + "': expected true or false, found '" + v + "'");
    }

    private static void send(HttpExchange exchange, int status, String contentType, JsonNode body) throws IOException {
        byte[] bytes = WireFormat.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
