package org.concord.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.store.Store;
import org.concord.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a set of systems in sync: a reader and a writer per system, on virtual threads, sharing
 * one store.
 *
 * <p><b>Lifecycle:</b> construct → ({@link #start()} … {@link #close()}) for the continuous
 * agent, or {@link #syncOnce(Duration)} for cron mode; not both at once. {@code close} stops the
 * loops and closes every connector; the store stays open (it belongs to the caller).
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("concord.engine");

    private final EngineContext ctx;
    private final Map<String, Reader> readers = new LinkedHashMap<>();
    private final Map<String, Writer> writers = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private final List<SystemListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Duration watchdogInterval = Duration.ofSeconds(30);

    public Engine(Store store, List<SystemSpec> systems, UserMap users, ConflictSettings conflicts, Tuning tuning, Clock clock) {
        Objects.requireNonNull(store, "store");
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("no systems to sync");
        }
        this.ctx = new EngineContext(store, clock, users, conflicts, tuning);
        for (SystemSpec spec : systems) {
            if (ctx.systems.containsKey(spec.name())) {
                throw new IllegalArgumentException("two systems named '" + spec.name() + "'");
            }
            ctx.systems.put(spec.name(), new SystemRuntime(spec, store, clock, listeners));
        }
        conflicts.duplicatesTo().ifPresent(d -> ctx.system(d));
        for (SystemRuntime s : ctx.systems()) {
            readers.put(s.name, new Reader(ctx, s));
            writers.put(s.name, new Writer(ctx, s));
        }
    }

    public Engine(Store store, List<SystemSpec> systems) {
        this(store, systems, UserMap.identity(), ConflictSettings.defaults(), Tuning.defaults(), Clock.systemUTC());
    }

    // ---- continuous mode

    /** Reports reads, deliveries, conflicts, errors and store commits to {@code metrics}. */
    public void setMetrics(EngineMetrics metrics) {
        ctx.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
    }

    /** Adds a listener told about every up/down transition (before {@link #start()}). */
    public void addListener(SystemListener listener) {
        listeners.add(listener);
    }

    /** How often the watchdog pings every system while the engine runs (default 30 s). */
    public void setWatchdogInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("watchdog interval must be positive: " + interval);
        }
        this.watchdogInterval = interval;
    }

    /** Starts a reader and a writer per system. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (SystemRuntime s : ctx.systems()) {
            threads.add(Thread.ofVirtual().name("reader-" + s.name).start(() -> readerLoop(s)));
            threads.add(Thread.ofVirtual().name("writer-" + s.name).start(() -> writerLoop(s)));
        }
        threads.add(Thread.ofVirtual().name("watchdog").start(this::watchdogLoop));
        LOG.info("engine started with {} systems on {}", ctx.systems.size(), ctx.store.describe());
    }

    private void readerLoop(SystemRuntime s) {
        Reader reader = readers.get(s.name);
        int failures = 0;
        while (running) {
            try {
                s.refreshFromStore();
                if (s.isPaused()) {
                    s.readerWake.await(Duration.ofSeconds(1));
                    continue;
                }
                s.ensureOpen();
                Duration wait = s.caughtUp() && s.pushes() ? s.pollInterval : Duration.ZERO;
                Instant started = ctx.clock.instant();
                Reader.Step step = reader.readOnce(wait);
                s.markUp(started);
                failures = 0;
                if (!step.more()) {
                    s.setCaughtUp();
                    if (!s.pushes()) {
                        s.readerWake.await(s.pollInterval);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ConnectorException e) {
                failures++;
                s.markDown(e.getMessage());
                if (!pause(s.readerWake, backoff(e, failures))) {
                    return;
                }
            } catch (StoreException e) {
                failures++;
                LOG.error("system '{}': reading stopped by a store failure: {}", s.name, e.getMessage());
                if (!pause(s.readerWake, ctx.tuning.backoff(failures))) {
                    return;
                }
            } catch (RuntimeException e) {
                failures++;
                LOG.error("system '{}': reader failed unexpectedly", s.name, e);
                s.markDown("reader failed: " + e);
                if (!pause(s.readerWake, ctx.tuning.backoff(failures))) {
                    return;
                }
            }
        }
    }

    private void writerLoop(SystemRuntime s) {
        Writer writer = writers.get(s.name);
        int failures = 0;
        Duration idle = Duration.ofMillis(Math.max(10, Math.min(1000, ctx.tuning.firstBackoff().toMillis())));
        while (running) {
            try {
                if (s.isPaused() || !s.isUp() || !s.caughtUp()) {
                    s.writerWake.await(idle);
                    continue;
                }
                s.ensureOpen();
                Writer.Outcome out = writer.deliverOnce();
                failures = 0;
                if (out.attempted() == 0) {
                    s.writerWake.await(idle);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ConnectorException e) {
                failures++;
                s.markDown(e.getMessage());
                s.readerWake.raise();
                if (!pause(s.writerWake, backoff(e, failures))) {
                    return;
                }
            } catch (StoreException e) {
                failures++;
                LOG.error("system '{}': writing stopped by a store failure: {}", s.name, e.getMessage());
                if (!pause(s.writerWake, ctx.tuning.backoff(failures))) {
                    return;
                }
            } catch (RuntimeException e) {
                failures++;
                LOG.error("system '{}': writer failed unexpectedly", s.name, e);
                if (!pause(s.writerWake, ctx.tuning.backoff(failures))) {
                    return;
                }
            }
        }
    }

    /**
     * Pings every system on the watchdog interval, so a system is known to be down (and the admin
     * told) even while nothing is read from or written to it, and a system that comes back is
     * caught up at once (its reader is woken by the transition).
     */
    private void watchdogLoop() {
        while (running) {
            for (SystemRuntime s : ctx.systems()) {
                if (!running) {
                    return;
                }
                if (s.isPaused()) {
                    continue;
                }
                try {
                    Instant started = ctx.clock.instant();
                    s.ensureOpen();
                    switch (s.connector.ping()) {
                        case org.concord.spi.Health.Up up -> s.markUp(started);
                        case org.concord.spi.Health.Down down -> s.markDown(down.reason());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ConnectorException e) {
                    s.markDown(e.getMessage());
                } catch (RuntimeException e) {
                    LOG.error("system '{}': ping failed unexpectedly", s.name, e);
                    s.markDown("ping failed: " + e);
                }
            }
            try {
                Thread.sleep(watchdogInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration backoff(ConnectorException e, int failures) {
        return e instanceof PermanentConnectorException
                ? ctx.tuning.backoff(failures + 4)
                : ctx.tuning.backoff(failures);
    }

    /** Waits, waking early on the signal; false if the engine is stopping. */
    private boolean pause(Signal signal, Duration d) {
        try {
            signal.await(d);
            return running;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the loops (waiting for the batch in flight) and closes every connector. */
    @Override
    public synchronized void close() {
        running = false;
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        for (SystemRuntime s : ctx.systems()) {
            s.close();
        }
    }

    // ---- cron mode

    /**
     * Catches every system up once and returns: reads every feed to its end, delivers every due
     * entry, and repeats until a round changes nothing or {@code deadline} has passed. Systems
     * are read before they are written to, so edits made on a system while it was offline are
     * seen (and conflicts detected) before what queued for it is delivered.
     */
    public SyncReport syncOnce(Duration deadline) throws InterruptedException {
        if (running) {
            throw new IllegalStateException("syncOnce while the engine runs continuously");
        }
        Instant end = ctx.clock.instant().plus(deadline);
        long read = 0;
        long written = 0;
        int rounds = 0;
        Map<String, String> down = new LinkedHashMap<>();
        for (SystemRuntime s : ctx.systems()) {
            s.refreshFromStore();
        }
        while (ctx.clock.instant().isBefore(end)) {
            rounds++;
            boolean progress = false;
            down.clear();
            for (SystemRuntime s : ctx.systems()) {
                if (s.isPaused()) {
                    down.put(s.name, "paused: " + s.pauseReason().orElse("paused"));
                    continue;
                }
                try {
                    Instant started = ctx.clock.instant();
                    s.ensureOpen();
                    Reader.Step step;
                    do {
                        step = readers.get(s.name).readOnce(Duration.ZERO);
                        read += step.outcome().created + step.outcome().updated + step.outcome().deleted;
                        progress |= step.outcome().changedSomething();
                    } while (step.more() && ctx.clock.instant().isBefore(end));
                    s.markUp(started);
                    s.setCaughtUp();
                    if (s.isPaused()) {
                        down.put(s.name, "paused: " + s.pauseReason().orElse("paused"));
                    }
                } catch (ConnectorException e) {
                    s.markDown(e.getMessage());
                    down.put(s.name, e.getMessage());
                }
            }
            for (SystemRuntime s : ctx.systems()) {
                if (s.isPaused() || down.containsKey(s.name)) {
                    continue;
                }
                try {
                    Writer.Outcome out;
                    do {
                        out = writers.get(s.name).deliverOnce();
                        written += out.written();
                        progress |= out.written() > 0 || out.attempted() > out.failed();
                    } while (out.attempted() > 0 && out.written() > 0 && ctx.clock.instant().isBefore(end));
                } catch (ConnectorException e) {
                    s.markDown(e.getMessage());
                    down.put(s.name, e.getMessage());
                }
            }
            if (!progress) {
                if (!retrySoon(end, down.keySet())) {
                    break;
                }
                Thread.sleep(Math.max(5, Math.min(250, ctx.tuning.firstBackoff().toMillis())));
            }
        }
        EngineStatus status = status();
        List<String> downList = down.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        return new SyncReport(rounds, read, written, status.pending(), status.errors(), downList);
    }

    /**
     * Whether an entry for a working system becomes due before the deadline and has not failed
     * often enough to count as a sync error: a short backoff worth waiting out.
     */
    private boolean retrySoon(Instant end, java.util.Set<String> down) {
        Instant horizon = end;
        for (SystemRuntime s : ctx.systems()) {
            if (s.isPaused() || down.contains(s.name)) {
                continue;
            }
            boolean any = ctx.store.read(tx -> tx.duePending(s.name, horizon, 1000).stream()
                    .anyMatch(p -> p.attempts() < Writer.ERROR_AFTER_ATTEMPTS));
            if (any) {
                return true;
            }
        }
        return false;
    }

    // ---- admin

    public EngineStatus status() {
        Instant now = ctx.clock.instant();
        return ctx.store.read(tx -> {
            List<SystemStatus> systems = new ArrayList<>();
            for (SystemRuntime s : ctx.systems()) {
                systems.add(new SystemStatus(s.name, s.description.kind(), s.types(), s.isUp(), s.since(),
                        s.isPaused() ? s.pauseReason().or(s::reason) : s.reason(), s.isPaused(), s.caughtUp(),
                        tx.countPending(s.name), tx.oldestPending(s.name),
                        tx.countErrors(s.name), tx.countLinks(s.name), s.lastReadAt(), tx.cursor(s.name).toString()));
            }
            return new EngineStatus(now, ctx.store.describe(), systems, tx.countConflicts(true), tx.countConflicts(false));
        });
    }

    /** Re-reads a system fully and reconciles, never deleting what was merely not seen. */
    public void requestResync(String system) {
        SystemRuntime s = ctx.system(system);
        s.fullReadRequested.set(true);
        s.readerWake.raise();
    }

    public void pause(String system) {
        ctx.system(system).setPaused(true);
        LOG.info("system '{}' paused", system);
    }

    public void resume(String system) {
        resume(system, false);
    }

    /**
     * Resumes a paused system; with {@code acceptDeletes}, the deletes a guard stopped are applied
     * on the next read.
     */
    public void resume(String system, boolean acceptDeletes) {
        ctx.system(system).setPaused(false, Optional.empty(), acceptDeletes);
        LOG.info("system '{}' resumed{}", system, acceptDeletes ? ", its deletes accepted" : "");
    }

    /** Sets the limits that stop mass deletes (before {@link #start()}). */
    public void setGuards(Guards guards) {
        ctx.guards = java.util.Objects.requireNonNull(guards, "guards");
    }

    /** Makes every deferred entry (of one system, or all) due now: the admin's "retry". */
    public int retryNow(Optional<String> system) {
        Instant now = ctx.clock.instant();
        int n = ctx.store.transact(tx -> {
            int count = 0;
            for (SystemRuntime s : ctx.systems()) {
                if (system.isPresent() && !system.get().equals(s.name)) {
                    continue;
                }
                for (var p : tx.duePending(s.name, now.plus(Duration.ofDays(36500)), Integer.MAX_VALUE)) {
                    if (p.notBefore().isAfter(now)) {
                        tx.deferPending(s.name, p.globalId(), p.seq(), p.attempts(), now, p.lastError().orElse("retry"));
                        count++;
                    }
                }
            }
            return count;
        });
        ctx.systems().forEach(s -> s.writerWake.raise());
        return n;
    }

    /** Sync errors, oldest first; of one system or all. */
    public List<org.concord.store.SyncError> errors(Optional<String> system, int limit) {
        return ctx.store.read(tx -> tx.errors(system, limit));
    }

    /**
     * Retries the object of a sync error now: a write error makes its pending entry due at once; a
     * read error makes the system re-read fully (a folder or server is read again, which finds the
     * object if it can be read now). The error stays until the object syncs.
     *
     * @return false if there is no such error
     */
    public boolean retryError(long id) {
        Optional<org.concord.store.SyncError> error = ctx.store.read(tx -> tx.error(id));
        if (error.isEmpty()) {
            return false;
        }
        org.concord.store.SyncError e = error.get();
        if (!ctx.systems.containsKey(e.system())) {
            return false;
        }
        if (e.phase() == org.concord.store.ErrorPhase.WRITE) {
            Instant now = ctx.clock.instant();
            ctx.store.transact(tx -> {
                e.globalId().flatMap(g -> tx.pending(e.system(), g)).ifPresent(p ->
                        tx.deferPending(e.system(), p.globalId(), p.seq(), p.attempts(), now, p.lastError().orElse("retry")));
                return null;
            });
            ctx.system(e.system()).writerWake.raise();
        } else {
            requestResync(e.system());
        }
        return true;
    }

    /** Forgets a sync error (the admin has seen it; if the object fails again it comes back). */
    public boolean dismissError(long id) {
        return ctx.store.transact(tx -> {
            if (tx.error(id).isEmpty()) {
                return false;
            }
            tx.deleteError(id);
            return true;
        });
    }

    /** Where an item lives, what is pending for it, and its recent history. */
    public Optional<ItemView> item(String globalId) {
        return ctx.store.read(tx -> tx.item(globalId).map(item -> {
            List<org.concord.store.Pending> pending = new ArrayList<>();
            for (SystemRuntime s : ctx.systems()) {
                tx.pending(s.name, globalId).ifPresent(pending::add);
            }
            return new ItemView(item, tx.links(globalId), pending, tx.history(globalId, 50));
        }));
    }

    /** The item an object of a system belongs to, by its native id. */
    public Optional<ItemView> itemOf(String system, String nativeId) {
        return ctx.store.read(tx -> tx.link(system, nativeId)).flatMap(l -> item(l.globalId()));
    }

    /** Conflicts, newest first. */
    public List<org.concord.store.ConflictRecord> conflicts(boolean openOnly, int limit) {
        return ctx.store.read(tx -> tx.conflicts(openOnly, limit));
    }

    /** One conflict, with each system's version while it is held. */
    public Optional<ConflictDetail> conflict(long id) {
        return ctx.store.read(tx -> tx.conflict(id).map(c -> new ConflictDetail(c, tx.conflictVersions(c.id()))));
    }

    /**
     * Resolves a held conflict: the chosen (or edited) version becomes the item's content in
     * every system, and the item's writes, held meanwhile, go on.
     */
    public void resolveConflict(long id, Resolution resolution) throws ConflictResolutionException {
        Instant now = ctx.clock.instant();
        String[] error = new String[1];
        ctx.transact(tx -> {
            var conflict = tx.conflict(id);
            if (conflict.isEmpty()) {
                error[0] = "no conflict " + id;
                return null;
            }
            if (!conflict.get().open()) {
                error[0] = "conflict " + id + " is not held: " + conflict.get().decision();
                return null;
            }
            String g = conflict.get().globalId();
            var item = tx.item(g);
            if (item.isEmpty()) {
                error[0] = "conflict " + id + ": item " + g + " no longer exists";
                return null;
            }
            var versions = tx.conflictVersions(id);
            org.concord.model.Payload chosen;
            String decision;
            switch (resolution) {
                case Resolution.Keep keep -> {
                    chosen = versions.get(keep.system());
                    if (chosen == null) {
                        error[0] = "conflict " + id + " has no version from '" + keep.system() + "'; versions: "
                                + String.join(", ", versions.keySet());
                        return null;
                    }
                    decision = "resolved by an admin: kept the version from " + keep.system();
                }
                case Resolution.Edited edited -> {
                    if (edited.payload().type() != item.get().type()) {
                        error[0] = "conflict " + id + ": the edited version is a " + edited.payload().type().code()
                                + ", the item a " + item.get().type().code();
                        return null;
                    }
                    chosen = item.get().uid().isPresent() && !edited.payload().uid().equals(item.get().uid())
                            ? edited.payload().withUid(item.get().uid().get())
                            : edited.payload();
                    decision = "resolved by an admin with an edited version";
                }
            }
            tx.closeConflict(id, decision);
            for (SystemRuntime s : ctx.systems()) {
                if (s.supports(item.get().type())) {
                    tx.putPending(s.name, g, org.concord.store.PendingOp.UPSERT, Optional.of(chosen), "admin", now);
                }
            }
            tx.addHistory(new org.concord.store.HistoryEntry(g, now, "admin", "conflict", decision));
            return null;
        });
        if (error[0] != null) {
            throw new ConflictResolutionException(error[0]);
        }
        ctx.systems().forEach(s -> s.writerWake.raise());
        LOG.info("conflict {} resolved", id);
    }

    /** The user map in force: canonical user -> system -> native name (only explicit entries). */
    public UserMap users() {
        return ctx.users;
    }

    public List<String> systemNames() {
        return List.copyOf(ctx.systems.keySet());
    }
}
