package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.concord.spi.RetryableConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database connection kept for one purpose (reading, writing, pinging), reconnected on demand.
 * After a failed connect, calls fail fast until a backoff (0.25 s doubling to 30 s) has passed, so a
 * down database is not hammered; a lost connection is dropped and the next call reconnects.
 * Not shared between threads: each purpose has its own slot.
 */
final class ConnectionSlot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSlot.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What a fresh connection needs before use (autocommit, LISTEN, the origin marker). */
    interface Setup {
        void prepare(Connection c) throws SQLException;
    }

    private final JdbcSettings settings;
    private final String purpose;
    private final Setup setup;
    private Connection connection;
    private long retryAtNanos;
    private Duration backoff = FIRST_BACKOFF;

    ConnectionSlot(JdbcSettings settings, String purpose, Setup setup) {
        this.settings = settings;
        this.purpose = purpose;
        this.setup = setup;
    }

    synchronized Connection get() throws RetryableConnectorException {
        return get(false);
    }

    /**
     * The connection; with {@code validate}, a kept connection is checked first and replaced if the
     * server dropped it while idle, so a batch of writes does not start on a dead session.
     */
    synchronized Connection get(boolean validate) throws RetryableConnectorException {
        if (connection != null && validate) {
            try {
                if (!connection.isValid(2)) {
                    closeQuietly();
                }
            } catch (SQLException e) {
                closeQuietly();
            }
        }
        if (connection != null) {
            return connection;
        }
        long wait = retryAtNanos - System.nanoTime();
        if (wait > 0) {
            throw new RetryableConnectorException(settings.label() + ": database unreachable; next " + purpose
                    + " connection attempt in " + Duration.ofNanos(wait).toMillis() + " ms");
        }
        try {
            connection = open(settings);
            setup.prepare(connection);
            backoff = FIRST_BACKOFF;
            retryAtNanos = 0;
            return connection;
        } catch (SQLException e) {
            closeQuietly();
            retryAtNanos = System.nanoTime() + backoff.toNanos();
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            throw new RetryableConnectorException(settings.label() + ": cannot connect for " + purpose + ": "
                    + SqlFailures.describe(e), e);
        }
    }

    /** Drops the connection when a failure means it is gone, so the next call reconnects. */
    synchronized void failed(SQLException e) {
        if (connection == null) {
            return;
        }
        boolean dead = SqlFailures.connectionLost(e);
        if (!dead) {
            try {
                dead = connection.isClosed() || !connection.isValid(2);
            } catch (SQLException ignored) {
                dead = true;
            }
        }
        if (dead) {
            LOG.info("{}: {} connection lost; reconnecting on next use", settings.label(), purpose);
            closeQuietly();
        }
    }

    static Connection open(JdbcSettings settings) throws SQLException {
        Properties props = new Properties();
        settings.username().ifPresent(u -> props.setProperty("user", u));
        settings.password().ifPresent(p -> props.setProperty("password", p));
        settings.tls().ifPresent(on -> settings.dialect().tls(props, on));
        long timeout = settings.connectTimeout().toMillis();
        if (settings.dialect() == Dialect.MARIADB) {
            props.setProperty("connectTimeout", Long.toString(timeout));
        } else {
            props.setProperty("connectTimeout", Long.toString(Math.max(1, timeout / 1000)));
            props.setProperty("ApplicationName", "concord");
        }
        Connection c = settings.dialect().driver().connect(Dialect.driverUrl(settings.url()), props);
        if (c == null) {
            throw new SQLException("the " + settings.dialect().label() + " driver does not accept the URL", "08001");
        }
        return c;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // the connection is being dropped anyway
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
