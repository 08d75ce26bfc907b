package org.concord.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.concord.bench.BenchOptions;
import org.concord.bench.Figure;
import org.concord.bench.Scenario;
import org.concord.bench.ScenarioResult;
import org.concord.bench.Target;
import org.concord.bench.harness.Arrivals;
import org.concord.bench.harness.BenchStore;
import org.concord.bench.harness.GeneratedSource;
import org.concord.bench.harness.Hub;
import org.concord.bench.harness.Pacer;
import org.concord.bench.harness.Sink;
import org.concord.bench.harness.TimedConnector;
import org.concord.bench.measure.HeapSampler;
import org.concord.bench.measure.Latencies;
import org.concord.bench.measure.ProcessStats;
import org.concord.engine.Engine;
import org.concord.engine.EngineStatus;
import org.concord.engine.SystemSpec;

/**
 * Scenario 6, outage drain: a source and three targets on SQLite; one target goes down, 100,000
 * new contacts flood in and queue for it while the two others receive them; then a steady 200
 * changes/s runs while it is still down and while it drains after coming back. The source makes
 * its changes on demand and the targets keep nothing, so the heap measured is the hub's own.
 * Live heap (after a full GC) is taken before the flood and with the queue full: flat means the
 * queue lives in the store, not in memory. The watchdog pings every 5 s ({@code watchdog.interval:
 * 5s}), which bounds how soon a returning target is noticed.
 */
public final class OutageDrain implements Scenario {
    private static final double MIB = 1024.0 * 1024;
    private static final int WARMUP = 1_000;
    private static final double PROBE_RATE = 200;

    @Override
    public String name() {
        return "outage-drain";
    }

    @Override
    public String summary() {
        return "1 of 3 targets down while 100,000 changes queue: memory while queued, drain rate and time, latency of the others";
    }

    @Override
    public List<String> jvmOptions(BenchOptions options) {
        return List.of("-Xmx512m");
    }

