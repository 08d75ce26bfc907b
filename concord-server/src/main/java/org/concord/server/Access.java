package org.concord.server;

/** Who may call a route. */
enum Access {
    /** Anyone: the login page, its assets and the login call itself. */
    PUBLIC,
    /** The admin token, or a console session (with the CSRF token on every state-changing call). */
    API,
    /** The metrics token, the admin token, or a console session. */
    METRICS,
    /** A console session; without one the browser is sent to the login page. */
    PAGE
}
