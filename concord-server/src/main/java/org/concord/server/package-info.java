/**
 * The agent's admin surface: the REST API under {@code /api/}, the web console that uses it, and
 * Prometheus metrics at {@code /metrics}, all served by one embedded Jetty on the config's
 * {@code listen} address, behind an admin token (API, metrics) or a console login (session cookie
 * with a CSRF token).
 *
 * <p>Public: {@link org.concord.server.AdminServer} (start it beside the engine),
 * {@link org.concord.server.ServerSettings} (what the config says), {@link
 * org.concord.server.PasswordHash} (console passwords) and {@link org.concord.server.AgentClient}
 * (the CLI asking a running agent). Everything else is package-private.
 */
package org.concord.server;
