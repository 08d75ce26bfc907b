package org.concord.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concord.model.ItemType;
import org.concord.spi.Capability;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.Description;
import org.concord.store.Store;
import org.concord.store.SystemState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One system while the engine runs: its connector, whether it works (up/down since when, and
 * why), whether its reader has caught up since it came up (its writer waits for that, so offline
 * edits made on it are seen before what queued for it is delivered), and the signals that wake
 * its reader and writer.
 */
final class SystemRuntime {
    private static final Logger LOG = LoggerFactory.getLogger("concord.system");

    final String name;
    final Connector connector;
    final Description description;
    final Duration pollInterval;
    final Signal writerWake = new Signal();
    final Signal readerWake = new Signal();
    final AtomicBoolean fullReadRequested = new AtomicBoolean();
    /**
     * Held by the writer from the moment it sends a batch until the results are recorded, and by
     * the reader while it applies a batch: so the reader never sees this system's copy of our own
     * write before the writer has recorded what the system said it stores (a lossy system's copy
     * would otherwise look like a conflicting edit).
     */
    final java.util.concurrent.locks.ReentrantLock applyLock = new java.util.concurrent.locks.ReentrantLock();

    private final Store store;
    private final Clock clock;
    private final java.util.List<SystemListener> listeners;
    private volatile boolean open;
    private volatile boolean up = true;
    private volatile boolean everUp;
    private volatile boolean caughtUp;
    private volatile Instant since;
    private volatile String reason;
    private volatile boolean paused;
    private volatile String pauseReason;
    private volatile boolean acceptDeletes;
    private volatile long refreshedAt;
    private volatile Instant lastReadAt;

    SystemRuntime(SystemSpec spec, Store store, Clock clock, java.util.List<SystemListener> listeners) {
        this.listeners = listeners;
        this.name = spec.name();
        this.connector = spec.connector();
        this.description = spec.connector().describe();
        this.pollInterval = spec.pollInterval();
        this.store = store;
        this.clock = clock;
        this.since = clock.instant();
        store.read(tx -> tx.systemState(name)).ifPresent(s -> {
            this.paused = s.paused();
            this.pauseReason = s.pauseReason().orElse(null);
            this.acceptDeletes = s.acceptDeletes();
            this.up = s.up();
            this.since = s.since();
            this.reason = s.reason().orElse(null);
        });
    }

    boolean supports(ItemType type) {
        return description.types().contains(type);
    }

    Set<ItemType> types() {
        return description.types();
    }

    boolean pushes() {
        return description.has(Capability.PUSH);
    }

    /** Opens the connector once; a failure leaves it closed, to be tried again. */
    void ensureOpen() throws ConnectorException, InterruptedException {
        if (!open) {
            synchronized (this) {
                if (!open) {
                    connector.open();
                    open = true;
                }
            }
        }
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Records that a call begun at {@code startedAt} succeeded. A call that began before the system
     * was marked down proves nothing about now (it may have passed just before the outage), so it
     * does not bring the system back up: no flapping up/down notifications.
     */
    void markUp(Instant startedAt) {
        if (!up && startedAt.isBefore(since)) {
            return;
        }
        if (!up || !everUp) {
            boolean transition = !up;
            Instant now = clock.instant();
            Duration downFor = Duration.between(since, now);
            up = true;
            everUp = true;
            reason = null;
            if (transition) {
                since = now;
                caughtUp = false;
                LOG.info("system '{}' is up again (was down for {}s)", name, downFor.toSeconds());
                saveState();
                notify(l -> l.systemUp(name, downFor, now));
                readerWake.raise();
            }
        }
    }

    void markDown(String why) {
        if (up || !why.equals(reason)) {
            boolean transition = up;
            up = false;
            reason = why;
            caughtUp = false;
            if (transition) {
                since = clock.instant();
                LOG.warn("system '{}' is down: {}", name, why);
                Instant at = since;
                notify(l -> l.systemDown(name, why, at));
            } else {
                LOG.warn("system '{}' is still down: {}", name, why);
            }
            saveState();
        }
    }

    private void notify(java.util.function.Consumer<SystemListener> call) {
        for (SystemListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("system '{}': a notification failed: {}", name, e.toString());
            }
        }
    }

    void setPaused(boolean paused) {
        setPaused(paused, paused ? Optional.of("paused by an admin") : Optional.empty(), false);
    }

    /** Pauses or resumes; {@code acceptDeletes} lets the next read apply the deletes a guard stopped. */
    void setPaused(boolean paused, Optional<String> why, boolean acceptDeletes) {
        this.paused = paused;
        this.pauseReason = why.orElse(null);
        this.acceptDeletes = acceptDeletes;
        saveState();
        readerWake.raise();
        writerWake.raise();
        if (paused) {
            Instant at = clock.instant();
            notify(l -> l.systemPaused(name, why.orElse("paused"), at));
        }
    }

    /** Takes the admin's one-time confirmation of mass deletes, if given. */
    boolean takeAcceptDeletes() {
        if (!acceptDeletes) {
            return false;
        }
        acceptDeletes = false;
        saveState();
        return true;
    }

    /**
     * Picks up a pause or resume written to the store by another process (the CLI), at most every
     * second or so.
     */
    void refreshFromStore() {
        long now = System.nanoTime();
        if (now - refreshedAt < 1_000_000_000L) {
            return;
        }
        refreshedAt = now;
        try {
            store.read(tx -> tx.systemState(name)).ifPresent(s -> {
                if (s.paused() != paused || s.acceptDeletes() != acceptDeletes) {
                    paused = s.paused();
                    pauseReason = s.pauseReason().orElse(null);
                    acceptDeletes = s.acceptDeletes();
                    LOG.info("system '{}' {} (changed from outside)", name, paused ? "paused" : "resumed");
                    writerWake.raise();
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("system '{}': could not re-read its state: {}", name, e.toString());
        }
    }

    Optional<String> pauseReason() {
        return Optional.ofNullable(pauseReason);
    }

    private void saveState() {
        try {
            store.transact(tx -> {
                tx.saveSystemState(new SystemState(name, up, since, Optional.ofNullable(reason), paused,
                        Optional.ofNullable(pauseReason), acceptDeletes));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("system '{}': could not record its state in the store: {}", name, e.getMessage());
        }
    }

    boolean isUp() {
        return up;
    }

    boolean isPaused() {
        return paused;
    }

    Instant since() {
        return since;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    boolean caughtUp() {
        return caughtUp;
    }

    void setCaughtUp() {
        if (!caughtUp) {
            caughtUp = true;
            writerWake.raise();
        }
    }

    void readAt(Instant at) {
        lastReadAt = at;
    }

    Optional<Instant> lastReadAt() {
        return Optional.ofNullable(lastReadAt);
    }

    void close() {
        try {
            connector.close();
        } catch (RuntimeException e) {
            LOG.warn("system '{}': closing its connector failed: {}", name, e.toString());
        }
        open = false;
    }
}
