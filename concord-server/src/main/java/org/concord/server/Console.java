package org.concord.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web console's files, served from the jar: one page (the app), the login page, a script and a
 * style sheet each; no build step. The console talks to the server through the REST API only.
 * Only what the login page needs is public.
 */
final class Console {
    private static final String BASE = "/org/concord/server/console/";

    private record Asset(String file, String type, Access access) {}

    private static final Map<String, Asset> ASSETS = new LinkedHashMap<>();

    static {
        ASSETS.put("/", new Asset("index.html", "text/html; charset=utf-8", Access.PAGE));
        ASSETS.put("/login", new Asset("login.html", "text/html; charset=utf-8", Access.PUBLIC));
        ASSETS.put("/archive", new Asset("archive.html", "text/html; charset=utf-8", Access.PAGE));
        ASSETS.put("/assets/app.js", new Asset("app.js", "text/javascript; charset=utf-8", Access.PAGE));
        ASSETS.put("/assets/mail.js", new Asset("mail.js", "text/javascript; charset=utf-8", Access.PAGE));
        ASSETS.put("/assets/login.js", new Asset("login.js", "text/javascript; charset=utf-8", Access.PUBLIC));
        ASSETS.put("/assets/app.css", new Asset("app.css", "text/css; charset=utf-8", Access.PUBLIC));
        ASSETS.put("/assets/favicon.svg", new Asset("favicon.svg", "image/svg+xml", Access.PUBLIC));
    }

    private Console() {}

    static void register(Router r) {
        ASSETS.forEach((path, asset) -> {
            byte[] body = load(asset.file());
            r.add("GET", path, asset.access(), ex -> {
                if (path.equals("/login") && ex.caller().session().isPresent()) {
                    ex.redirect(ex.query("next").filter(Console::isLocalPage).orElse("/"));
                    return;
                }
                ex.setHeader("Cache-Control", "no-cache");
                ex.bytes(200, asset.type(), body);
            });
        });
        byte[] openApi = loadResource("/org/concord/server/openapi.json");
        r.add("GET", "/api/openapi.json", Access.API, ex -> ex.bytes(200, "application/json; charset=utf-8", openApi));
    }

    /**
     * Where a browser without a session goes: the login page, told to come back to the page asked
     * for (the webmail's archive pop-up keeps its message that way).
     */
    static String loginFor(String path, java.util.Optional<String> rawQuery) {
        if (path.equals("/") && rawQuery.isEmpty()) {
            return "/login";
        }
        String back = path + rawQuery.map(q -> "?" + q).orElse("");
        return "/login?next=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Only a page of this server is a place to come back to after login (no open redirect). */
    static boolean isLocalPage(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && !next.contains("\\")
                && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static byte[] load(String file) {
        return loadResource(BASE + file);
    }

    static byte[] loadResource(String path) {
        try (InputStream in = Console.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("console resource " + path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("console resource " + path + " cannot be read", e);
        }
    }
}