    @Override
    public void run(BenchOptions o, Path dir, ScenarioResult r) throws Exception {
        int queued = o.size(100_000, 2_000);
        Duration probe = o.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(5);
        int probeCount = (int) (PROBE_RATE * probe.toSeconds());
        String label = String.format("sqlite, %,d changes queued for 1 of 3 targets", queued);
        int total = WARMUP + queued + 2 * probeCount + (int) (PROBE_RATE * 600);
        GeneratedSource source = new GeneratedSource();
        Sink down = new Sink("down");
        Arrivals atDown = new Arrivals(1, total);
        Arrivals atB = new Arrivals(1, total);
        Arrivals atC = new Arrivals(1, total);
        try (BenchStore store = BenchStore.sqlite(dir)) {
            Engine engine = Hub.engine(store.store(), List.of(
                    new SystemSpec("source", source),
                    new SystemSpec("down", new TimedConnector(down, atDown)),
                    new SystemSpec("b", new TimedConnector(new Sink("b"), atB)),
                    new SystemSpec("c", new TimedConnector(new Sink("c"), atC))));
            engine.setWatchdogInterval(Duration.ofSeconds(5));
            engine.start();
            try {
                long last = source.release(WARMUP);
                if (!atDown.await(last, Duration.ofMinutes(2)) || !atB.await(last, Duration.ofMinutes(1))) {
                    throw new IllegalStateException("the warm-up changes did not arrive");
                }
                down.setDown(true);
                awaitUp(engine, "down", false, Duration.ofSeconds(30));
                long liveBefore = HeapSampler.liveHeapBytes();
                long rssBefore = ProcessStats.rssBytes().orElse(0);

                long cpu = ProcessStats.cpuNanos();
                long start = System.nanoTime();
                try (HeapSampler heap = HeapSampler.start(Duration.ofMillis(50))) {
                    last = source.release(queued);
                    boolean flooded = atB.await(last, Duration.ofMinutes(5)) && atC.await(last, Duration.ofMinutes(1));
                    double floodSeconds = (Math.max(atB.lastArrival(), atC.lastArrival()) - start) / 1e9;
                    long pending = pendingOf(engine.status(), "down");
                    r.add(label, Figure.of("flood: changes/s to the 2 working targets", queued / floodSeconds, "/s"));
                    r.add(label, Figure.of("flood: hub CPU", (ProcessStats.cpuNanos() - cpu) / 1e9 / floodSeconds, "cores"));
                    r.add(label, Figure.of("queued for the down target", pending, "entries"));
                    if (!flooded) {
                        r.note(label, "the flood had not reached the working targets after 5 min");
                    }
                    long liveQueued = HeapSampler.liveHeapBytes();
                    r.add(label, Figure.of("live heap before the queue", liveBefore / MIB, "MiB"));
                    r.add(label, Figure.of("live heap with the queue full", liveQueued / MIB, "MiB"));
                    r.add(label, Figure.of("live heap growth", (liveQueued - liveBefore) / MIB, "MiB",
                            Target.atMost(Math.max(16, liveBefore / MIB * 0.10))));
                    r.add(label, Figure.of("peak heap used while queuing", heap.peakHeapBytes() / MIB, "MiB"));
                    r.add(label, Figure.of("RSS before the queue", rssBefore / MIB, "MiB"));
                    r.add(label, Figure.of("RSS with the queue full", ProcessStats.rssBytes().orElse(0) / MIB, "MiB"));
                    r.add(label, Figure.of("store size with the queue full", java.nio.file.Files.size(dir.resolve("concord.db")) / MIB, "MiB"));
                }

                long probeFrom = last + 1;
                Arrivals.Window whileDown = atB.window();
                Arrivals.Window whileDownC = atC.window();
                Pacer pacer = new Pacer(PROBE_RATE);
                for (int k = 0; k < probeCount; k++) {
                    pacer.awaitNext();
                    long seq = probeFrom + k;
                    long now = System.nanoTime();
                    atB.injected(seq, now);
                    atC.injected(seq, now);
                    source.release(1);
                }
                last = probeFrom + probeCount - 1;
                atB.await(last, Duration.ofSeconds(30));
                atC.await(last, Duration.ofSeconds(30));
                report(r, label, "others' latency while 1 target is down (200/s)", whileDown.close(), whileDownC.close());

                Arrivals.Window duringDrain = atB.window();
                Arrivals.Window duringDrainC = atC.window();
                long backAt = System.nanoTime();
                down.setDown(false);
                long drainTarget = last;
                Pacer drainPacer = new Pacer(PROBE_RATE);
                long seq = last;
                long deadline = backAt + Duration.ofMinutes(o.quick() ? 1 : 10).toNanos();
                while (atDown.arrived() < drainTarget && System.nanoTime() < deadline) {
                    drainPacer.awaitNext();
                    seq++;
                    if (seq - WARMUP - queued - probeCount > PROBE_RATE * 600 - 1) {
                        break;
                    }
                    long now = System.nanoTime();
                    atB.injected(seq, now);
                    atC.injected(seq, now);
                    source.release(1);
                }
                long drainedAt = atDown.lastArrival();
                boolean drained = atDown.arrived() >= drainTarget;
                long firstBack = atDown.firstArrivalAfter(backAt);
                atB.await(seq, Duration.ofSeconds(30));
                atC.await(seq, Duration.ofSeconds(30));
                report(r, label, "others' latency while it drains (200/s)", duringDrain.close(), duringDrainC.close());
                r.add(label, Figure.of("return → first delivery", (firstBack - backAt) / 1e6, "ms"));
                double drainSeconds = (drainedAt - firstBack) / 1e9;
                r.add(label, Figure.of("drain time", drainSeconds, "s"));
                r.add(label, Figure.of("drain rate", (drainTarget - WARMUP) / drainSeconds, "changes/s"));
                if (!drained) {
                    r.note(label, "the down target had " + atDown.arrived() + " of " + drainTarget + " changes when the scenario gave up");
                }
            } finally {
                engine.close();
            }
        }
    }

    private static void report(ScenarioResult r, String label, String what, Latencies.Summary b, Latencies.Summary c) {
        r.add(label, Figure.of(what + ": p50", Math.max(b.p50Millis(), c.p50Millis()), "ms"));
        r.add(label, Figure.of(what + ": p99", Math.max(b.p99Millis(), c.p99Millis()), "ms"));
        r.add(label, Figure.of(what + ": max", Math.max(b.maxMillis(), c.maxMillis()), "ms"));
    }

    private static long pendingOf(EngineStatus status, String system) {
        return status.systems().stream().filter(s -> s.name().equals(system)).mapToLong(s -> s.pending()).sum();
    }

    private static void awaitUp(Engine engine, String system, boolean up, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (engine.status().systems().stream().anyMatch(s -> s.name().equals(system) && s.up() == up)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("system '" + system + "' was not marked " + (up ? "up" : "down") + " within " + limit);
    }
}
