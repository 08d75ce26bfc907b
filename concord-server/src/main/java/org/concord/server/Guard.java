package org.concord.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Decides who a request comes from and whether it may go on. The API takes the admin token
 * ({@code Authorization: Bearer}) or a console session cookie; a cookie is sent by the browser on
 * its own, so every state-changing request made with one must also carry the session's CSRF token
 * in {@value #CSRF_HEADER} (and, when the browser names its origin, come from this server's).
 */
final class Guard {
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** What becomes of a request. */
    sealed interface Verdict {
        record Pass(Caller caller) implements Verdict {}

        record Refuse(int status, String message) implements Verdict {}

        /** A page asked for without a session: the browser is sent to the login page. */
        record ToLogin() implements Verdict {}
    }

    private final ServerSettings settings;
    private final Sessions sessions;

    Guard(ServerSettings settings, Sessions sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    /** The session cookie's name; with TLS the {@code __Host-} prefix pins it to this origin. */
    String cookieName() {
        return settings.secure() ? "__Host-concord_session" : "concord_session";
    }

    Verdict check(Access access, Exchange ex) {
        Optional<Sessions.Session> session = ex.cookie(cookieName()).flatMap(sessions::find);
        if (access == Access.PUBLIC) {
            return new Verdict.Pass(session.map(Caller::user).orElse(Caller.ANONYMOUS));
        }
        Optional<String> authorization = ex.header("Authorization");
        if (authorization.isPresent() && access != Access.PAGE) {
            return bearer(access, authorization.get());
        }
        if (session.isPresent()) {
            if (!safe(ex.method())) {
                Optional<String> refused = csrf(ex, session.get());
                if (refused.isPresent()) {
                    return new Verdict.Refuse(403, refused.get());
                }
            }
            return new Verdict.Pass(Caller.user(session.get()));
        }
        if (access == Access.PAGE) {
            return new Verdict.ToLogin();
        }
        return new Verdict.Refuse(401, "authentication required: send Authorization: Bearer TOKEN (api.token) or log into the console");
    }

    private Verdict bearer(Access access, String header) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return new Verdict.Refuse(401, "unsupported Authorization header: send Authorization: Bearer TOKEN");
        }
        String token = header.substring(7).strip();
        if (matches(settings.apiToken(), token)) {
            return new Verdict.Pass(Caller.token());
        }
        if (matches(settings.metricsToken(), token)) {
            return access == Access.METRICS
                    ? new Verdict.Pass(Caller.metricsToken())
                    : new Verdict.Refuse(403, "the metrics token may read /metrics only");
        }
        if (settings.apiToken().isEmpty() && access == Access.API) {
            return new Verdict.Refuse(401, "the REST API has no token configured (api.token in the config), "
                    + "so it refuses every token; set one, or use the console");
        }
        return new Verdict.Refuse(401, "wrong token");
    }

    private static Optional<String> csrf(Exchange ex, Sessions.Session session) {
        Optional<String> origin = ex.header("Origin");
        if (origin.isPresent() && !origin.get().equals(ownOrigin(ex))) {
            return Optional.of("request from another origin (" + origin.get() + ") refused");
        }
        String sent = ex.header(CSRF_HEADER).orElse("");
        if (sent.isEmpty()) {
            return Optional.of("missing CSRF token: send the session's token in " + CSRF_HEADER);
        }
        if (!constantTimeEquals(sent, session.csrfToken())) {
            return Optional.of("wrong CSRF token in " + CSRF_HEADER);
        }
        return Optional.empty();
    }

    static String ownOrigin(Exchange ex) {
        return (ex.secure() ? "https://" : "http://") + ex.header("Host").orElse("");
    }

    static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static boolean matches(Optional<String> expected, String given) {
        return expected.isPresent() && constantTimeEquals(expected.get(), given);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
