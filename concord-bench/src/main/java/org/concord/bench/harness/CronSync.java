package org.concord.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.concord.bench.measure.ProcessStats;

/**
 * {@code concord sync --once} as a user runs it from cron: the {@code concord} launcher of the
 * checkout this jar was built in, on a config file, timed from launch to exit, its CPU taken from
 * this JVM's reaped-children counters (the launcher replaces itself with the JVM). The launcher
 * chooses the JVM options, exactly as for a user; without one (a jar copied elsewhere) it is a
 * plain {@code java -jar}, and {@link #how()} says so. The same command a user would compare
 * with {@code vdirsyncer sync}, start-up included.
 */
public final class CronSync {
    private static final String MAIN = "org.concord.app.Main";

    private final Launch launch;
    private final Path config;
    private final Path dir;
    private int runs;

    /** What one run took, in seconds, and what it printed last. */
    public record Run(double seconds, double cpuSeconds, String summary) {}

    /**
     * How the runs start: the launcher (or {@code java -jar}), and the launcher's cache folder,
     * private to the scenario so that its class-data archive is made by the scenario's own
     * warm-up run and not by whatever ran before.
     */
    public record Launch(List<String> command, Path cache, String how) {}

    private CronSync(Launch launch, Path dir, Path config) {
        this.launch = launch;
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

    /** The launcher beside the jar on this JVM's class path, with its cache in {@code cache}. */
    public static Launch launch(Path cache) throws IOException {
        Files.createDirectories(cache);
        Optional<Path> launcher = launcher();
        if (launcher.isPresent()) {
            return new Launch(List.of(launcher.get().toString()), cache, "the concord launcher (" + launcher.get() + ")");
        }
        String jar = System.getProperty("java.class.path");
        return new Launch(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar), cache,
                "java -jar " + jar + " (no concord launcher beside the jar: no class-data archive, default JIT)");
    }

    /** {@code <checkout>/concord} when this JVM runs {@code <checkout>/concord-app/target/concord.jar}. */
    private static Optional<Path> launcher() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        Path target = jar.getParent();
        if (target == null || !jar.getFileName().toString().equals("concord.jar") || target.getParent() == null
                || target.getParent().getParent() == null) {
            return Optional.empty();
        }
        Path launcher = target.getParent().getParent().resolve("concord");
        return Files.isExecutable(launcher) && Files.isRegularFile(launcher) ? Optional.of(launcher) : Optional.empty();
    }

    /** A config in {@code dir}: the store in {@code dir/state}, the systems as given (name → YAML body). */
    public static CronSync configure(Launch launch, Path dir, Map<String, String> systems) throws IOException {
        Files.createDirectories(dir);
        StringBuilder yaml = new StringBuilder("store: state/concord.db\nsystems:\n");
        systems.forEach((name, body) -> {
            yaml.append("  ").append(name).append(":\n");
            body.lines().forEach(l -> yaml.append("    ").append(l).append('\n'));
        });
        Path config = dir.resolve("concord.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return new CronSync(launch, dir, config);
    }

    public Run syncOnce() throws IOException, InterruptedException {
        Path log = dir.resolve("sync-" + ++runs + ".log");
        List<String> command = new ArrayList<>(launch.command());
        command.addAll(List.of("sync", "--once", "-c", config.toString()));
        long cpu = ProcessStats.reapedChildrenCpuNanos();
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // as a user's JAVA_HOME: the launcher weighs it with the JDKs it finds and takes the newest
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", launch.cache().toString());
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
