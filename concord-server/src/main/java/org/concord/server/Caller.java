package org.concord.server;

import java.util.Optional;

/**
 * Who made a request: a console user (with the session), the admin token, the metrics token, or
 * nobody yet.
 */
record Caller(Kind kind, String name, Optional<Sessions.Session> session) {

    enum Kind { ANONYMOUS, TOKEN, METRICS_TOKEN, CONSOLE_USER }

    static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, "anonymous", Optional.empty());

    static Caller token() {
        return new Caller(Kind.TOKEN, "api-token", Optional.empty());
    }

    static Caller metricsToken() {
        return new Caller(Kind.METRICS_TOKEN, "metrics-token", Optional.empty());
    }

    static Caller user(Sessions.Session session) {
        return new Caller(Kind.CONSOLE_USER, session.user(), Optional.of(session));
    }
}
