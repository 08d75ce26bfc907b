package org.concord.app.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concord.app.config.NotifyConfig;
import org.concord.engine.SystemListener;
import org.slf4j.LoggerFactory;

/**
 * The notification channels a config asks for, started: give {@link #listeners()} to the engine
 * before it starts, and close this after the engine, so the last transitions still go out.
 */
public final class Notifiers implements AutoCloseable {
    static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);

    private final List<SystemListener> listeners;
    private final List<AutoCloseable> channels;

    private Notifiers(List<SystemListener> listeners, List<AutoCloseable> channels) {
        this.listeners = List.copyOf(listeners);
        this.channels = List.copyOf(channels);
    }

    public static Notifiers start(NotifyConfig config) {
        return start(config, localHostName(), Outbox.Policy.defaults());
    }

    static Notifiers start(NotifyConfig config, String host, Outbox.Policy policy) {
        List<SystemListener> listeners = new ArrayList<>();
        List<AutoCloseable> channels = new ArrayList<>();
        config.webhook().ifPresent(w -> {
            WebhookNotifier n = WebhookNotifier.start(w, host, policy, WebhookNotifier.REQUEST_TIMEOUT);
            listeners.add(n);
            channels.add(n);
        });
        config.email().ifPresent(e -> {
            EmailNotifier n = EmailNotifier.start(e, host, policy, MAIL_TIMEOUT);
            listeners.add(n);
            channels.add(n);
        });
        return new Notifiers(listeners, channels);
    }

    public List<SystemListener> listeners() {
        return listeners;
    }

    /** Closes every channel at once; each gives what waits a short grace period to go out. */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        for (AutoCloseable c : channels) {
            closing.add(Thread.ofVirtual().start(() -> {
                try {
                    c.close();
                } catch (Exception e) {
                    LoggerFactory.getLogger("concord.notify").warn("a notification channel failed to close: {}", e.toString());
                }
            }));
        }
        try {
            for (Thread t : closing) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnv = System.getenv("HOSTNAME");
            return fromEnv == null || fromEnv.isBlank() ? "unknown host" : fromEnv;
        }
    }
}
