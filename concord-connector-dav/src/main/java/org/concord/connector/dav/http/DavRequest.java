package org.concord.connector.dav.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to a DAV server, made as one account.
 *
 * @param body the request body; empty for none
 * @param followRedirects whether 301/302/307/308 are followed (discovery only; a write never is)
 */
public record DavRequest(String method, URI uri, Account account, Map<String, String> headers, byte[] body,
                         boolean followRedirects) {
    private static final String XML = "application/xml; charset=utf-8";

    public DavRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(account, "account");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static DavRequest propfind(URI uri, Account account, int depth, String xml) {
        return xml("PROPFIND", uri, account, depth, xml);
    }

    public static DavRequest report(URI uri, Account account, int depth, String xml) {
        return xml("REPORT", uri, account, depth, xml);
    }

    public static DavRequest xml(String method, URI uri, Account account, int depth, String xml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", XML);
        if (depth >= 0) {
            headers.put("Depth", Integer.toString(depth));
        }
        return new DavRequest(method, uri, account, headers, xml.getBytes(StandardCharsets.UTF_8), false);
    }

    public static DavRequest put(URI uri, Account account, String contentType, String text) {
        return new DavRequest("PUT", uri, account, Map.of("Content-Type", contentType),
                text.getBytes(StandardCharsets.UTF_8), false);
    }

    public static DavRequest get(URI uri, Account account) {
        return new DavRequest("GET", uri, account, Map.of(), new byte[0], false);
    }

    public static DavRequest delete(URI uri, Account account) {
        return new DavRequest("DELETE", uri, account, Map.of(), new byte[0], false);
    }

    public DavRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new DavRequest(method, uri, account, copy, body, followRedirects);
    }

    public DavRequest following() {
        return new DavRequest(method, uri, account, headers, body, true);
    }

    DavRequest at(URI other) {
        return new DavRequest(method, other, account, headers, body, followRedirects);
    }

    /** For messages: method and path, never credentials or bodies. */
    public String describe() {
        return method + " " + uri.getRawPath();
    }
}
