package org.concord.connector.dav.testing;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A third-party server run by a test: started from its Debian package on a free loopback port
 * with a throwaway directory, awaited until it answers HTTP, and stopped with its directory
 * removed. A missing binary skips the test, or fails it when CONCORD_REQUIRE_SERVERS=1 (CI).
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path dir;
    private final Path log;
    private final int port;

    private ServerProcess(String name, Process process, Path dir, Path log, int port) {
        this.name = name;
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.port = port;
    }

    /** Skips (or, in CI, fails) the calling test when {@code binary} is not installed. */
    static void requireBinary(String binary, String debianPackage) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, binary))
                .anyMatch(Files::isExecutable);
        if (found) {
            return;
        }
        String message = binary + " is not installed: install the Debian package " + debianPackage
                + " (apt-get install -y " + debianPackage + ")";
        if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
            throw new AssertionError(message + "; CONCORD_REQUIRE_SERVERS=1 forbids skipping");
        }
        abort(message);
    }

    static Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory("concord-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Describes how to launch the server on a given port. */
    interface Launch {
        List<String> command(int port) throws IOException;
    }

    /**
     * Starts the server on a free port and waits until {@code probePath} answers with any HTTP
     * status. A port taken between choosing and binding is retried on another.
     */
    static ServerProcess start(String name, Path dir, Launch launch, String probePath) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = dir.resolve(name + "-" + port + ".log");
            Process process = new ProcessBuilder(launch.command(port))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ServerProcess server = new ServerProcess(name, process, dir, log, port);
            try {
                server.awaitAnswer(probePath);
                return server;
            } catch (IOException e) {
                last = e;
                server.stopProcess();
            }
        }
        deleteTree(dir);
        throw last;
    }

    int port() {
        return port;
    }

    Path directory() {
        return dir;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitAnswer(String probePath) throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl()).resolve(probePath))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException(name + " exited with " + process.exitValue() + " during startup:\n" + logTail());
                }
                try {
                    client.send(probe, HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + " startup interrupted", e);
        }
        throw new IOException(name + " did not answer on port " + port + " within " + STARTUP + ":\n" + logTail());
    }

    private void stopProcess() {
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

    @Override
    public void close() {
        stopProcess();
        deleteTree(dir);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; the test outcome matters more.
        }
    }
}
