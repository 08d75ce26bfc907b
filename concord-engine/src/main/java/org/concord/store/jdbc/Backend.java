package org.concord.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases a store can live in: how to connect, how transactions begin
 * and end, and which migration scripts build the schema. Everything else is shared SQL.
 */
sealed interface Backend permits SqliteBackend, PostgresBackend {

    /** "sqlite /var/lib/concord/concord.db", "postgresql //db:5432/concord"; never a password. */
    String describe();

    /** The folder of this backend's migration scripts, beside the code. */
    String dialect();

    /** The connection that runs transactions; one at a time. */
    Connection openWriter() throws SQLException;

    /** A connection for reads beside a running transaction. */
    Connection openReader() throws SQLException;

    void beginWrite(Session session) throws SQLException;

    void beginRead(Session session) throws SQLException;

    /** Begins the transaction that migrates the schema, excluding other processes doing the same. */
    void beginMigration(Session session) throws SQLException;

    void commit(Session session) throws SQLException;

    void rollback(Session session) throws SQLException;

    /** Whether this failure means the connection is gone (so the next use must reconnect). */
    boolean connectionLost(SQLException e);

    /** Whether one prepared statement may hold several statements, sent in one round trip. */
    boolean runsStatementsTogether();

    /**
     * Whether a write transaction runs alone: no other connection or process changes the database
     * before it ends (SQLite's one writer at a time), so what it read stays true until then.
     */
    boolean writesAlone();

    /** Rows fetched at a time when streaming a large result. */
    int fetchSize();
}
