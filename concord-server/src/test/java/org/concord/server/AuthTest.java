package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.concord.engine.ConflictSettings;
import org.concord.engine.UserMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing is served without authentication; a console session acts only with its CSRF token. */
class AuthTest {
    private static TestAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start("a", "b");
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    /** Every route with its path parameters filled in. */
    private static String concrete(String template) {
        return template.replace("{name}", "a").replace("{id}", "1").replace("{system}", "mail");
    }

    private static List<Router.Route> routes(Access access) {
        return agent.server.routes().stream().filter(r -> r.access() == access).toList();
    }

    @Test
    void everyApiRouteRefusesARequestWithoutCredentials() {
        assertThat(routes(Access.API)).hasSizeGreaterThan(15);
        for (Router.Route r : routes(Access.API)) {
            HttpResponse<String> response = agent.send(r.method(), concrete(r.template()), null);
            assertThat(response.statusCode()).as(r.method() + " " + r.template()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"concord\"");
            assertThat(TestAgent.parse(response).path("error").asText()).contains("authentication required");
        }
        assertThat(agent.send("GET", "/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyConsolePageSendsABrowserWithoutASessionToTheLoginPage() {
        for (Router.Route r : routes(Access.PAGE)) {
            HttpResponse<String> response = agent.send("GET", r.template(), null);
            assertThat(response.statusCode()).as(r.template()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue(r.template().equals("/") ? "/login"
                    : "/login?next=" + java.net.URLEncoder.encode(r.template(), java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> login = agent.send("GET", "/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<form id=\"login-form\"");
        assertThat(routes(Access.PUBLIC)).extracting(Router.Route::template)
                .containsExactlyInAnyOrder("/api/session", "/login", "/assets/login.js", "/assets/app.css", "/assets/favicon.svg");
    }

    @Test
    void aWrongTokenOrAnotherSchemeIsRefused() {
        assertThat(agent.send("GET", "/api/status", null, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> basic = agent.send("GET", "/api/status", null, "Authorization", "Basic YWRtaW46YWRtaW4=");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).contains("Bearer");
    }

    @Test
    void theMetricsTokenReadsMetricsAndNothingElse() {
        String auth = "Bearer " + TestAgent.METRICS_TOKEN;
        assertThat(agent.send("GET", "/metrics", null, "Authorization", auth).statusCode()).isEqualTo(200);
        HttpResponse<String> status = agent.send("GET", "/api/status", null, "Authorization", auth);
        assertThat(status.statusCode()).isEqualTo(403);
        assertThat(status.body()).contains("metrics token may read /metrics only");
        assertThat(agent.send("GET", "/metrics", null, "Authorization", "Bearer " + TestAgent.TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginSetsAnHttpOnlyStrictSessionCookieAndHandsOutTheCsrfToken() {
        HttpResponse<String> r = agent.send("POST", "/api/session",
                "{\"user\":\"" + TestAgent.USER + "\",\"password\":\"" + TestAgent.PASSWORD + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("concord_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        assertThat(cookie).doesNotContain("Secure");
        assertThat(TestAgent.parse(r).path("csrfToken").asText()).hasSizeGreaterThan(30);
        assertThat(TestAgent.parse(r).path("user").asText()).isEqualTo(TestAgent.USER);
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAlike() {
        HttpResponse<String> wrong = agent.send("POST", "/api/session", "{\"user\":\"admin\",\"password\":\"nope\"}");
        HttpResponse<String> unknown = agent.send("POST", "/api/session", "{\"user\":\"mallory\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(agent.send("POST", "/api/session", "{\"user\":\"admin\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aLoginPostedFromAnotherSiteOrAsAFormIsRefused() {
        String body = "{\"user\":\"admin\",\"password\":\"" + TestAgent.PASSWORD + "\"}";
        assertThat(agent.send("POST", "/api/session", body, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        HttpResponse<String> form = agent.send("POST", "/api/session", null,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void aSessionReadsTheApiWithoutACsrfToken() {
        TestAgent.Login login = agent.login();
        HttpResponse<String> status = agent.send("GET", "/api/status", null, "Cookie", login.cookie());
        assertThat(status.statusCode()).isEqualTo(200);
        HttpResponse<String> me = agent.send("GET", "/api/session", null, "Cookie", login.cookie());
        assertThat(TestAgent.parse(me).path("csrfToken").asText()).isEqualTo(login.csrf());
        HttpResponse<String> page = agent.send("GET", "/", null, "Cookie", login.cookie());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/app.js");
        assertThat(agent.send("GET", "/login", null, "Cookie", login.cookie()).statusCode()).isEqualTo(303);
    }

    @Test
    void everyStateChangingRouteRefusesASessionWithoutItsCsrfToken() {
        TestAgent.Login login = agent.login();
        List<Router.Route> changing = agent.server.routes().stream()
                .filter(r -> r.access() == Access.API && !r.method().equals("GET")).toList();
        assertThat(changing).extracting(r -> r.method() + " " + r.template()).contains(
                "POST /api/systems/{name}/pause", "POST /api/errors/{id}/retry", "DELETE /api/errors/{id}",
                "POST /api/conflicts/{id}/resolve", "DELETE /api/session");
        for (Router.Route r : changing) {
            String path = concrete(r.template());
            HttpResponse<String> missing = agent.send(r.method(), path, "{}", "Cookie", login.cookie());
            assertThat(missing.statusCode()).as("no token: " + r.method() + " " + path).isEqualTo(403);
            assertThat(missing.body()).contains("missing CSRF token");
            HttpResponse<String> wrong = agent.send(r.method(), path, "{}", "Cookie", login.cookie(), "X-CSRF-Token", "forged");
            assertThat(wrong.statusCode()).as("wrong token: " + r.method() + " " + path).isEqualTo(403);
        }
        assertThat(agent.get("/api/systems/a").path("paused").asBoolean()).isFalse();
    }

    @Test
    void aSessionWithItsCsrfTokenActsButNotFromAnotherOrigin() {
        TestAgent.Login login = agent.login();
        HttpResponse<String> foreign = agent.send("POST", "/api/systems/b/retry", null, "Cookie", login.cookie(),
                "X-CSRF-Token", login.csrf(), "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> ok = agent.send("POST", "/api/systems/b/retry", null, "Cookie", login.cookie(),
                "X-CSRF-Token", login.csrf(), "Origin", "http://127.0.0.1:" + agent.server.port());
        assertThat(ok.statusCode()).isEqualTo(202);
    }

    @Test
    void aLoggedOutSessionIsRefused() {
        TestAgent.Login login = agent.login();
        HttpResponse<String> out = agent.send("DELETE", "/api/session", null, "Cookie", login.cookie(), "X-CSRF-Token", login.csrf());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElse("")).contains("Expires=Thu, 01 Jan 1970");
        assertThat(agent.send("GET", "/api/status", null, "Cookie", login.cookie()).statusCode()).isEqualTo(401);
    }

    @Test
    void everyAnswerCarriesHeadersThatKeepPagesFromBeingFramedOrSniffed() {
        HttpResponse<String> r = agent.send("GET", "/login", null);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'", "script-src 'self'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(agent.api("GET", "/api/status", null).headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void withoutAnApiTokenTheApiRefusesEveryTokenWithAClearMessage() throws Exception {
        try (TestAgent noToken = TestAgent.start(ConflictSettings.defaults(), UserMap.identity(),
                s -> new ServerSettings(s.host(), 0, java.util.Optional.empty(), java.util.Optional.empty(),
                        s.consoleUsers(), s.tls()), "a", "b")) {
            HttpResponse<String> r = noToken.send("GET", "/api/status", null, "Authorization", "Bearer anything");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("no token configured (api.token");
            TestAgent.Login login = noToken.login();
            assertThat(noToken.send("GET", "/api/status", null, "Cookie", login.cookie()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void settingsNeverShowTheirSecrets() {
        ServerSettings s = ServerSettings.defaults().withApiToken("super-secret-token-value")
                .withConsoleUsers(Map.of("admin", "pbkdf2-sha256$10000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .withTls(new ServerSettings.Tls(java.nio.file.Path.of("k.p12"), "keystore-password"));
        assertThat(s.toString()).doesNotContain("super-secret", "pbkdf2", "keystore-password").contains("admin", "TLS");
    }
}
