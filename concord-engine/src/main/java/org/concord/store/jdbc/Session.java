package org.concord.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.concord.store.StoreException;

/**
 * One connection of a store with its prepared statements. Used by one thread at a time (the
 * store's locks see to that).
 */
final class Session implements AutoCloseable {

    private final Backend backend;
    private final Connection connection;
    private final Map<String, Query> queries = new HashMap<>();
    /** A statement with rows queued by {@link #queued}, sent before anything else runs. */
    private Query batch;
    private String batchOperation;
    private boolean lost;
    private long lastUsedNanos = System.nanoTime();

    Session(Backend backend, Connection connection) {
        this.backend = backend;
        this.connection = connection;
    }

    Backend backend() {
        return backend;
    }

    Connection connection() {
        return connection;
    }

    /**
     * The statement for {@code sql}, prepared on first use and kept for the connection's life.
     * Rows queued before are sent first, so a query sees every change made before it.
     */
    Query query(String sql) throws SQLException {
        flush();
        return prepared(sql);
    }

    /**
     * The statement for {@code sql}, to queue rows with {@link Query#queue}: consecutive rows of one
     * statement go to the database together (one round trip on a server) when the next other
     * statement runs, or at commit.
     *
     * @param operation what the queued rows are for, named if sending them fails
     */
    Query queued(String sql, String operation) throws SQLException {
        Query query = prepared(sql);
        if (batch != query) {
            flush();
            batch = query;
            batchOperation = operation;
        }
        return query;
    }

    /** Sends queued rows; a failure names what they were for. */
    void flush() {
        if (batch == null) {
            return;
        }
        Query sending = batch;
        batch = null;
        try {
            sending.sendQueued();
        } catch (SQLException e) {
            throw failure(batchOperation, e);
        }
    }

    /** Forgets queued rows (the transaction is rolled back). */
    void discardQueued() {
        if (batch != null) {
            try {
                batch.discardQueued();
            } catch (SQLException ignored) {
                // the rollback that follows undoes everything anyway
            }
            batch = null;
        }
    }

    private Query prepared(String sql) throws SQLException {
        Query query = queries.get(sql);
        if (query == null) {
            query = new Query(connection, sql);
            queries.put(sql, query);
        }
        return query;
    }

    /** A statement for one streaming read: not cached, so a visitor may run other queries meanwhile. */
    PreparedStatement streaming(String sql) throws SQLException {
        flush();
        PreparedStatement statement = connection.prepareStatement(NamedSql.parse(sql).jdbcSql());
        statement.setFetchSize(backend.fetchSize());
        return statement;
    }

    /** Wraps a database failure into one that names the store and the operation. */
    StoreException failure(String operation, SQLException e) {
        if (backend.connectionLost(e)) {
            lost = true;
        }
        return new StoreException(backend.describe() + ": " + operation + " failed: " + e.getMessage(), e);
    }

    boolean lost() {
        return lost;
    }

    void markLost() {
        lost = true;
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /** Whether the connection still answers; a short round trip, used only after idle periods. */
    boolean answers() {
        try {
            return !lost && connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Query query : queries.values()) {
            try {
                query.close();
            } catch (SQLException ignored) {
                // the connection is closed next, which releases the statement anyway
            }
        }
        queries.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release: a connection that fails to close is gone
        }
    }
}
