package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigFileException;
import org.concord.app.config.ConfigLoader;
import org.concord.app.config.NotifyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code watchdog} and {@code notify} keys: what loads, and how every mistake is named. */
class NotifyConfigTest {
    private static final String TOKEN = "t0ken-never-printed";
    private static final String PASSWORD = "pa55-never-printed";

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("HOOK_TOKEN", TOKEN, "SMTP_PASSWORD", PASSWORD)::get);

    private Path write(String notifyPart) throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, """
                systems:
                  a: {connector: memory}
                  b: {connector: memory}
                """ + notifyPart);
        return f;
    }

    private String error(String notifyPart) throws Exception {
        Path f = write(notifyPart);
        try {
            loader.load(f);
        } catch (ConfigFileException e) {
            assertThat(e.getMessage()).startsWith(f + ": ").doesNotContain(TOKEN).doesNotContain(PASSWORD);
            return e.getMessage().substring(f.toString().length() + 2);
        }
        throw new AssertionError("loaded without error: " + notifyPart);
    }

    @Test
    void theDocumentedExampleLoads() throws Exception {
        Config c = loader.load(write("""
                watchdog:
                  interval: 30s
                notify:
                  webhook:
                    url: https://hooks.example.org/concord
                    token: ${HOOK_TOKEN}
                  email:
                    host: smtp.example.org
                    port: 587
                    security: starttls
                    username: concord
                    password: ${SMTP_PASSWORD}
                    from: concord@example.org
                    to: [admin@example.org]
                """));
        NotifyConfig n = c.notifications();
        assertThat(n.watchdogInterval()).isEqualTo(Duration.ofSeconds(30));
        NotifyConfig.Webhook w = n.webhook().orElseThrow();
        assertThat(w.url()).isEqualTo(URI.create("https://hooks.example.org/concord"));
        assertThat(w.token().orElseThrow().reveal()).isEqualTo(TOKEN);
        NotifyConfig.Email e = n.email().orElseThrow();
        assertThat(e.host()).isEqualTo("smtp.example.org");
        assertThat(e.port()).isEqualTo(587);
        assertThat(e.security()).isEqualTo(NotifyConfig.Security.STARTTLS);
        assertThat(e.username()).contains("concord");
        assertThat(e.password().orElseThrow().reveal()).isEqualTo(PASSWORD);
        assertThat(e.from()).isEqualTo("concord@example.org");
        assertThat(e.to()).containsExactly("admin@example.org");
        assertThat(c.toString()).as("printing the config prints no secret").doesNotContain(TOKEN).doesNotContain(PASSWORD);
    }

    @Test
    void withoutTheKeysTheWatchdogPingsEveryThirtySecondsAndOnlyLogs() throws Exception {
        NotifyConfig n = loader.load(write("")).notifications();
        assertThat(n.watchdogInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(n.webhook()).isEmpty();
        assertThat(n.email()).isEmpty();
    }

    @Test
    void securityDefaultsToStarttlsAndThePortFollowsTheSecurity() throws Exception {
        NotifyConfig.Email starttls = loader.load(write("""
                notify:
                  email: {host: smtp.example.org, from: concord@example.org, to: admin@example.org}
                """)).notifications().email().orElseThrow();
        assertThat(starttls.security()).isEqualTo(NotifyConfig.Security.STARTTLS);
        assertThat(starttls.port()).isEqualTo(587);
        assertThat(starttls.to()).containsExactly("admin@example.org");
        NotifyConfig.Email ssl = loader.load(write("""
                notify:
                  email: {host: smtp.example.org, security: ssl, from: concord@example.org, to: [a@example.org, b@example.org]}
                """)).notifications().email().orElseThrow();
        assertThat(ssl.port()).isEqualTo(465);
        assertThat(ssl.to()).containsExactly("a@example.org", "b@example.org");
    }

    @Test
    void everyMistakeNamesItsKey() throws Exception {
        assertThat(error("watchdog: {intervall: 5s}\n")).startsWith("watchdog.intervall: unknown key; known keys here: interval");
        assertThat(error("watchdog: {interval: soon}\n")).startsWith("watchdog.interval: expected a duration");
        assertThat(error("watchdog: {interval: 0s}\n")).isEqualTo("watchdog.interval: must be positive");
        assertThat(error("watchdog: 30s\n")).isEqualTo("watchdog: expected a map of keys, found a text value");
        assertThat(error("notify: [webhook]\n")).isEqualTo("notify: expected a map of keys, found a list");
        assertThat(error("notify: {slack: {}}\n")).startsWith("notify.slack: unknown key; known keys here: email, webhook");
        assertThat(error("notify: {webhook: {url: 'https://h.example.org/', tokn: x}}\n")).startsWith("notify.webhook.tokn: unknown key");
        assertThat(error("notify: {webhook: {token: x}}\n")).startsWith("notify.webhook.url: missing");
        assertThat(error("notify: {webhook: {url: 'ftp://h.example.org/'}}\n")).startsWith("notify.webhook.url: expected an http:// or https:// URL");
        assertThat(error("notify: {webhook: {url: 'https://h.example.org/a b'}}\n")).startsWith("notify.webhook.url: not a URL");
        assertThat(error("notify: {webhook: {url: {a: b}}}\n")).isEqualTo("notify.webhook.url: expected a text value, found a map");
        assertThat(error("notify: {email: {host: h.example.org, from: c@example.org, to: [a@example.org], prot: 25}}\n"))
                .startsWith("notify.email.prot: unknown key; known keys here: from, host, password, port, security, to, username");
        assertThat(error("notify: {email: {from: c@example.org, to: [a@example.org]}}\n")).startsWith("notify.email.host: missing");
        assertThat(error("notify: {email: {host: h.example.org, to: [a@example.org]}}\n")).startsWith("notify.email.from: missing");
        assertThat(error("notify: {email: {host: h.example.org, from: c@example.org}}\n")).startsWith("notify.email.to: missing");
        assertThat(error("notify: {email: {host: h.example.org, from: c@example.org, to: []}}\n")).isEqualTo("notify.email.to: no address given");
        assertThat(error("notify: {email: {host: h.example.org, from: c@example.org, to: {a: b}}}\n"))
                .isEqualTo("notify.email.to: expected a text value, found a map");
        assertThat(error("notify: {email: {host: h.example.org, from: c@example.org, to: [a@example.org, 'b example.org']}}\n"))
                .isEqualTo("notify.email.to[1]: expected one e-mail address such as admin@example.org, found 'b example.org'");
        assertThat(error("notify: {email: {host: h.example.org, from: 'c@example.org, d@example.org', to: [a@example.org]}}\n"))
                .startsWith("notify.email.from: expected one e-mail address");
        assertThat(error("notify: {email: {host: h.example.org, security: tls, from: c@example.org, to: [a@example.org]}}\n"))
                .isEqualTo("notify.email.security: unknown value 'tls'; known: starttls, ssl, none");
        assertThat(error("notify: {email: {host: h.example.org, port: 70000, from: c@example.org, to: [a@example.org]}}\n"))
                .isEqualTo("notify.email.port: expected a port number between 1 and 65535, found 70000");
        assertThat(error("notify: {email: {host: h.example.org, port: smtp, from: c@example.org, to: [a@example.org]}}\n"))
                .isEqualTo("notify.email.port: expected a port number, found a text value");
    }

    @Test
    void aSecretFromAMissingVariableIsNamedByKeyAndVariable() throws Exception {
        assertThat(error("notify: {webhook: {url: 'https://h.example.org/', token: '${NO_SUCH_TOKEN}'}}\n"))
                .isEqualTo("notify.webhook.token: environment variable NO_SUCH_TOKEN is not set");
    }

    @Test
    void secretsAreNeverSentInPlainTextToAnotherMachine() throws Exception {
        assertThat(error("notify: {webhook: {url: 'http://hooks.example.org/', token: '${HOOK_TOKEN}'}}\n"))
                .startsWith("notify.webhook.token: a token is sent only over https");
        assertThat(error("notify: {email: {host: smtp.example.org, security: none, username: c, password: '${SMTP_PASSWORD}', "
                + "from: c@example.org, to: [a@example.org]}}\n"))
                .startsWith("notify.email.password: a password is sent only over starttls or ssl");
        assertThat(error("notify: {webhook: {url: 'https://bot:x@hooks.example.org/'}}\n"))
                .startsWith("notify.webhook.url: no user or password in the URL");
        // On this machine nothing crosses a network.
        NotifyConfig n = loader.load(write("""
                notify:
                  webhook: {url: 'http://127.0.0.1:8080/hook', token: '${HOOK_TOKEN}'}
                  email: {host: localhost, port: 2525, security: none, username: c, password: '${SMTP_PASSWORD}', from: c@example.org, to: a@example.org}
                """)).notifications();
        assertThat(n.webhook()).isPresent();
        assertThat(n.email().orElseThrow().security()).isEqualTo(NotifyConfig.Security.NONE);
    }

    @Test
    void aUserNeedsAPasswordAndAPasswordAUser() throws Exception {
        assertThat(error("notify: {email: {host: h.example.org, username: c, from: c@example.org, to: [a@example.org]}}\n"))
                .startsWith("notify.email.password: missing");
        assertThat(error("notify: {email: {host: h.example.org, password: '${SMTP_PASSWORD}', from: c@example.org, to: [a@example.org]}}\n"))
                .startsWith("notify.email.username: missing");
        NotifyConfig.Email optional = new ConfigLoader(Map.<String, String>of()::get).load(write("""
                notify:
                  email: {host: h.example.org, username: '${SMTP_USER:-}', password: '${SMTP_PASSWORD:-}', from: c@example.org, to: [a@example.org]}
                """)).notifications().email().orElseThrow();
        assertThat(optional.username()).as("an empty default turns authentication off").isEmpty();
        assertThat(optional.password()).isEmpty();
        assertThat(List.of(optional.toString())).noneMatch(s -> s.contains(PASSWORD));
    }

    @Test
    void theCommandLineReportsANotifyMistakeWithExitCodeTwo() throws Exception {
        Path f = write("notify: {email: {host: h.example.org}}\n");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute(new String[] {"check", "-c", f.toString()})).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString()).contains(f.toString()).contains("notify.email.from: missing");
    }

    @Test
    void securityCodesAreDistinct() {
        assertThat(java.util.Arrays.stream(NotifyConfig.Security.values()).map(NotifyConfig.Security::code))
                .doesNotHaveDuplicates().containsExactly("starttls", "ssl", "none");
    }
}
