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
import org.concord.bench.harness.StoreCounters;
import org.concord.bench.harness.TimedConnector;
import org.concord.bench.measure.ProcessStats;
import org.concord.engine.Engine;
import org.concord.engine.SystemSpec;
import org.concord.model.ItemType;
import org.concord.spi.Scope;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;

/**
 * Scenario 2, durable throughput: one in-memory source and one or four in-memory targets, as fast
 * as the hub goes, on SQLite (synchronous=FULL, Concord's default) and on PostgreSQL. Two phases:
 * N new contacts already in the source when the hub starts (creates), then an edit of each of
 * them made at once (updates: the everyday change). A change counts when every target has it;
 * deliveries are changes times targets. Hub CPU is this JVM's CPU time over the phase's wall
 * time (the in-memory systems live in it too, and cost little).
 */
public final class Throughput implements Scenario {
    static final double TARGET_PER_SECOND = 20_000;

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public String summary() {
        return "1→1 and 1→4 in-memory systems on SQLite and PostgreSQL: changes/s, deliveries/s, hub CPU (target ≥ 20,000/s 1→1 on SQLite)";
    }

    @Override
    public void run(BenchOptions o, Path dir, ScenarioResult r) throws Exception {
        // enough for a steady state (several seconds per phase) while the default set stays short;
        // PostgreSQL goes several times slower, so it gets fewer changes for the same time
        int n1 = o.size(10_000, 2_000);
        int n4 = o.size(4_000, 1_000);
        int pg1 = o.size(3_000, 1_000);
        int pg4 = o.size(1_000, 500);
        List<BenchStore.Kind> kinds = new ArrayList<>(List.of(BenchStore.Kind.SQLITE));
        var problem = BenchStore.postgresProblem(o.postgresUrl());
        if (problem.isEmpty()) {
            kinds.add(BenchStore.Kind.POSTGRESQL);
        } else {
            r.note(problem.get() + ": PostgreSQL cases skipped");
        }
        // -Dconcord.bench.cases=sqlite-1 runs one case only, for profiling it
        String only = System.getProperty("concord.bench.cases", "");
        for (BenchStore.Kind kind : kinds) {
            for (int targets : new int[] {1, 4}) {
                if (!only.isEmpty() && !java.util.Arrays.asList(only.split(",")).contains(kind.code + "-" + targets)) {
                    continue;
                }
                Path caseDir = Files.createDirectories(dir.resolve(kind.code + "-" + targets));
                int n = kind == BenchStore.Kind.SQLITE ? (targets == 1 ? n1 : n4) : (targets == 1 ? pg1 : pg4);
                measure(kind, targets, n, caseDir, o, r);
            }
        }
    }

    private static void measure(BenchStore.Kind kind, int targetCount, int n, Path dir, BenchOptions o, ScenarioResult r)
            throws Exception {
        String label = kind.code + " 1→" + targetCount + ", " + String.format("%,d", n) + " contacts";
        InMemorySystem source = new InMemorySystem("source");
        CanonicalContacts contacts = new CanonicalContacts(32);
        Scope scope = new Scope("alice", ItemType.CONTACT);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = source.userCreate(scope, contacts.contact(i, 1 + i));
        }
        List<Arrivals> creates = new ArrayList<>();
        List<Arrivals> updates = new ArrayList<>();
        List<SystemSpec> specs = new ArrayList<>();
        specs.add(new SystemSpec("source", new InMemoryConnector(source)));
        for (int t = 0; t < targetCount; t++) {
            Arrivals c = new Arrivals(1, n);
            Arrivals u = new Arrivals(1 + n, n);
            creates.add(c);
            updates.add(u);
            specs.add(new SystemSpec("target" + t, new TimedConnector(new InMemoryConnector(new InMemorySystem("t" + t)),
                    (w, res, at) -> {
                        c.arrived(w, res, at);
                        u.arrived(w, res, at);
                    })));
        }
        Duration limit = o.quick() ? Duration.ofMinutes(1) : Duration.ofMinutes(3);
        try (BenchStore store = BenchStore.open(kind, dir, o.postgresUrl())) {
            Engine engine = Hub.engine(store.store(), specs);
            StoreCounters counters = new StoreCounters();
            engine.setMetrics(counters);
            long cpu = ProcessStats.cpuNanos();
            long start = System.nanoTime();
            engine.start();
            try {
                boolean done = awaitAll(creates, n, limit);
                phase(r, label, "creates", n, targetCount, start, cpu, done, creates, false);
                transactions(r, label, "creates", counters, start);
                Hub.awaitQuiet(engine, Duration.ofSeconds(60));
                counters.reset();
                cpu = ProcessStats.cpuNanos();
                start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    source.userUpdate(ids[i], contacts.contact(i, 1 + n + i));
                }
                done = awaitAll(updates, n, limit);
                phase(r, label, "updates", n, targetCount, start, cpu, done, updates,
                        kind == BenchStore.Kind.SQLITE && targetCount == 1);
                transactions(r, label, "updates", counters, start);
            } finally {
                engine.close();
            }
        }
    }

    /** How much of the phase the store's transactions took (they run one at a time). */
    private static void transactions(ScenarioResult r, String label, String phase, StoreCounters c, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        r.note(label, String.format(java.util.Locale.ROOT,
                "%s: %,d store transactions, %.0f%% of the wall time inside one, mean read batch %.0f changes",
                phase, c.commits(), 100 * c.transactionSeconds() / seconds, c.meanReadBatch()));
    }

    private static boolean awaitAll(List<Arrivals> all, int n, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Arrivals a : all) {
            if (!a.await(n, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    private static void phase(ScenarioResult r, String label, String phase, int n, int targets, long start, long cpu,
            boolean done, List<Arrivals> arrivals, boolean targeted) {
        long end = done ? arrivals.stream().mapToLong(Arrivals::lastArrival).max().orElse(System.nanoTime()) : System.nanoTime();
        double seconds = (end - start) / 1e9;
        long delivered = arrivals.stream().mapToLong(Arrivals::arrived).sum();
        long complete = arrivals.stream().mapToLong(Arrivals::arrived).min().orElse(0);
        double rate = complete / seconds;
        double cores = (ProcessStats.cpuNanos() - cpu) / 1e9 / seconds;
        r.add(label, targeted ? Figure.of(phase + ": changes/s", rate, "/s", Target.atLeast(TARGET_PER_SECOND))
                : Figure.of(phase + ": changes/s", rate, "/s"));
        r.add(label, Figure.of(phase + ": deliveries/s", delivered / seconds, "/s"));
        r.add(label, Figure.of(phase + ": hub CPU", cores, "cores"));
        r.add(label, Figure.of(phase + ": CPU per change", (ProcessStats.cpuNanos() - cpu) / 1e3 / Math.max(1, complete), "µs"));
        if (!done) {
            r.note(label, phase + ": only " + complete + " of " + n + " changes reached every target in time");
        }
    }
}
