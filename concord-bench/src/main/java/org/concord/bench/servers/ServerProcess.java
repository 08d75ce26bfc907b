package org.concord.bench.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concord.bench.measure.ProcessStats;

/**
 * A server program started by a scenario on a free loopback port, in a folder of the scenario,
 * awaited until its port accepts connections, and stopped at the end. Its CPU time is read from
 * {@code /proc}, so a scenario can tell the server's work from the hub's.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** How to launch the server on a port. */
    public interface Launch {
        List<String> command(int port) throws IOException;
    }

    public static ServerProcess start(String name, Path dir, Launch launch) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = dir.resolve(name + "-" + port + ".log");
            Process p = new ProcessBuilder(launch.command(port)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            ServerProcess server = new ServerProcess(name, p, log, port);
            try {
                server.awaitPort();
                return server;
            } catch (IOException e) {
                last = e;
                server.close();
            }
        }
        throw last;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** CPU time the server has used so far (its threads and live children), in nanoseconds. */
    public long cpuNanos() {
        return ProcessStats.treeCpuNanos(process.toHandle());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitPort() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " at startup:\n" + logTail());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(name + ": interrupted at startup", e);
                }
            }
        }
        throw new IOException(name + " did not listen on port " + port + " within " + STARTUP.toSeconds() + " s:\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
