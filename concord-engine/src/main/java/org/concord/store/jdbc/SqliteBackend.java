package org.concord.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * A store in one SQLite file. WAL with synchronous=FULL, so a committed transaction survives a
 * power loss; write transactions begin IMMEDIATE, taking the file's write lock up front, so that a
 * second process on the same file waits (busy timeout) instead of failing half way.
 */
final class SqliteBackend implements Backend {

    /** How long a connection waits for another process's lock on the file. */
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** Where the write-ahead log is cut back to after a checkpoint: 64 MiB. */
    static final long WAL_SIZE_LIMIT_BYTES = 64L * 1024 * 1024;

    private final Path file;

    SqliteBackend(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return "sqlite " + file;
    }

    @Override
    public String dialect() {
        return "sqlite";
    }

    @Override
    public Connection openWriter() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String got = mode.next() ? mode.getString(1) : "?";
                if (!"wal".equals(got.toLowerCase(Locale.ROOT))) {
                    throw new SQLException("the file system refused write-ahead logging (journal mode is '"
                            + got + "'); put the store on a local disk");
                }
            }
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA cache_size = -32768");
            statement.execute("PRAGMA temp_store = MEMORY");
            // A burst (a million-contact initial sync, readers always in between) can grow the
            // write-ahead log to a gigabyte before a checkpoint may restart it; SQLite then keeps
            // the file at that size for good unless told to cut it back after the checkpoint.
            statement.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT_BYTES);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public Connection openReader() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            statement.execute("PRAGMA query_only = ON");
            statement.execute("PRAGMA cache_size = -8192");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        // No statement here asks for generated keys; fetching them costs a query after every insert.
        properties.setProperty("jdbc.get_generated_keys", "false");
        SqliteNativeLibrary.prepare();
        Connection connection = new JDBC().connect(JDBC.PREFIX + file, properties);
        if (connection == null) {
            throw new SQLException("the SQLite driver does not accept " + file);
        }
        SqliteNativeLibrary.loaded();
        return connection;
    }

    // Transactions are begun and ended by statements on a connection left in auto-commit mode, so
    // that the driver never opens a transaction on its own between two of ours.

    @Override
    public void beginWrite(Session session) throws SQLException {
        session.query("BEGIN IMMEDIATE").update();
    }

    @Override
    public void beginRead(Session session) throws SQLException {
        session.query("BEGIN DEFERRED").update();
    }

    @Override
    public void beginMigration(Session session) throws SQLException {
        beginWrite(session);
    }

    @Override
    public void commit(Session session) throws SQLException {
        session.query("COMMIT").update();
    }

    @Override
    public void rollback(Session session) throws SQLException {
        try {
            session.query("ROLLBACK").update();
        } catch (SQLException e) {
            // SQLite ends a transaction by itself on some errors (disk full, I/O): nothing to undo then
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                throw e;
            }
        }
    }

    @Override
    public boolean connectionLost(SQLException e) {
        return false;
    }

    /** The driver runs only the first statement of several; in-process calls cost no round trip anyway. */
    @Override
    public boolean runsStatementsTogether() {
        return false;
    }

    /** BEGIN IMMEDIATE holds the file's write lock until the transaction ends. */
    @Override
    public boolean writesAlone() {
        return true;
    }

    @Override
    public int fetchSize() {
        return 500;
    }
}
