package org.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.concord.engine.SystemListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events for the console: a {@code status} event with the whole status every
 * {@code period} while anyone listens, and a {@code transition} event the moment a system goes
 * down or comes back (followed by a fresh status). The engine's threads only enqueue; a publisher
 * thread reads the status, and each stream's own thread writes it.
 */
final class StatusEvents implements SystemListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("concord.server");
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final String END = "";

    private final Supplier<Object> snapshot;
    private final Duration period;
    private final Set<BlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private volatile boolean closed;
    private volatile boolean woken;
    private final Thread publisher;

    StatusEvents(Supplier<Object> snapshot, Duration period) {
        this.snapshot = snapshot;
        this.period = period;
        this.publisher = Thread.ofVirtual().name("console-events").start(this::publish);
    }

    void register(Router r) {
        r.add("GET", "/api/events", Access.API, this::stream);
    }

    private void stream(Exchange ex) throws IOException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(32);
        listeners.add(queue);
        ex.setHeader("Cache-Control", "no-store");
        ex.setHeader("X-Accel-Buffering", "no");
        try (OutputStream out = ex.stream(200, "text/event-stream; charset=utf-8")) {
            write(out, "retry: 3000\n\n" + statusEvent());
            while (!closed) {
                String event = queue.poll(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (event == END || closed) {
                    break;
                }
                write(out, event == null ? ": keepalive\n\n" : event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The browser went away (page closed, reload): nothing to report.
            LOG.debug("event stream to {} ended: {}", ex.remote(), e.toString());
        } finally {
            listeners.remove(queue);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void publish() {
        while (!closed) {
            try {
                synchronized (wake) {
                    if (!woken) {
                        wake.wait(listeners.isEmpty() ? 1000 : period.toMillis());
                    }
                    woken = false;
                }
                if (!listeners.isEmpty() && !closed) {
                    offerAll(statusEvent());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("console events: status could not be read: {}", e.getMessage());
            }
        }
    }

    private String statusEvent() {
        return event("status", snapshot.get());
    }

    private static String event(String name, Object data) {
        try {
            return "event: " + name + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console event " + name + " cannot be written as JSON", e);
        }
    }

    /** Enqueues without blocking; a stream that cannot keep up loses its oldest events. */
    private void offerAll(String event) {
        for (BlockingQueue<String> q : listeners) {
            while (!q.offer(event)) {
                q.poll();
            }
        }
    }

    private void transition(Map<String, Object> data) {
        if (listeners.isEmpty()) {
            return;
        }
        offerAll(event("transition", data));
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    @Override
    public void systemDown(String system, String reason, Instant since) {
        transition(Map.of("system", system, "up", false, "reason", reason, "at", since.toString()));
    }

    @Override
    public void systemUp(String system, Duration downFor, Instant at) {
        transition(Map.of("system", system, "up", true, "downForSeconds", downFor.toSeconds(), "at", at.toString()));
    }

    int listeners() {
        return listeners.size();
    }

    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<String> q : listeners) {
            q.clear();
            q.offer(END);
        }
        publisher.interrupt();
    }
}
