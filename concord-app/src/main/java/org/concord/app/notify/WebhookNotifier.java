package org.concord.app.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;
import org.concord.app.config.NotifyConfig;

/**
 * Posts every transition to a webhook as a JSON object
 * {@code {event, system, reason, since, downForSeconds, at, host}}, with an optional bearer token.
 * TLS certificates are verified by the JDK's trust store, and redirects are not followed (the
 * token must not travel to another host).
 */
final class WebhookNotifier extends OutboxNotifier {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotifyConfig.Webhook config;
    private final Duration requestTimeout;
    private final String describe;
    // Created by the outbox thread on first use, so a command that never notifies pays nothing.
    private volatile HttpClient client;
    private volatile ExecutorService executor;

    private WebhookNotifier(NotifyConfig.Webhook config, String host, Duration requestTimeout) {
        super(host);
        this.config = config;
        this.requestTimeout = requestTimeout;
        this.describe = "webhook " + printable(config.url());
    }

    static WebhookNotifier start(NotifyConfig.Webhook config, String host, Outbox.Policy policy, Duration requestTimeout) {
        WebhookNotifier n = new WebhookNotifier(config, host, requestTimeout);
        n.startOutbox(policy);
        return n;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public Attempt send(Notification n) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "concord-watchdog")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(n)));
        config.token().ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
        try {
            int status = client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt.Delivered();
            }
            if (status == 408 || status == 425 || status == 429 || status >= 500) {
                return new Attempt.Retry("HTTP " + status);
            }
            return new Attempt.Refused("HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SSLException tls) {
                    return new Attempt.Refused("TLS failed: " + tls.getMessage());
                }
            }
            return new Attempt.Retry(reasonOf(e));
        }
    }

    /** The exception's kind and the first message along its causes ("ConnectException: Connection refused"). */
    private static String reasonOf(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return e.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** The JSON body; every key is always there, {@code null} where it does not apply. */
    static byte[] body(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (n) {
            case Notification.Down d -> {
                m.put("event", "down");
                m.put("system", d.system());
                m.put("reason", d.reason());
                m.put("since", d.since().toString());
                m.put("downForSeconds", null);
            }
            case Notification.Up u -> {
                m.put("event", "up");
                m.put("system", u.system());
                m.put("reason", null);
                m.put("since", u.downSince().toString());
                m.put("downForSeconds", u.downFor().toSeconds());
            }
            case Notification.Paused p -> {
                m.put("event", "paused");
                m.put("system", p.system());
                m.put("reason", p.reason());
                m.put("since", p.at().toString());
                m.put("downForSeconds", null);
            }
        }
        m.put("at", n.at().toString());
        m.put("host", n.host());
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook: a notification could not be written as JSON", e);
        }
    }

    private HttpClient client() {
        if (client == null) {
            executor = Executors.newVirtualThreadPerTaskExecutor();
            client = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(executor)
                    .build();
        }
        return client;
    }

    /** The URL for messages: no user info and no query string, either may hold a key. */
    static String printable(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }

    @Override
    public void close() {
        outbox.close();
        if (client != null) {
            client.shutdownNow();
            client.close();
            executor.close();
        }
    }
}
