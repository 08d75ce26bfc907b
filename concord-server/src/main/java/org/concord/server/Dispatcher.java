package org.concord.server;

import java.util.Map;
import org.concord.store.StoreException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's entry: finds the route, lets the {@link Guard} decide, runs the handler (blocking, on a
 * virtual thread) and turns what went wrong into a JSON error. Every answer carries headers that
 * keep the console's pages from being framed, sniffed or cached.
 */
final class Dispatcher extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger("concord.server");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Router router;
    private final Guard guard;
    private final boolean secure;

    Dispatcher(Router router, Guard guard, boolean secure) {
        this.router = router;
        this.guard = guard;
        this.secure = secure;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange ex = null;
        try {
            headers(response);
            String path = Request.getPathInContext(request);
            switch (router.match(request.getMethod(), path)) {
                case Router.Match.NotFound nf -> {
                    ex = new Exchange(request, response, Map.of());
                    ex.error(404, "nothing at " + path);
                }
                case Router.Match.WrongMethod wm -> {
                    ex = new Exchange(request, response, Map.of());
                    ex.setHeader("Allow", String.join(", ", wm.allowed()));
                    ex.error(405, request.getMethod() + " is not allowed on " + path + "; allowed: " + String.join(", ", wm.allowed()));
                }
                case Router.Match.Found found -> {
                    ex = new Exchange(request, response, found.params());
                    serve(found.route(), ex);
                }
            }
            callback.succeeded();
        } catch (Throwable t) {
            fail(ex, request, response, t, callback);
        }
        return true;
    }

    private void serve(Router.Route route, Exchange ex) throws Exception {
        switch (guard.check(route.access(), ex)) {
            case Guard.Verdict.Pass pass -> {
                ex.setCaller(pass.caller());
                try {
                    route.handler().handle(ex);
                } catch (HttpProblem p) {
                    if (ex.answered()) {
                        throw p;
                    }
                    ex.error(p.status(), p.getMessage());
                } catch (StoreException e) {
                    if (ex.answered()) {
                        throw e;
                    }
                    LOG.warn("{} {}: the store failed: {}", ex.method(), ex.path(), e.getMessage());
                    ex.error(503, "the store failed: " + e.getMessage());
                }
                if (!ex.answered()) {
                    throw new IllegalStateException(ex.method() + " " + route.template() + " gave no answer");
                }
            }
            case Guard.Verdict.Refuse refuse -> {
                // The request's body (if any) is left unread: close the connection so that no
                // client reuses it and finds it closed under its next request.
                ex.setHeader("Connection", "close");
                if (refuse.status() == 401) {
                    ex.setHeader("WWW-Authenticate", "Bearer realm=\"concord\"");
                }
                ex.error(refuse.status(), refuse.message());
            }
            case Guard.Verdict.ToLogin toLogin -> ex.redirect(Console.loginFor(ex.path(), ex.rawQuery()));
        }
    }

    private void headers(Response response) {
        var h = response.getHeaders();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Content-Security-Policy", CSP);
        h.put("Cache-Control", "no-store");
        if (secure) {
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static void fail(Exchange ex, Request request, Response response, Throwable t, Callback callback) {
        boolean answered = ex != null && ex.answered();
        if (answered) {
            // The answer was on its way (a broken stream, a client gone): nothing more to say to it.
            LOG.debug("{} {}: {}", request.getMethod(), Request.getPathInContext(request), t.toString());
            callback.failed(t);
            return;
        }
        LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), t);
        try {
            Exchange e = ex != null ? ex : new Exchange(request, response, Map.of());
            e.error(500, "internal error (" + t.getClass().getSimpleName() + "); the agent's log has the details");
            callback.succeeded();
        } catch (Throwable again) {
            callback.failed(t);
        }
    }
}
