package org.concord.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.concord.bench.measure.ProcessStats;

/**
 * {@code concord sync --once} as a user runs it from cron: a new JVM on a config file, timed from
 * launch to exit, its CPU taken from this JVM's reaped-children counters. The same command a user
 * would compare with {@code vdirsyncer sync}, JVM start included.
 */
public final class CronSync {
    private static final String MAIN = "org.concord.app.Main";

    private final Path config;
    private final Path dir;
    private int runs;

    /** What one run took, in seconds, and what it printed last. */
    public record Run(double seconds, double cpuSeconds, String summary) {}

    private CronSync(Path dir, Path config) {
        this.dir = dir;
        this.config = config;
    }

    /** Whether the concord command is on this JVM's class path (it is in concord.jar). */
    public static boolean available() {
        try {
            Class.forName(MAIN, false, CronSync.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A config in {@code dir}: the store in {@code dir/state}, the systems as given (name → YAML body). */
    public static CronSync configure(Path dir, Map<String, String> systems) throws IOException {
        Files.createDirectories(dir);
        StringBuilder yaml = new StringBuilder("store: state/concord.db\nsystems:\n");
        systems.forEach((name, body) -> {
            yaml.append("  ").append(name).append(":\n");
            body.lines().forEach(l -> yaml.append("    ").append(l).append('\n'));
        });
        Path config = dir.resolve("concord.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return new CronSync(dir, config);
    }

    public Run syncOnce() throws IOException, InterruptedException {
        Path log = dir.resolve("sync-" + ++runs + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.addAll(List.of("sync", "--once", "-c", config.toString()));
        long cpu = ProcessStats.reapedChildrenCpuNanos();
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CONCORD_LOG_LEVEL", "WARN");
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("concord sync --once did not finish in 30 min");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(log);
        String last = lines.stream().filter(l -> l.startsWith("read ")).reduce((a, b) -> b).orElse("");
        if (p.exitValue() != 0) {
            throw new IOException("concord sync --once failed with exit " + p.exitValue() + ": "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
        return new Run(seconds, (ProcessStats.reapedChildrenCpuNanos() - cpu) / 1e9, last);
    }
}
