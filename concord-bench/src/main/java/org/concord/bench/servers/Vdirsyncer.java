package org.concord.bench.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concord.bench.measure.ProcessStats;

/**
 * vdirsyncer from its Debian package, with a config of one pair in a scenario's folder. Each
 * command is timed, and its CPU taken from this JVM's reaped-children counters.
 */
public final class Vdirsyncer {
    private final Path config;
    private final Path dir;

    private Vdirsyncer(Path dir, Path config) {
        this.dir = dir;
        this.config = config;
    }

    /** What one run took: wall time and the CPU of vdirsyncer itself, in seconds. */
    public record Run(double seconds, double cpuSeconds) {}

    /** A pair from a CardDAV address book to a folder of {@code .vcf} files. */
    public static Vdirsyncer davToFolder(Path dir, DavServer server, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        return write(dir, storage("a", server) + """
                [storage b]
                type = "filesystem"
                path = "%s/"
                fileext = ".vcf"
                """.formatted(folder));
    }

    /** A pair between two CardDAV address books. */
    public static Vdirsyncer davToDav(Path dir, DavServer a, DavServer b) throws IOException, InterruptedException {
        return write(dir, storage("a", a) + storage("b", b));
    }

    private static String storage(String name, DavServer server) {
        return """
                [storage %s]
                type = "carddav"
                url = "%s"
                username = "%s"
                password = "%s"

                """.formatted(name, server.url().replaceAll("/$", "") + server.addressBookPath(), DavServer.USER,
                server.password());
    }

    private static Vdirsyncer write(Path dir, String storages) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("status"));
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [general]
                status_path = "%s/"

                [pair bench]
                a = "a"
                b = "b"
                collections = null
                conflict_resolution = "a wins"

                """.formatted(dir.resolve("status")) + storages, StandardCharsets.UTF_8);
        Vdirsyncer v = new Vdirsyncer(dir, config);
        v.run("discover");
        return v;
    }

    /** {@code vdirsyncer sync}, timed. */
    public Run sync() throws IOException, InterruptedException {
        return run("sync");
    }

    private Run run(String command) throws IOException, InterruptedException {
        Path log = dir.resolve("vdirsyncer-" + command + ".log");
        long cpu = ProcessStats.reapedChildrenCpuNanos();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(List.of("vdirsyncer", "-c", config.toString(), command))
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("vdirsyncer " + command + " did not finish in 30 min");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IOException("vdirsyncer " + command + " failed with exit " + p.exitValue() + ": "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
        return new Run(seconds, (ProcessStats.reapedChildrenCpuNanos() - cpu) / 1e9);
    }
}
