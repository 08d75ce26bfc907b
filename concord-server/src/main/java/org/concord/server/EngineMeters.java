package org.concord.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.concord.engine.EngineMetrics;
import org.concord.engine.EngineStatus;
import org.concord.engine.SystemStatus;

/**
 * The engine's numbers as Prometheus series. Counters and histograms are fed by the engine as it
 * works; gauges (pending depth, lag, errors, items, up/down) are read from one engine status taken
 * at each scrape. Every per-system series exists from the start (at zero), so a dashboard or an
 * alert rule sees every system before anything happened to it.
 */
final class EngineMeters implements EngineMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Propagation delays are bucketed from a few milliseconds to an hour (an outage caught up). */
    private static final Duration[] DELAY_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofHours(1)
    };
    private static final Duration[] COMMIT_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<EngineStatus> status;
    private final Map<String, PerSystem> systems = new ConcurrentHashMap<>();
    private final AtomicLong openConflicts = new AtomicLong();
    private final Timer storeCommit;

    /** The series of one system. */
    private final class PerSystem {
        final Counter read;
        final Counter echoes;
        final Counter written;
        final Counter notWritten;
        final Counter errorsRecorded;
        final Timer delay;
        final AtomicLong pending = new AtomicLong();
        final AtomicLong lag = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong items = new AtomicLong();
        final AtomicLong up = new AtomicLong(1);
        final AtomicLong paused = new AtomicLong();

        PerSystem(String s) {
            read = Counter.builder("concord.changes.read").tag("system", s)
                    .description("Changes read from the system's feed (echoes of our own writes included)").register(registry);
            echoes = Counter.builder("concord.echoes.dropped").tag("system", s)
                    .description("Changes read that were our own writes coming back").register(registry);
            written = Counter.builder("concord.changes.written").tag("system", s)
                    .description("Objects written to the system").register(registry);
            notWritten = Counter.builder("concord.writes.failed").tag("system", s)
                    .description("Writes to the system that did not succeed this time (retried, refused or conflicting)")
                    .register(registry);
            errorsRecorded = Counter.builder("concord.sync.errors.recorded").tag("system", s)
                    .description("Sync errors recorded for objects of the system").register(registry);
            delay = Timer.builder("concord.propagation.delay").tag("system", s)
                    .description("From reading a change in one system to writing it to this one")
                    .serviceLevelObjectives(DELAY_BUCKETS).register(registry);
            gauge("concord.pending", s, pending, "Items the system is still missing (pending depth)");
            gauge("concord.lag.seconds", s, lag, "Age of the oldest pending entry of the system");
            gauge("concord.sync.errors", s, errors, "Current sync errors of the system's objects");
            gauge("concord.items", s, items, "Objects of the system the hub knows");
            gauge("concord.system.up", s, up, "1 while the system works, 0 while it is down");
            gauge("concord.system.paused", s, paused, "1 while an admin has paused the system");
        }

        private void gauge(String name, String system, AtomicLong value, String description) {
            Gauge.builder(name, value, AtomicLong::get).tag("system", system).description(description).register(registry);
        }
    }

    EngineMeters(List<String> systemNames, Supplier<EngineStatus> status) {
        this.status = status;
        for (String s : systemNames) {
            systems.put(s, new PerSystem(s));
        }
        Gauge.builder("concord.conflicts.open", openConflicts, AtomicLong::get)
                .description("Conflicts held for an admin to resolve").register(registry);
        storeCommit = Timer.builder("concord.store.commit")
                .description("One store transaction of the engine, from start to commit")
                .serviceLevelObjectives(COMMIT_BUCKETS).register(registry);
    }

    private PerSystem of(String system) {
        return systems.computeIfAbsent(system, PerSystem::new);
    }

    /** One series per (system, policy) appears with its first conflict; the open count is there from the start. */
    private Counter conflictCounter(String system, String policy) {
        return Counter.builder("concord.conflicts").tag("system", system).tag("policy", policy)
                .description("Conflicts detected in the system, by the policy that decided them").register(registry);
    }

    @Override
    public void read(String system, int changes, int echoes) {
        PerSystem s = of(system);
        s.read.increment(changes);
        s.echoes.increment(echoes);
    }

    @Override
    public void delivered(String system, Duration delay) {
        PerSystem s = of(system);
        s.written.increment();
        s.delay.record(delay.isNegative() ? Duration.ZERO : delay);
    }

    @Override
    public void notDelivered(String system) {
        of(system).notWritten.increment();
    }

    @Override
    public void conflict(String system, String policy) {
        conflictCounter(system, policy).increment();
    }

    @Override
    public void syncError(String system) {
        of(system).errorsRecorded.increment();
    }

    @Override
    public void storeCommit(Duration took) {
        storeCommit.record(took);
    }

    /** The Prometheus text exposition, with the gauges read from the engine now. */
    String scrape() {
        EngineStatus s = status.get();
        for (SystemStatus sys : s.systems()) {
            PerSystem p = of(sys.name());
            p.pending.set(sys.pending());
            p.lag.set(sys.oldestPending().map(t -> Math.max(0, Duration.between(t, s.at()).toSeconds())).orElse(0L));
            p.errors.set(sys.errors());
            p.items.set(sys.items());
            p.up.set(sys.up() ? 1 : 0);
            p.paused.set(sys.paused() ? 1 : 0);
        }
        openConflicts.set(s.openConflicts());
        return registry.scrape();
    }

    void register(Router r) {
        r.add("GET", "/metrics", Access.METRICS, ex -> ex.bytes(200, CONTENT_TYPE,
                scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
