package org.concord.bench.servers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the third-party programs a scenario needs and, when allowed, installs the Debian package
 * that brings a missing one (the benchmark must run on a fresh machine). A program that stays
 * missing is a reason to skip, with the command that would install it.
 */
public final class Programs {
    private Programs() {}

    public static boolean onPath(String binary) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .map(p -> Path.of(p, binary))
                .anyMatch(Files::isExecutable);
    }

    /**
     * Makes sure {@code binary} is there, installing {@code debianPackage} with apt-get if
     * {@code install} allows it.
     *
     * @return empty if the program is there, else why it is not
     */
    public static Optional<String> require(String binary, String debianPackage, boolean install) {
        if (onPath(binary)) {
            return Optional.empty();
        }
        String how = "install it with 'apt-get install -y " + debianPackage + "' (Debian package " + debianPackage + ")";
        if (!install) {
            return Optional.of(binary + " is not installed; " + how);
        }
        if (!onPath("apt-get")) {
            return Optional.of(binary + " is not installed and this machine has no apt-get; " + how + " or the like");
        }
        System.out.println("   " + binary + " is missing: installing the Debian package " + debianPackage + " …");
        try {
            Path log = Files.createTempFile("concord-bench-apt-", ".log");
            int code = run(log, "apt-get", "install", "-y", "--no-install-recommends", debianPackage);
            if (code != 0) {
                // the package lists may be missing or stale on a fresh machine
                run(log, "apt-get", "update");
                code = run(log, "apt-get", "install", "-y", "--no-install-recommends", debianPackage);
            }
            if (code != 0 || !onPath(binary)) {
                return Optional.of(binary + " is not installed and 'apt-get install -y " + debianPackage
                        + "' failed (exit " + code + ", are you root?); see " + log);
            }
            Files.deleteIfExists(log);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(binary + " is not installed and apt-get could not run: " + e.getMessage() + "; " + how);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while installing " + debianPackage);
        }
    }

    private static int run(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
