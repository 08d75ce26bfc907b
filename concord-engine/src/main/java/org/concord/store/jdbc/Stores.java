package org.concord.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.concord.store.Store;
import org.concord.store.StoreException;

/**
 * Opens the store named by the config's {@code store:} key:
 * <ul>
 *   <li>a file path, relative to the config's folder, or {@code jdbc:sqlite:PATH}: SQLite; missing
 *       parent folders are created;
 *   <li>{@code jdbc:postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?user=…&password=…]}:
 *       PostgreSQL; the database must exist.
 * </ul>
 * The schema is created or migrated on open. A store written by a newer Concord is refused.
 */
public final class Stores {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    /** Something with a scheme ("jdbc:mysql:…", "mongodb://…") rather than a file path. */
    private static final Pattern SCHEME = Pattern.compile("^(jdbc:[A-Za-z0-9+.-]+|[A-Za-z][A-Za-z0-9+.-]+:/)");
    private static final String KINDS = "a file path or jdbc:sqlite:PATH (SQLite), or "
            + "jdbc:postgresql://HOST[:PORT]/DATABASE (PostgreSQL)";

    private Stores() {}

    /**
     * @param location what the config's {@code store:} key says
     * @param baseDir the folder relative paths are resolved against (the config file's folder)
     */
    public static Store open(String location, Path baseDir) throws StoreException {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(baseDir, "baseDir");
        String trimmed = location.strip();
        if (trimmed.isEmpty()) {
            throw new StoreException("store: no location given; use " + KINDS);
        }
        if (trimmed.startsWith(PostgresBackend.PREFIX)) {
            return JdbcStore.open(PostgresBackend.of(trimmed), Migrations.BUILT_IN);
        }
        if (trimmed.startsWith(SQLITE_PREFIX)) {
            return JdbcStore.open(sqlite(trimmed.substring(SQLITE_PREFIX.length()), baseDir), Migrations.BUILT_IN);
        }
        var scheme = SCHEME.matcher(trimmed);
        if (scheme.find()) {
            String kind = scheme.group(1).replaceFirst(":/$", "");
            throw new StoreException("store '" + kind + ":…': unknown kind of store '"
                    + kind.toLowerCase(Locale.ROOT) + "'; use " + KINDS);
        }
        return JdbcStore.open(sqlite(trimmed, baseDir), Migrations.BUILT_IN);
    }

    private static SqliteBackend sqlite(String path, Path baseDir) {
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:") || path.contains("?")) {
            throw new StoreException("store 'jdbc:sqlite:" + path + "': give the path of a file (without URI "
                    + "parameters); the store must outlive the process");
        }
        Path file;
        try {
            file = baseDir.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StoreException("store '" + path + "': not a valid file path: " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new StoreException("store '" + file + "': is a folder; give the path of the store file in it, "
                    + "e.g. " + file.resolve("concord.db"));
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("store '" + file + "': cannot create its folder " + file.getParent() + ": " + e, e);
        }
        return new SqliteBackend(file);
    }
}
