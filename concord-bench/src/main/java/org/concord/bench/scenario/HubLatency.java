package org.concord.bench.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concord.bench.BenchOptions;
import org.concord.bench.Figure;
import org.concord.bench.Scenario;
import org.concord.bench.ScenarioResult;
import org.concord.bench.Target;
import org.concord.bench.data.CanonicalContacts;
import org.concord.bench.harness.Arrivals;
import org.concord.bench.harness.BenchStore;
import org.concord.bench.harness.Hub;
import org.concord.bench.harness.Pacer;
import org.concord.bench.harness.TimedConnector;
import org.concord.bench.measure.Latencies;
import org.concord.bench.measure.ProcessStats;
import org.concord.engine.Engine;
import org.concord.engine.SystemSpec;
import org.concord.model.ItemType;
import org.concord.spi.Scope;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;

/**
 * Scenario 1, hub-added latency: two in-memory systems (so no server adds its own delay), edits
 * injected on the source at a steady 200/s; the delay from each edit being in the source's feed
 * to the target's {@code setChanges} returning with it. A pool of contacts is synced first, and a
 * warm-up at the same rate runs before the measured window, so the JIT and the store's caches are
 * warm as in a long-running agent. On SQLite (the default store) and on PostgreSQL.
 */
public final class HubLatency implements Scenario {
    static final double RATE = 200;
    private static final int POOL = 2_000;
    private static final int QUICK_POOL = 300;
    static final double TARGET_P99_MS = 25;

    @Override
    public String name() {
        return "hub-latency";
    }

    @Override
    public String summary() {
        return "2 in-memory systems, edits at 200/s: feed → setChanges returned, p50/p99/p99.9 (target p99 ≤ 25 ms)";
    }

    @Override
    public void run(BenchOptions o, Path dir, ScenarioResult r) throws Exception {
        Duration warmup = o.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        Duration window = o.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
        List<BenchStore.Kind> kinds = new ArrayList<>(List.of(BenchStore.Kind.SQLITE));
        if (!o.quick()) {
            var problem = BenchStore.postgresProblem(o.postgresUrl());
            if (problem.isEmpty()) {
                kinds.add(BenchStore.Kind.POSTGRESQL);
            } else {
                r.note(problem.get() + ": PostgreSQL case skipped");
            }
        }
        String only = System.getProperty("concord.bench.cases", "");
        for (BenchStore.Kind kind : kinds) {
            if (!only.isEmpty() && !java.util.Arrays.asList(only.split(",")).contains(kind.code)) {
                continue;
            }
            Path caseDir = Files.createDirectories(dir.resolve(kind.code));
            measure(kind, caseDir, o, warmup, window, r);
        }
    }

    private static void measure(BenchStore.Kind kind, Path dir, BenchOptions o, Duration warmup, Duration window,
            ScenarioResult r) throws Exception {
        String label = kind.code + ", 200 edits/s for " + window.toSeconds() + " s";
        InMemorySystem source = new InMemorySystem("source");
        InMemorySystem target = new InMemorySystem("target");
        CanonicalContacts contacts = new CanonicalContacts(32);
        Scope scope = new Scope("alice", ItemType.CONTACT);
        int pool = o.size(POOL, QUICK_POOL);
        String[] ids = new String[pool];
        for (int i = 0; i < pool; i++) {
            ids[i] = source.userCreate(scope, contacts.contact(i, 0));
        }
        int warmupCount = (int) (RATE * warmup.toMillis() / 1000);
        int measured = (int) (RATE * window.toMillis() / 1000);
        Arrivals arrivals = new Arrivals(1, warmupCount + measured);
        try (BenchStore store = BenchStore.open(kind, dir, o.postgresUrl())) {
            Engine engine = Hub.engine(store.store(), List.of(
                    new SystemSpec("source", new InMemoryConnector(source)),
                    new SystemSpec("target", new TimedConnector(new InMemoryConnector(target), arrivals))));
            org.concord.bench.harness.StoreCounters counters = new org.concord.bench.harness.StoreCounters();
            engine.setMetrics(counters);
            engine.start();
            try {
                if (!awaitObjects(target, pool, Duration.ofMinutes(3)) || !Hub.awaitQuiet(engine, Duration.ofMinutes(1))) {
                    throw new IllegalStateException("the pool of " + pool + " contacts did not reach the target in 3 min");
                }
                arrivals.recording(false);
                inject(source, ids, contacts, arrivals, 1, warmupCount);
                arrivals.await(warmupCount, Duration.ofSeconds(30));
                arrivals.recording(true);
                counters.reset();
                long cpu = ProcessStats.cpuNanos();
                long start = System.nanoTime();
                Pacer pacer = inject(source, ids, contacts, arrivals, 1 + warmupCount, measured);
                boolean all = arrivals.await(warmupCount + measured, Duration.ofSeconds(60));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cores = (ProcessStats.cpuNanos() - cpu) / 1e9 / seconds;
                Latencies.Summary s = arrivals.latencies().summary();
                r.add(label, Figure.of("p50", s.p50Millis(), "ms"));
                r.add(label, Figure.of("p99", s.p99Millis(), "ms", Target.atMost(TARGET_P99_MS)));
                r.add(label, Figure.of("p99.9", s.p999Millis(), "ms"));
                r.add(label, Figure.of("max", s.maxMillis(), "ms"));
                r.add(label, Figure.of("changes measured", s.count(), "changes"));
                r.add(label, Figure.of("injection rate achieved", pacer.achievedRate(), "/s"));
                r.add(label, Figure.of("hub CPU", cores, "cores"));
                Latencies.Summary tx = counters.commitTimes().summary();
                r.add(label, Figure.of("store transactions", tx.count(), "tx"));
                r.add(label, Figure.of("store transaction p50", tx.p50Millis(), "ms"));
                r.add(label, Figure.of("store transaction p99", tx.p99Millis(), "ms"));
                Latencies.Summary late = pacer.lateness().summary();
                r.add(label, Figure.of("noise floor: injector lateness p99", late.p99Millis(), "ms"));
                r.add(label, Figure.of("noise floor: injector lateness max", late.maxMillis(), "ms"));
                if (!all) {
                    r.note(label, (warmupCount + measured - arrivals.arrived()) + " changes had not arrived 60 s after the window");
                }
            } finally {
                engine.close();
            }
        }
    }

    static boolean awaitObjects(InMemorySystem system, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (system.objects().size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static Pacer inject(InMemorySystem source, String[] ids, CanonicalContacts contacts, Arrivals arrivals,
            long firstSeq, int count) throws InterruptedException {
        Pacer pacer = new Pacer(RATE);
        for (int k = 0; k < count; k++) {
            long n = pacer.awaitNext();
            long seq = firstSeq + n;
            int i = (int) (seq % ids.length);
            var payload = contacts.contact(i, seq);
            arrivals.injected(seq, System.nanoTime());
            source.userUpdate(ids[i], payload);
        }
        return pacer;
    }
}
