package org.concord.connector.dav.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Radicale from the Debian package, on a free loopback port, with htpasswd users (plain text),
 * owner-only rights and storage in a throwaway directory. {@code -C} replaces Radicale's config
 * search path, so the machine's own configuration is never read.
 */
public final class Radicale implements DavTestServer {
    public static final String USER = "alice";
    public static final String PASSWORD = "wonderland-7";

    private final ServerProcess process;
    private final Path users;

    private Radicale(ServerProcess process, Path users) {
        this.process = process;
        this.users = users;
    }

    /** Starts a fresh, empty Radicale; skips the test if Radicale is not installed. */
    public static Radicale start() {
        ServerProcess.requireBinary("radicale", "radicale");
        Path dir = ServerProcess.newDirectory("radicale");
        Path users = dir.resolve("users");
        Path config = dir.resolve("config");
        try {
            Files.writeString(users, USER + ":" + PASSWORD + "\n", StandardCharsets.UTF_8);
            ServerProcess process = ServerProcess.start("radicale", dir, port -> {
                Files.writeString(config, """
                        [server]
                        hosts = 127.0.0.1:%d
                        max_connections = 20
                        [auth]
                        type = htpasswd
                        htpasswd_filename = %s
                        htpasswd_encryption = plain
                        delay = 0
                        [rights]
                        type = owner_only
                        [storage]
                        filesystem_folder = %s
                        [web]
                        type = none
                        [logging]
                        level = warning
                        """.formatted(port, users, dir.resolve("collections")), StandardCharsets.UTF_8);
                return List.of("radicale", "-C", config.toString());
            }, "/.well-known/carddav");
            return new Radicale(process, users);
        } catch (IOException e) {
            ServerProcess.deleteTree(dir);
            throw new UncheckedIOException("Radicale did not start", e);
        }
    }

    /** Adds a user; Radicale reads its htpasswd file on every login. */
    public void addUser(String name, String password) {
        try {
            Files.writeString(users, name + ":" + password + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where Radicale keeps its collections on disk. */
    public Path storage() {
        return process.directory().resolve("collections");
    }

    @Override
    public String url() {
        return process.baseUrl();
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    public String log() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }
}
