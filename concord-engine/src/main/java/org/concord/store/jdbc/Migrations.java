package org.concord.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.concord.store.StoreException;

/**
 * Versioned schema migrations: scripts {@code V1.sql}, {@code V2.sql}, … per dialect, applied in
 * order in one transaction, each recorded in {@code schema_version}. A store whose schema is newer
 * than the newest script is refused: this code would misread it.
 *
 * <p>Scripts are never edited once released; a change of schema is a new script.
 */
final class Migrations {

    static final Migrations BUILT_IN = new Migrations("/org/concord/store/jdbc/");

    private static final String CREATE_VERSION_TABLE = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER NOT NULL PRIMARY KEY,
                applied_at BIGINT  NOT NULL
            )""";
    private static final String CURRENT_VERSION = "SELECT MAX(version) AS version FROM schema_version";
    private static final String RECORD_VERSION =
            "INSERT INTO schema_version (version, applied_at) VALUES (:version, :appliedAt)";

    private final String root;

    /** @param root the resource folder holding one folder of scripts per dialect */
    Migrations(String root) {
        this.root = root.endsWith("/") ? root : root + "/";
    }

    /** Brings the schema to the newest version; returns it. */
    int migrate(Session session) {
        return migrate(session, Integer.MAX_VALUE);
    }

    /** Brings the schema to version {@code upTo} at most (tests build old stores with it). */
    int migrate(Session session, int upTo) {
        Backend backend = session.backend();
        List<String> scripts = scripts(backend.dialect());
        int newest = scripts.size();
        int current;
        try {
            backend.beginWrite(session);
            execute(session, CREATE_VERSION_TABLE);
            backend.commit(session);
            backend.beginMigration(session);
            current = currentVersion(session);
        } catch (SQLException e) {
            rollbackQuietly(session);
            throw session.failure("reading the schema version", e);
        }
        if (current > newest) {
            rollbackQuietly(session);
            throw new StoreException(backend.describe() + ": the store has schema version " + current
                    + " but this Concord knows versions up to " + newest
                    + ": it was written by a newer Concord; run that version, or restore a backup made before the upgrade");
        }
        int goal = Math.min(upTo, newest);
        int version = current;
        try {
            while (version < goal) {
                version++;
                for (String statement : statements(scripts.get(version - 1))) {
                    execute(session, statement);
                }
                session.query(RECORD_VERSION)
                        .number("version", version)
                        .number("appliedAt", System.currentTimeMillis())
                        .update();
            }
            backend.commit(session);
        } catch (SQLException e) {
            rollbackQuietly(session);
            throw session.failure("migrating the schema from version " + current + " to " + version
                    + " (nothing was changed)", e);
        }
        return version;
    }

    private static int currentVersion(Session session) throws SQLException {
        try (ResultSet rows = session.query(CURRENT_VERSION).rows()) {
            return rows.next() ? rows.getInt("version") : 0;
        }
    }

    private static void execute(Session session, String sql) throws SQLException {
        try (Statement statement = session.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.backend().rollback(session);
        } catch (SQLException ignored) {
            // the failure being reported matters more; the connection is discarded on close
        }
    }

    /** The scripts of a dialect, V1 first; numbering has no gaps. */
    List<String> scripts(String dialect) {
        List<String> scripts = new ArrayList<>();
        for (int version = 1; ; version++) {
            String name = root + dialect + "/V" + version + ".sql";
            try (InputStream in = Migrations.class.getResourceAsStream(name)) {
                if (in == null) {
                    return scripts;
                }
                scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration script " + name, e);
            }
        }
    }

    /** Splits a script at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        List<String> statements = new ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
