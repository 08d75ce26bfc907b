package org.concord.bench.scenario;

import java.nio.file.Files;
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
import org.concord.bench.harness.Folders;
import org.concord.bench.harness.Hub;
import org.concord.bench.harness.TimedConnector;
import org.concord.bench.measure.HeapSampler;
import org.concord.bench.measure.ProcessStats;
import org.concord.engine.Engine;
import org.concord.engine.SystemSpec;

/**
 * Scenario 3, initial sync at scale: generated contacts (1–2 KB, one in twenty with a photo) in
 * one vdir folder, synced by a fresh hub into an empty one, on SQLite. The JVM runs with the
 * heap limit of the target (256 MB), so finishing at all proves the heap target; the peak of used
 * heap is sampled, the peak RSS read from {@code /proc/self/status} (VmHWM, reset before the sync
 * so the data generation does not count). Wall time runs from the hub's start until every contact
 * has been written to the target folder.
 */
public final class InitialSync implements Scenario {
    private static final double MIB = 1024.0 * 1024;
    static final int HEAP_MB = 256;

    @Override
    public String name() {
        return "initial-sync";
    }

    @Override
    public String summary() {
        return "vdir → empty vdir, 100,000 generated contacts (--million: 1,000,000): wall time, peak heap, peak RSS "
                + "(target 1M ≤ 5 min, heap ≤ 256 MB)";
    }

    @Override
    public List<String> jvmOptions(BenchOptions options) {
        return List.of("-Xmx" + HEAP_MB + "m");
    }

    @Override
    public Duration timeLimit(BenchOptions options) {
        return options.quick() ? Duration.ofMinutes(2) : Duration.ofMinutes(Math.max(20, options.contacts() / 10_000));
    }

    @Override
    public void run(BenchOptions o, Path dir, ScenarioResult r) throws Exception {
        int n = o.quick() ? BenchOptions.QUICK_CONTACTS : o.contacts();
        String label = String.format("vdir → vdir, %,d contacts, sqlite", n);
        Path sourceRoot = dir.resolve("source");
        Path targetRoot = dir.resolve("target");
        long genStart = System.nanoTime();
        long bytes = Folders.fill(Folders.addressBook(sourceRoot), n);
        r.note(label, String.format("generated %,d files, %.0f MB (mean %,d bytes) in %.0f s", n, bytes / 1e6, bytes / n,
                (System.nanoTime() - genStart) / 1e9));
        Files.createDirectories(targetRoot);
        Arrivals arrivals = new Arrivals(0, 1);
        Path stateDir = Files.createDirectories(dir.resolve("state"));
        try (BenchStore store = BenchStore.sqlite(stateDir)) {
            TimedConnector target = new TimedConnector(Folders.vdir("target", targetRoot), arrivals);
            Engine engine = Hub.engine(store.store(), List.of(
                    new SystemSpec("source", Folders.vdir("source", sourceRoot)),
                    new SystemSpec("target", target)));
            System.gc();
            resetPeakRss();
            long cpu = ProcessStats.cpuNanos();
            long start = System.nanoTime();
            long end;
            try (HeapSampler heap = HeapSampler.start(Duration.ofMillis(50))) {
                engine.start();
                try {
                    Duration limit = timeLimit(o).minusMinutes(1);
                    long deadline = System.nanoTime() + limit.toNanos();
                    while (arrivals.writes() < n && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    end = System.nanoTime();
                    if (arrivals.writes() < n) {
                        r.note(label, "only " + arrivals.writes() + " of " + n + " contacts written within " + limit.toMinutes() + " min");
                    }
                } finally {
                    engine.close();
                }
                double seconds = (end - start) / 1e9;
                Target wall = n >= 1_000_000 ? Target.atMost(300) : Target.atMost(300.0 * n / 1_000_000);
                r.add(label, Figure.of("wall time", seconds, "s", wall));
                r.add(label, Figure.of("rate", arrivals.writes() / seconds, "contacts/s"));
                r.add(label, Figure.of("peak heap used", heap.peakHeapBytes() / MIB, "MiB", Target.atMost(HEAP_MB)));
                r.add(label, Figure.of("heap limit (-Xmx)", HeapSampler.maxHeapBytes() / MIB, "MiB"));
                r.add(label, Figure.of("peak RSS", ProcessStats.peakRssBytes().orElse(heap.peakRssBytes()) / MIB, "MiB"));
                r.add(label, Figure.of("hub CPU", (ProcessStats.cpuNanos() - cpu) / 1e9 / seconds, "cores"));
                r.add(label, Figure.of("store size", Files.size(stateDir.resolve("concord.db")) / MIB, "MiB"));
                // how much of the run the target's writer spent in the connector's writes (files, syncs) rather than the hub
                org.concord.bench.measure.Latencies.Summary calls = target.writeCalls().summary();
                r.add(label, Figure.of("target write calls", calls.count(), "calls"));
                r.add(label, Figure.of("time in target write calls", calls.count() * calls.mean() / 1e9 / seconds * 100, "%"));
                r.add(label, Figure.of("files on target", Folders.countCards(Folders.addressBook(targetRoot)), "files"));
                if (n < 1_000_000) {
                    r.note(label, "wall-time target scaled from the 1M goal (5 min per million); run --million for the goal itself");
                }
            }
        }
    }

    /** Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs); harmless where unsupported. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception e) {
            // the peak then includes the data generation, which is noted by its size
        }
    }
}
