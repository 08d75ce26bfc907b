package org.concord.bench.harness;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.concord.store.Store;
import org.concord.store.jdbc.Stores;

/**
 * A fresh store for one run: a SQLite file in the run's folder (WAL, synchronous=FULL, as
 * Concord ships), or a PostgreSQL database created for the run and dropped when it closes.
 */
public final class BenchStore implements AutoCloseable {

    /** Which database a store lives in. */
    public enum Kind {
        SQLITE("sqlite"),
        POSTGRESQL("postgresql");

        public final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    private final Store store;
    private final String adminUrl;
    private final String database;

    private BenchStore(Store store, String adminUrl, String database) {
        this.store = store;
        this.adminUrl = adminUrl;
        this.database = database;
    }

    public static BenchStore sqlite(Path dir) {
        return new BenchStore(Stores.open(dir.resolve("concord.db").toString(), dir), null, null);
    }

    /**
     * Creates a database on the server of {@code adminUrl} (a URL of an existing database, e.g.
     * {@code postgres}) and opens a store in it.
     */
    public static BenchStore postgres(String adminUrl) throws SQLException {
        String database = "concord_bench_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        try {
            return new BenchStore(Stores.open(url, Path.of(".")), adminUrl, database);
        } catch (RuntimeException e) {
            drop(adminUrl, database);
            throw e;
        }
    }

    /** Whether the PostgreSQL server answers; the reason if not. */
    public static java.util.Optional<String> postgresProblem(String adminUrl) {
        try (Connection c = DriverManager.getConnection(adminUrl)) {
            return java.util.Optional.empty();
        } catch (SQLException e) {
            return java.util.Optional.of("PostgreSQL at " + adminUrl.replaceAll("password=[^&]*", "password=…")
                    + " does not answer: " + e.getMessage());
        }
    }

    public static BenchStore open(Kind kind, Path dir, String adminUrl) throws SQLException {
        return kind == Kind.SQLITE ? sqlite(dir) : postgres(adminUrl);
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        if (database != null) {
            drop(adminUrl, database);
        }
    }

    private static void drop(String adminUrl, String database) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("bench: could not drop database " + database + ": " + e.getMessage());
        }
    }
}
