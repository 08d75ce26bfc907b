package org.concord.connector.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;

/** Classifies SQL failures where they happen, by SQLSTATE and exception type, never by message text. */
final class SqlFailures {
    private SqlFailures() {}

    /** The connection is gone: the server went away, restarted, or an administrator ended the session. */
    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("70100")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Worth retrying as it is: a deadlock, a serialization failure, a lock wait that timed out. */
    static boolean transientConflict(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("57014")
                || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }

    /** The data is what the database refuses: too long, out of range, a constraint. */
    static boolean badData(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("22") || state.startsWith("23") || e.getErrorCode() == 1366 || e.getErrorCode() == 1406;
    }

    /** A call that failed as a whole: configuration and permission problems are permanent, the rest retryable. */
    static ConnectorException classify(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = what + ": " + describe(e);
        if (!connectionLost(e) && (state.startsWith("42") || state.startsWith("28") || state.equals("3D000")
                || e.getErrorCode() == 1044 || e.getErrorCode() == 1045 || e.getErrorCode() == 1049
                || e.getErrorCode() == 1142 || e.getErrorCode() == 1146 || e.getErrorCode() == 1054)) {
            return new PermanentConnectorException(message, e);
        }
        return new RetryableConnectorException(message, e);
    }

    /** A failure in words, without anything a driver might echo from the connection settings. */
    static String describe(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        m = m.replaceAll("(?i)password=[^&;\\s]*", "password=…");
        return (connectionLost(e) ? "connection lost: " : "") + m + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
}
