package org.concord.bench.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Xandikos from its Debian package, on a free loopback port, one principal, git-backed storage in
 * the scenario's folder; {@code --defaults} creates the address book {@code contacts/addressbook/}.
 * It has no authentication: the password the hub sends is ignored.
 */
public final class Xandikos implements DavServer {
    private final String name;
    private final ServerProcess process;

    private Xandikos(String name, ServerProcess process) {
        this.name = name;
        this.process = process;
    }

    public static Xandikos start(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        ServerProcess p = ServerProcess.start(name, dir, port -> List.of("xandikos", "--defaults", "-d",
                dir.resolve("data").toString(), "-l", "127.0.0.1", "-p", Integer.toString(port),
                "--current-user-principal", "/" + USER + "/"));
        return new Xandikos(name, p);
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
        return "unused";
    }

    @Override
    public String addressBookPath() {
        return "/" + USER + "/contacts/addressbook/";
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
