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

    /** The statement for {@code sql}, prepared on first use and kept for the connection's life. */
    Query query(String sql) throws SQLException {
        Query query = queries.get(sql);
        if (query == null) {
            query = new Query(connection, sql);
            queries.put(sql, query);
        }
        return query;
    }

    /** A statement for one streaming read: not cached, so a visitor may run other queries meanwhile. */
    PreparedStatement streaming(String sql) throws SQLException {
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
