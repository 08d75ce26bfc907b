package org.concord.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.concord.bench.harness.Folders;
import org.concord.bench.measure.Machine;
import org.concord.bench.measure.ProcessStats;

/**
 * Runs benchmark scenarios, each in a fresh JVM, prints the table and writes the JSON. The entry
 * point of {@code concord bench}.
 */
public final class Bench {

    private Bench() {}

    /** The scenarios by name, in the order a full run takes them. */
    public static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario s : Scenarios.ALL) {
            all.put(s.name(), s);
        }
        return all;
    }

    /**
     * Runs the named scenarios (all when {@code names} is empty).
     *
     * @return 0 if every scenario ran or was skipped with a reason, 1 if one failed
     */
    public static int run(BenchOptions options, List<String> names, Optional<Path> json, PrintStream out)
            throws IOException, InterruptedException {
        Map<String, Scenario> all = scenarios();
        List<Scenario> chosen = new ArrayList<>();
        for (String n : names.isEmpty() ? List.copyOf(all.keySet()) : names) {
            Scenario s = all.get(n);
            if (s == null) {
                throw new IllegalArgumentException("bench: no scenario '" + n + "'; scenarios: " + String.join(", ", all.keySet()));
            }
            chosen.add(s);
        }
        OffsetDateTime started = OffsetDateTime.now();
        Map<String, Object> machine = Machine.describe();
        out.printf("concord bench%s: %s on %s (%s cores, %s GiB), load average %s%n", options.quick() ? " --quick" : "",
                started.withNano(0), machine.get("host"), machine.get("cores"), machine.get("memoryGiB"),
                ProcessStats.loadAverage());
        Files.createDirectories(options.workDir());
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : chosen) {
            out.printf("%n-- %s: %s%n", s.name(), s.summary());
            out.flush();
            ScenarioResult r = options.inProcess() ? runHere(s, options) : runInOwnJvm(s, options, out);
            results.add(r);
            Table.print(out, r);
            out.flush();
            if (json.isPresent()) {
                ResultJson.writeRun(json.get(), started, machine, options, results);
            }
        }
        Table.summary(out, results);
        json.ifPresent(f -> out.println("figures written to " + f.toAbsolutePath()));
        return results.stream().anyMatch(r -> r.outcome() == ScenarioResult.Outcome.FAILED) ? 1 : 0;
    }

    /** Runs a scenario in this JVM, timing it and noting the load average around it. */
    static ScenarioResult runHere(Scenario s, BenchOptions options) {
        ScenarioResult r = new ScenarioResult(s.name());
        List<Double> before = ProcessStats.loadAverage();
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory(options.workDir(), "concord-bench-" + s.name() + "-");
            s.run(options, dir, r);
        } catch (Exception | Error e) {
            r.failed(s.name() + " failed: " + e);
            e.printStackTrace();
        } finally {
            if (dir != null && !options.keep()) {
                long cleanUp = System.nanoTime();
                Folders.delete(dir);
                double seconds = (System.nanoTime() - cleanUp) / 1e9;
                if (seconds >= 1) {
                    // a scenario's files (100,000 contacts twice, say) can take a while to remove: say so, since it counts in the run's time
                    r.note(String.format(java.util.Locale.ROOT, "removing its work folder took %.0f s", seconds));
                }
            }
        }
        r.timing((System.nanoTime() - start) / 1e9, before, ProcessStats.loadAverage());
        return r;
    }

    private static ScenarioResult runInOwnJvm(Scenario s, BenchOptions options, PrintStream out)
            throws IOException, InterruptedException {
        Path resultFile = Files.createTempFile(options.workDir(), "concord-bench-" + s.name() + "-", ".json");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(s.jvmOptions(options));
            command.add("-XX:+UseG1GC");
            command.add("-Dconcord.log.level=" + System.getProperty("concord.bench.log.level", "WARN"));
            command.add("--enable-native-access=ALL-UNNAMED");
            if (options.profile()) {
                Path jfr = options.workDir().resolve("concord-bench-" + s.name() + ".jfr");
                command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
                out.println("   profile: " + jfr);
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ChildMain.class.getName());
            command.add(s.name());
            command.add(resultFile.toString());
            command.addAll(options.toArgs());
            Process p = new ProcessBuilder(command).inheritIO().start();
            Duration limit = s.timeLimit(options);
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                return new ScenarioResult(s.name()).failed(s.name() + " did not finish within " + limit.toMinutes() + " min");
            }
            if (Files.size(resultFile) == 0) {
                return new ScenarioResult(s.name()).failed(s.name() + ": its JVM exited with " + p.exitValue()
                        + " without a result (see the output above)");
            }
            return ResultJson.readOne(resultFile);
        } finally {
            Files.deleteIfExists(resultFile);
        }
    }
}
