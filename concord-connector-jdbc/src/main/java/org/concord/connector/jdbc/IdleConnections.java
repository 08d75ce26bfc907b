package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A few autocommit connections kept idle between short calls that may come from several threads at
 * once (record searches while a user types), so each call does not pay for a new session. Each
 * connection serves one call at a time.
 */
final class IdleConnections implements AutoCloseable {
    private static final int KEEP = 4;

    private final JdbcSettings settings;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    IdleConnections(JdbcSettings settings) {
        this.settings = settings;
    }

    Connection take() throws SQLException {
        while (true) {
            Connection c;
            synchronized (this) {
                c = idle.pollFirst();
            }
            if (c == null) {
                Connection fresh = ConnectionSlot.open(settings);
                fresh.setAutoCommit(true);
                return fresh;
            }
            if (c.isValid(2)) {
                return c;
            }
            closeQuietly(c);
        }
    }

    /** Takes a connection back after a call; one that failed is closed instead. */
    void give(Connection c, boolean healthy) {
        synchronized (this) {
            if (healthy && !closed && idle.size() < KEEP) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.forEach(IdleConnections::closeQuietly);
            idle.clear();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // dropped anyway
        }
    }
}
