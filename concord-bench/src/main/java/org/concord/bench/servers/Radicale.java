package org.concord.bench.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Radicale from its Debian package, on a free loopback port, with one htpasswd user and its
 * storage in the scenario's folder ({@code -C} keeps the machine's own configuration out). The
 * address book is made on disk before the start, so a scenario can fill it with thousands of
 * files without thousands of slow PUTs.
 */
public final class Radicale implements DavServer {
    private static final String PASSWORD = "bench-radicale-7";

    private final String name;
    private final ServerProcess process;
    private final Path addressBook;

    private Radicale(String name, ServerProcess process, Path addressBook) {
        this.name = name;
        this.process = process;
        this.addressBook = addressBook;
    }

    /** The folder of the address book on disk, to fill before the start or to look at. */
    public static Path addressBookFolder(Path dir) {
        return dir.resolve("collections").resolve("collection-root").resolve(USER).resolve("contacts");
    }

    /** Starts Radicale serving {@code dir}; an address book {@code contacts} exists (empty unless filled before). */
    public static Radicale start(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path users = dir.resolve("users");
        Files.writeString(users, USER + ":" + PASSWORD + "\n", StandardCharsets.UTF_8);
        Path book = addressBookFolder(dir);
        Files.createDirectories(book);
        Path props = book.resolve(".Radicale.props");
        if (!Files.exists(props)) {
            Files.writeString(props, "{\"tag\": \"VADDRESSBOOK\", \"D:displayname\": \"contacts\"}", StandardCharsets.UTF_8);
        }
        Path config = dir.resolve("config");
        ServerProcess p = ServerProcess.start(name, dir, port -> {
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
        });
        return new Radicale(name, p, book);
    }

    public Path addressBookFolder() {
        return addressBook;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return process.url();
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public String addressBookPath() {
        return "/" + USER + "/contacts/";
    }

    @Override
    public long cpuNanos() {
        return process.cpuNanos();
    }

    @Override
    public void close() {
        process.close();
    }
}
