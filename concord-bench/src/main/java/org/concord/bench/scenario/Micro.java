package org.concord.bench.scenario;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.concord.bench.BenchOptions;
import org.concord.bench.Figure;
import org.concord.bench.Scenario;
import org.concord.bench.ScenarioResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The JMH micro benchmarks ({@code org.concord.bench.micro}): codec decode/encode and hashing of
 * a contact, and the store's putPending. One fork with short warm-up and measurement iterations;
 * under {@code --quick} no fork and a fraction of a second each, only to prove they run.
 */
public final class Micro implements Scenario {

    @Override
    public String name() {
        return "micro";
    }

    @Override
    public String summary() {
        return "JMH: vCard decode/encode + content hash of a contact, store putPending (µs per operation)";
    }

    @Override
    public void run(BenchOptions o, Path dir, ScenarioResult r) throws Exception {
        Options options = new OptionsBuilder()
                .include("org\\.concord\\.bench\\.micro\\..*")
                .forks(o.quick() ? 0 : 1)
                .jvmArgs("-Xmx512m", "--enable-native-access=ALL-UNNAMED")
                .warmupIterations(o.quick() ? 1 : 2)
                .warmupTime(TimeValue.milliseconds(o.quick() ? 100 : 1000))
                .measurementIterations(o.quick() ? 1 : 3)
                .measurementTime(TimeValue.milliseconds(o.quick() ? 200 : 1000))
                .verbosity(o.quick() ? VerboseMode.SILENT : VerboseMode.NORMAL)
                // JMH's own iteration-by-iteration report would bury the bench's table: it goes to a file
                .output(dir.resolve("jmh.txt").toString())
                .shouldFailOnError(true)
                .build();
        // JMH refuses to start while another JMH run holds /tmp/jmh.lock. This scenario runs in a
        // JVM of its own; another benchmark on the machine makes the figures noisier (the load
        // average is reported), but must not make the run fail.
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult rr : results) {
            var params = rr.getParams();
            String bench = params.getBenchmark().replaceFirst(".*\\.micro\\.", "");
            String group = bench.startsWith("Codec") ? "codec (" + params.getParam("kind") + " contact)" : "store (sqlite, synchronous=FULL)";
            var score = rr.getPrimaryResult();
            String name = bench.replaceFirst("^[A-Za-z]+Benchmark\\.", "");
            r.add(group, Figure.of(name, score.getScore(), score.getScoreUnit()));
            if (!Double.isNaN(score.getScoreError())) {
                r.note(group, String.format(java.util.Locale.ROOT, "%s: %.1f ± %.1f %s (99.9%% interval)", name,
                        score.getScore(), score.getScoreError(), score.getScoreUnit()));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH found no benchmark (META-INF/BenchmarkList missing from the class path)");
        }
        r.note("scores are averages; JMH's full report is jmh.txt in the work folder (kept with --keep)");
    }

    @Override
    public List<String> jvmOptions(BenchOptions options) {
        return List.of("-Xmx512m");
    }
}
