package org.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response, for handlers that block (they run on virtual threads): path and
 * query parameters, the JSON body, and the ways to answer.
 */
final class Exchange {
    /** Request bodies larger than this are refused: the API takes small JSON documents only. */
    static final int MAX_BODY = 1 << 20;

    private final Request request;
    private final Response response;
    private final Map<String, String> params;
    private Fields query;
    private Caller caller = Caller.ANONYMOUS;
    private boolean answered;

    Exchange(Request request, Response response, Map<String, String> params) {
        this.request = request;
        this.response = response;
        this.params = params;
    }

    // ---- the request

    String method() {
        return request.getMethod();
    }

    String path() {
        return Request.getPathInContext(request);
    }

    /** The query string as sent (still percent-encoded), or empty. */
    Optional<String> rawQuery() {
        return Optional.ofNullable(request.getHttpURI().getQuery()).filter(q -> !q.isEmpty());
    }

    boolean secure() {
        return request.isSecure();
    }

    String remote() {
        return Request.getRemoteAddr(request);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    Optional<String> cookie(String name) {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** A path parameter of the route template, e.g. {@code id} of {@code /api/errors/{id}}. */
    String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no parameter '" + name + "'");
        }
        return v;
    }

    long longParam(String name) throws HttpProblem {
        try {
            return Long.parseLong(param(name));
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(name + " must be a number, found '" + param(name) + "'");
        }
    }

    Optional<String> query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        }
        return Optional.ofNullable(query.getValue(name)).filter(v -> !v.isEmpty());
    }

    int intQuery(String name, int dflt, int min, int max) throws HttpProblem {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("query parameter " + name + " must be a number from " + min + " to " + max);
        }
    }

    Optional<Boolean> boolQuery(String name) throws HttpProblem {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return switch (v.get()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw HttpProblem.badRequest("query parameter " + name + " must be true or false");
        };
    }

    /** The JSON body; 415 unless sent as JSON, 400 if it does not parse, 413 if too large. */
    JsonNode jsonBody() throws HttpProblem, IOException {
        String type = header("Content-Type").orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "send the body as application/json");
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new HttpProblem(413, "request body larger than " + MAX_BODY + " bytes");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw HttpProblem.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    Caller caller() {
        return caller;
    }

    void setCaller(Caller caller) {
        this.caller = caller;
    }

    // ---- the response

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void addCookie(HttpCookie cookie) {
        Response.addCookie(response, cookie);
    }

    boolean answered() {
        return answered;
    }

    void json(int status, Object body) throws IOException {
        bytes(status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
    }

    void error(int status, String message) throws IOException {
        json(status, Map.of("error", message));
    }

    void noContent() throws IOException {
        bytes(204, null, new byte[0]);
    }

    void redirect(String location) throws IOException {
        setHeader("Location", location);
        bytes(303, null, new byte[0]);
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        if (answered) {
            throw new IllegalStateException(method() + " " + path() + " answered twice");
        }
        answered = true;
        response.setStatus(status);
        if (contentType != null) {
            setHeader("Content-Type", contentType);
        }
        if (method().equals("HEAD")) {
            body = new byte[0];
        }
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }

    /** Starts a streamed answer (server-sent events); the caller writes and closes the stream. */
    OutputStream stream(int status, String contentType) {
        answered = true;
        response.setStatus(status);
        setHeader("Content-Type", contentType);
        return Content.Sink.asOutputStream(response);
    }
}
