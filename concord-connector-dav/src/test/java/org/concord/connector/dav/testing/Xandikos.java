package org.concord.connector.dav.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Xandikos from the Debian package, on a free loopback port, serving one principal from a
 * throwaway git-backed directory. It has no authentication of its own; {@link #startBehindAuth}
 * puts a Basic-auth front before it for tests that need credentials checked.
 *
 * <p>{@code --defaults} creates {@code calendars/calendar/} (events, tasks and notes in one
 * calendar) and {@code contacts/addressbook/} under the principal.
 */
public final class Xandikos implements DavTestServer {
    public static final String USER = "alice";
    public static final String PASSWORD = "unused-without-a-front";

    private final ServerProcess process;

    private Xandikos(ServerProcess process) {
        this.process = process;
    }

    /** Starts a fresh Xandikos with its default collections; skips the test if it is not installed. */
    public static Xandikos start() {
        ServerProcess.requireBinary("xandikos", "xandikos");
        Path dir = ServerProcess.newDirectory("xandikos");
        try {
            ServerProcess process = ServerProcess.start("xandikos", dir, port -> List.of(
                    "xandikos", "--defaults", "-d", dir.resolve("data").toString(),
                    "-l", "127.0.0.1", "-p", Integer.toString(port),
                    "--current-user-principal", "/" + USER + "/"), "/");
            return new Xandikos(process);
        } catch (IOException e) {
            ServerProcess.deleteTree(dir);
            throw new UncheckedIOException("Xandikos did not start", e);
        }
    }

    /** Starts Xandikos behind a Basic-auth front that accepts only {@code user}/{@code password}. */
    public static BasicAuthFront startBehindAuth(String user, String password) {
        Xandikos xandikos = start();
        try {
            return BasicAuthFront.start(xandikos, user, password);
        } catch (IOException e) {
            xandikos.close();
            throw new UncheckedIOException("Basic-auth front did not start", e);
        }
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
