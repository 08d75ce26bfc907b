package org.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console login and logout. A login is a JSON request (a cross-site form cannot send one without
 * the browser asking first), and its answer carries the CSRF token the console sends back on every
 * state-changing call.
 */
final class SessionApi {
    private static final Logger LOG = LoggerFactory.getLogger("concord.server");

    private final Map<String, String> users;
    private final Sessions sessions;
    private final Guard guard;
    private final boolean secure;
    private volatile String decoy;

    SessionApi(ServerSettings settings, Sessions sessions, Guard guard) {
        this.users = settings.consoleUsers();
        this.sessions = sessions;
        this.guard = guard;
        this.secure = settings.secure();
    }

    void register(Router r) {
        r.add("GET", "/api/session", Access.API, this::whoAmI);
        r.add("POST", "/api/session", Access.PUBLIC, this::login);
        r.add("DELETE", "/api/session", Access.API, this::logout);
    }

    private void whoAmI(Exchange ex) throws Exception {
        Caller c = ex.caller();
        ex.json(200, new Views.SessionJson(c.name(), c.session().isPresent() ? "session" : "token",
                c.session().map(Sessions.Session::csrfToken).orElse(null)));
    }

    private void login(Exchange ex) throws Exception {
        Guard.Verdict origin = sameOrigin(ex);
        if (origin instanceof Guard.Verdict.Refuse r) {
            ex.error(r.status(), r.message());
            return;
        }
        JsonNode body = ex.jsonBody();
        String user = body.path("user").asText("");
        char[] password = body.path("password").asText("").toCharArray();
        try {
            if (user.isEmpty() || password.length == 0) {
                throw HttpProblem.badRequest("give user and password");
            }
            String hash = users.get(user);
            // An unknown user costs as much as a known one, so timing does not tell which exist.
            boolean ok = PasswordHash.verify(password, hash != null ? hash : decoy()) && hash != null;
            if (!ok) {
                LOG.warn("console login refused for user '{}' from {}", printable(user), ex.remote());
                ex.error(401, "wrong user or password");
                return;
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        Sessions.Session s = sessions.create(user);
        ex.addCookie(HttpCookie.build(guard.cookieName(), s.id()).path("/").httpOnly(true).secure(secure)
                .sameSite(HttpCookie.SameSite.STRICT).build());
        LOG.info("console user '{}' logged in from {}", user, ex.remote());
        ex.json(200, new Views.SessionJson(user, "session", s.csrfToken()));
    }

    private void logout(Exchange ex) throws Exception {
        ex.caller().session().ifPresent(s -> sessions.remove(s.id()));
        ex.addCookie(HttpCookie.build(guard.cookieName(), "").path("/").httpOnly(true).secure(secure)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(0).build());
        ex.noContent();
    }

    /** A login posted from another site's page is refused even before the password is checked. */
    private static Guard.Verdict sameOrigin(Exchange ex) {
        return ex.header("Origin").filter(o -> !o.equals(Guard.ownOrigin(ex)))
                .<Guard.Verdict>map(o -> new Guard.Verdict.Refuse(403, "login from another origin (" + o + ") refused"))
                .orElse(new Guard.Verdict.Pass(Caller.ANONYMOUS));
    }

    private String decoy() {
        String d = decoy;
        if (d == null) {
            d = PasswordHash.decoy(users.values().stream().findFirst().orElse(""));
            decoy = d;
        }
        return d;
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
